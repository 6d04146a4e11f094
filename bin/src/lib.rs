//! # beamlet-cli
//!
//! The `vm` command, with the conventions of `elixir`: `vm FILE.exs [ARGS...]` runs a script,
//! `vm` alone opens the REPL. Each subcommand's doc comment is its `--help` text.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
pub mod repl;
