//! What the model is built with, apart from the model itself: the ordered
//! map and set, one copy of the sorting code, numbers written the
//! Vietnamese way, text normalisation and filling, Latin normal forms, long
//! lists a page at a time, and
//! the decoding helpers the model's records are read with. Plain Rust, like
//! the core.

pub mod decode;
pub mod latin;
pub mod map;
pub mod numbers;
pub mod order;
pub mod paging;
pub mod text;
