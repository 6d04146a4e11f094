//! # beamlet-bytecode
//!
//! The instruction set of Beamlet's register machine and everything generated from its one
//! table ([`for_each_op!`], in [`ops`]): the [`Instr`] enum and [`Opcode`], the encoder and
//! decoder, the disassembler and the verifier; plus the module file format (version,
//! atom table, literal table, imports, exports, line tables, exception handlers).
//!
//! Both sides use it: the compiler emits [`Module`]s, the VM decodes, [`verify`]s and
//! loads them. It has no dependencies of its own.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod disasm;
pub mod instr;
pub mod module;
pub mod ops;
pub mod pack;
pub mod verify;

pub use instr::{
    Byte, Count, Fun, Import, Instr, Label, Opcode, Operand, Reg, Src, SrcKind, TypeTest,
};
pub use module::{Function, Handler, ImportEntry, Literal, Module};
pub use verify::{verify, VerifyError};

/// Version of the module file format. Opcode numbers are append-only; a change of number,
/// operands or meaning of any opcode bumps this (OTP's `genop.tab` rule).
pub const FORMAT_VERSION: u32 = 4;

/// Why a module file could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// It does not start with [`module::MAGIC`].
    BadMagic,
    /// It was written for another format version.
    Version(u32),
    /// It ends in the middle of something.
    Truncated,
    /// An unknown opcode at a byte offset.
    BadOpcode {
        /// Byte offset.
        at: usize,
        /// The byte.
        opcode: u8,
    },
    /// A malformed literal at a byte offset.
    BadLiteral {
        /// Byte offset.
        at: usize,
    },
    /// Literals nested deeper than [`module::MAX_LITERAL_DEPTH`].
    TooDeep,
    /// A name that is not UTF-8.
    BadUtf8,
    /// Bytes after the code.
    TrailingBytes,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::BadMagic => write!(f, "not a Beamlet module (bad magic)"),
            DecodeError::Version(v) => write!(
                f,
                "module format version {v}, this VM reads version {FORMAT_VERSION}"
            ),
            DecodeError::Truncated => write!(f, "truncated module"),
            DecodeError::BadOpcode { at, opcode } => {
                write!(f, "unknown opcode {opcode} at byte {at}")
            }
            DecodeError::BadLiteral { at } => write!(f, "malformed literal at byte {at}"),
            DecodeError::TooDeep => write!(f, "literal nested too deeply"),
            DecodeError::BadUtf8 => write!(f, "a name is not UTF-8"),
            DecodeError::TrailingBytes => write!(f, "trailing bytes after the code"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes and verifies a module file.
pub fn load(bytes: &[u8]) -> Result<Module, String> {
    let m = Module::decode(bytes).map_err(|e| e.to_string())?;
    verify(&m).map_err(|e| format!("invalid module {}: {e}", m.name()))?;
    Ok(m)
}
