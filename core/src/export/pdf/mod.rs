//! The one-page clinician report as PDF (being written).
