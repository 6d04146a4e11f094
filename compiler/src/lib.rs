//! # beamlet-compiler
//!
//! Turns source in Beamlet's subset of Elixir into verified bytecode modules: a logos lexer
//! with modes for interpolation and sigils ([`lexer`]), a lalrpop grammar close to Elixir's
//! own ([`parser`]), an AST with a span on every node ([`ast`]), diagnostics with
//! `file:line:column`, a snippet and a hint ([`diagnostic`]); later the expansion of the
//! built-in forms, a small Core IR, pattern compilation to decision trees, register
//! allocation and code generation into [`beamlet_bytecode`] modules. The compiler never
//! panics on hostile source.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::indexing_slicing)]

pub mod ast;
pub mod diagnostic;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod subset;
pub mod token;

/// The bytecode format version this compiler emits.
pub const EMITS_FORMAT_VERSION: u32 = beamlet_bytecode::FORMAT_VERSION;
