//! Helpers shared by the integration tests (and, by path, the `bytecode` fuzz target).
#![allow(dead_code)]

pub mod gen;
pub mod invariants;
