//! Monetary figures (filled in by the money extractor).

use super::Context;
use crate::model;

/// Every monetary amount of the document, in document order.
pub fn money(_ctx: &Context<'_, '_>) -> Vec<model::Money> {
    Vec::new()
}
