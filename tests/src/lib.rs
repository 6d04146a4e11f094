//! # beamlet-tests
//!
//! Tests that cross crate boundaries: the conformance programs in `conformance/` (each
//! `*.exs` beside the `*.out` that real `elixir` printed for it), CLI snapshot tests that run
//! the `vm` binary as a process, and scheduler and GC stress tests. The tests live in
//! `tests/*.rs`; this library holds only shared helpers.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
