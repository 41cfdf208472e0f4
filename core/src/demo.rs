//! Deterministic synthetic journals for the demo and benchmarks (being written).
