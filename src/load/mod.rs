//! Loading: walk the content tree and parse each file into raw types.

pub mod raw;
