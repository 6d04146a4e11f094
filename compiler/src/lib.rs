//! # beamlet-compiler
//!
//! Turns source in Beamlet's subset of Elixir into verified bytecode modules: a logos lexer
//! with modes for interpolation and sigils, a lalrpop grammar close to Elixir's own, an AST
//! with a span on every node, expansion of the built-in forms, a small Core IR, pattern
//! compilation to decision trees, register allocation and code generation into
//! [`beamlet_bytecode`] modules. Errors are diagnostics with `file:line:column`, a snippet and
//! a hint; the compiler never panics on hostile source.
//!
//! Status: the front end is issue 3 and the back end issue 4; this crate is a placeholder in
//! the workspace so that the dependency direction (bytecode <- compiler <- stdlib <- vm <- cli)
//! is fixed from the start.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::indexing_slicing)]

/// The bytecode format version this compiler emits.
pub const EMITS_FORMAT_VERSION: u32 = beamlet_bytecode::FORMAT_VERSION;
