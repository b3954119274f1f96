//! The last stage: each renderer is a separate sink over values the engine produced.
//! Renderers never recompute anything; they only format.

pub mod catalog;
pub mod style;
