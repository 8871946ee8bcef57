//! Limits every face shares.

/// Bodies larger than this are refused with 413 (forms and JSON here are small).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
