//! draftdiff: article-by-article comparison of convention drafts.
//!
//! The crate is laid out as its pipeline: [`load`] drafts → [`align`] articles →
//! [`redline`] words → [`classify`] kinds and severity → [`summary`] per chapter →
//! [`render`] text, JSON, Markdown, HTML or Word. [`compare`] runs the middle stages;
//! [`check`] and [`validate`] are the gates built on them; [`versions`] follows articles
//! through many versions (history, blame, proposals); [`table`] writes and checks
//! correlation tables from a comparison.

#![warn(missing_docs)]

pub mod align;
pub mod change;
pub mod check;
pub(crate) mod citations;
pub mod classify;
pub mod compare;
pub mod error;
pub mod import;
pub mod inputs;
pub mod load;
pub mod model;
pub mod output;
pub mod pipe;
pub mod redline;
pub mod render;
mod roman;
pub mod site;
pub mod summary;
#[cfg(feature = "synth")]
#[doc(hidden)]
pub mod synth;
pub mod table;
pub mod validate;
pub mod versions;

pub use change::{Change, ChangeKind, Comparison, Op, Segment, Severity};
pub use error::{Error, Result};
pub use load::Catalog;
pub use model::{Article, Chapter, Draft};
