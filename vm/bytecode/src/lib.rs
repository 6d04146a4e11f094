//! # beamlet-bytecode
//!
//! The instruction set of Beamlet's register machine and everything generated from its one
//! table: the opcode enum, the encoder and decoder, the disassembler and the verifier, plus
//! the module file format (version, literal table, atom table, exports, line tables).
//!
//! Both sides use it: the compiler emits modules with it, the VM verifies and loads them.
//! It has no dependencies of its own.
//!
//! Status: the instruction table arrives with the back end (issue 4). Until then this crate
//! only fixes the format version rule: changing an opcode's number, operands or meaning
//! bumps [`FORMAT_VERSION`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Version of the module file format. Opcode numbers are append-only; a change of number,
/// operands or meaning of any opcode bumps this (OTP's `genop.tab` rule).
pub const FORMAT_VERSION: u32 = 0;
