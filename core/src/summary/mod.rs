//! Pattern summaries of a range of nights (being written).
