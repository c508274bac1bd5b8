//! What the app says: the core's errors, results, numbers and money in the
//! language in use (`messages`), and the reasons of results as sentences
//! with their numbers (`reasons`).

pub mod messages;
pub mod reasons;
