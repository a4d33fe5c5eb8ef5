//! The vocabulary every stage reads: one home for each kind of knowledge.
//!
//! Data and tiny look-ups only; nothing here recognises anything. Each
//! list is kept once, so that what one recogniser knows the others know:
//! a currency symbol the money recogniser reads is one the date
//! recogniser will not take for a year's prefix, and a month the date
//! recogniser reads is one the sentence splitter does not end a sentence
//! before. This module imports nothing of the crate but the text
//! utilities ([`crate::tokens`]).

pub mod calendar;
pub mod citations;
pub mod countries;
pub mod currency;
pub mod markup;
pub mod numbers;

/// The value of word `w` in a `(word, value)` table, ignoring ASCII case.
pub fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

/// Is `w` in `list`, ignoring ASCII case?
pub fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|k| k.eq_ignore_ascii_case(w))
}
