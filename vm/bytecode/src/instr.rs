//! Everything generated from the instruction table: the [`Instr`] enum, [`Opcode`],
//! encoding, decoding, the operand visitor the verifier uses, and the disassembly of one
//! instruction.

use std::fmt;

use crate::DecodeError;

/// A register of the current frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reg(pub u16);

/// A source operand: a register or a constant of the module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Src(pub u32);

/// The bit that makes a [`Src`] a constant.
pub const CONST_BIT: u32 = 0x8000_0000;

impl Src {
    /// The register `r`.
    pub const fn reg(r: Reg) -> Src {
        Src(r.0 as u32)
    }

    /// The constant `K[i]`.
    pub const fn konst(i: u32) -> Src {
        Src(i | CONST_BIT)
    }

    /// Which register or constant it is.
    pub const fn decode(self) -> SrcKind {
        if self.0 & CONST_BIT == 0 {
            SrcKind::Reg(self.0 as u16)
        } else {
            SrcKind::Const(self.0 & !CONST_BIT)
        }
    }
}

/// A [`Src`], decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SrcKind {
    /// A register (the verifier has checked that it fits in 16 bits).
    Reg(u16),
    /// A constant index.
    Const(u32),
}

/// An instruction index in the module's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// A function of this module, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fun(pub u32);

/// An entry of the module's import table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Import(pub u32);

/// An unsigned number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Count(pub u32);

/// A small unsigned number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Byte(pub u8);

/// One operand, for code that treats operands generically (the verifier).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// A register.
    Reg(Reg),
    /// A register or constant.
    Src(Src),
    /// A jump target.
    Label(Label),
    /// A local function.
    Fun(Fun),
    /// An import.
    Import(Import),
    /// A number.
    Count(Count),
    /// A small number.
    Byte(Byte),
}

/// An operand type: how it is encoded and shown.
pub trait OperandType: Copy {
    /// Appends the encoding.
    fn encode(self, out: &mut Vec<u8>);
    /// Reads one from `bytes` at `*pos`.
    fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError>;
    /// As a generic operand.
    fn operand(self) -> Operand;
    /// Applies `f` if this is a jump target.
    fn map_label(&mut self, f: &mut dyn FnMut(Label) -> Label) {
        let _ = f;
    }
    /// Applies `f` to the register number if this names a register.
    fn map_reg(&mut self, f: &mut dyn FnMut(u16) -> u16) {
        let _ = f;
    }
}

pub(crate) fn read_u8(bytes: &[u8], pos: &mut usize) -> Result<u8, DecodeError> {
    let b = *bytes.get(*pos).ok_or(DecodeError::Truncated)?;
    *pos += 1;
    Ok(b)
}

pub(crate) fn read_u16(bytes: &[u8], pos: &mut usize) -> Result<u16, DecodeError> {
    let s = bytes.get(*pos..*pos + 2).ok_or(DecodeError::Truncated)?;
    *pos += 2;
    Ok(u16::from_le_bytes([s[0], s[1]]))
}

pub(crate) fn read_u32(bytes: &[u8], pos: &mut usize) -> Result<u32, DecodeError> {
    let s = bytes.get(*pos..*pos + 4).ok_or(DecodeError::Truncated)?;
    *pos += 4;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

macro_rules! operand_u32 {
    ($($t:ident),*) => {$(
        impl OperandType for $t {
            fn encode(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.0.to_le_bytes());
            }
            fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError> {
                read_u32(bytes, pos).map($t)
            }
            fn operand(self) -> Operand {
                Operand::$t(self)
            }
        }
    )*};
}
operand_u32!(Fun, Import, Count);

impl OperandType for Src {
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
    }
    fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError> {
        read_u32(bytes, pos).map(Src)
    }
    fn operand(self) -> Operand {
        Operand::Src(self)
    }
    fn map_reg(&mut self, f: &mut dyn FnMut(u16) -> u16) {
        if let SrcKind::Reg(r) = self.decode() {
            *self = Src(f(r) as u32);
        }
    }
}

impl OperandType for Label {
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
    }
    fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError> {
        read_u32(bytes, pos).map(Label)
    }
    fn operand(self) -> Operand {
        Operand::Label(self)
    }
    fn map_label(&mut self, f: &mut dyn FnMut(Label) -> Label) {
        *self = f(*self);
    }
}

impl OperandType for Reg {
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
    }
    fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError> {
        read_u16(bytes, pos).map(Reg)
    }
    fn operand(self) -> Operand {
        Operand::Reg(self)
    }
    fn map_reg(&mut self, f: &mut dyn FnMut(u16) -> u16) {
        self.0 = f(self.0);
    }
}

impl OperandType for Byte {
    fn encode(self, out: &mut Vec<u8>) {
        out.push(self.0);
    }
    fn decode(bytes: &[u8], pos: &mut usize) -> Result<Self, DecodeError> {
        read_u8(bytes, pos).map(Byte)
    }
    fn operand(self) -> Operand {
        Operand::Byte(self)
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Operand::Reg(r) => write!(f, "r{}", r.0),
            Operand::Src(s) => match s.decode() {
                SrcKind::Reg(r) => write!(f, "r{r}"),
                SrcKind::Const(k) => write!(f, "k{k}"),
            },
            Operand::Label(l) => write!(f, "@{}", l.0),
            Operand::Fun(x) => write!(f, "fun{}", x.0),
            Operand::Import(x) => write!(f, "imp{}", x.0),
            Operand::Count(x) => write!(f, "{}", x.0),
            Operand::Byte(x) => write!(f, "{}", x.0),
        }
    }
}

macro_rules! define_instr {
    ($(
        $(#[doc = $doc:literal])*
        $snake:ident = $camel:ident { $($field:ident : $ty:ident),* $(,)? };
    )*) => {
        /// One instruction, as the loader keeps it and the interpreter dispatches on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Instr {
            $(
                $(#[doc = $doc])*
                $camel { $(#[allow(missing_docs)] $field: $ty),* },
            )*
        }

        /// The opcode of an instruction: its position in the table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Opcode {
            $(
                $(#[doc = $doc])*
                $camel,
            )*
        }

        impl Opcode {
            /// Every opcode, in number order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$camel),*];

            /// The opcode numbered `n`.
            pub fn from_u8(n: u8) -> Option<Opcode> {
                Opcode::ALL.get(n as usize).copied()
            }

            /// The snake name shown by the disassembler.
            pub fn name(self) -> &'static str {
                match self {
                    $(Opcode::$camel => stringify!($snake).trim_end_matches('_'),)*
                }
            }

            /// The one-line semantics.
            pub fn doc(self) -> &'static str {
                match self {
                    $(Opcode::$camel => concat!($($doc),*).trim(),)*
                }
            }
        }

        impl Instr {
            /// Its opcode.
            pub fn opcode(&self) -> Opcode {
                match self {
                    $(Instr::$camel { .. } => Opcode::$camel,)*
                }
            }

            /// Appends its encoding.
            pub fn encode(&self, out: &mut Vec<u8>) {
                match *self {
                    $(Instr::$camel { $($field),* } => {
                        out.push(Opcode::$camel as u8);
                        $(OperandType::encode($field, out);)*
                    })*
                }
            }

            /// Reads one instruction at `*pos`.
            pub fn decode(bytes: &[u8], pos: &mut usize) -> Result<Instr, DecodeError> {
                let at = *pos;
                let op = read_u8(bytes, pos)?;
                match Opcode::from_u8(op) {
                    $(Some(Opcode::$camel) => Ok(Instr::$camel {
                        $($field: <$ty as OperandType>::decode(bytes, pos)?,)*
                    }),)*
                    None => Err(DecodeError::BadOpcode { at, opcode: op }),
                }
            }

            /// Replaces every jump target `l` by `f(l)` (the compiler resolves labels so).
            pub fn map_labels(&mut self, f: &mut dyn FnMut(Label) -> Label) {
                match self {
                    $(Instr::$camel { $($field),* } => {
                        $(OperandType::map_label($field, f);)*
                    })*
                }
            }

            /// Replaces every register number `r` (of a register or a register source)
            /// by `f(r)`. Windows are named by their base register only.
            pub fn map_regs(&mut self, f: &mut dyn FnMut(u16) -> u16) {
                match self {
                    $(Instr::$camel { $($field),* } => {
                        $(OperandType::map_reg($field, f);)*
                    })*
                }
            }

            /// Calls `f` on each operand with its name, in table order.
            pub fn for_each_operand(&self, f: &mut dyn FnMut(&'static str, Operand)) {
                match *self {
                    $(Instr::$camel { $($field),* } => {
                        $(f(stringify!($field), OperandType::operand($field));)*
                    })*
                }
            }
        }
    };
}

crate::for_each_op!(define_instr);

impl fmt::Display for Instr {
    /// `name op, op, ...`: the disassembly of one instruction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.opcode().name())?;
        let mut first = true;
        let mut res = Ok(());
        self.for_each_operand(&mut |_, op| {
            let sep = if first { " " } else { ", " };
            first = false;
            if res.is_ok() {
                res = write!(f, "{sep}{op}");
            }
        });
        res
    }
}

impl Instr {
    /// Control never goes on to the next instruction: a return, a jump, a tail call, a
    /// raise, a `select_*` or an entry of its table, `recv_next`. (A function's code
    /// ends with one; the compiler's rewrites stop at one.)
    pub fn ends_flow(&self) -> bool {
        matches!(
            self,
            Instr::Ret { .. }
                | Instr::Jump { .. }
                | Instr::SelectVal { .. }
                | Instr::SelectArity { .. }
                | Instr::CaseVal { .. }
                | Instr::RecvNext { .. }
                | Instr::CallTail { .. }
                | Instr::CallExtTail { .. }
                | Instr::CallFunTail { .. }
                | Instr::ApplyTail { .. }
                | Instr::Raise { .. }
                | Instr::Reraise { .. }
        )
    }
}

/// Type codes of `test_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum TypeTest {
    /// `is_integer`
    Integer,
    /// `is_float`
    Float,
    /// `is_number`
    Number,
    /// `is_atom`
    Atom,
    /// `is_boolean`
    Boolean,
    /// `is_binary`
    Binary,
    /// `is_bitstring`
    Bitstring,
    /// `is_list` (empty or not)
    List,
    /// a non-empty list
    Cons,
    /// `[]`
    Nil,
    /// `is_tuple`
    Tuple,
    /// `is_map`
    Map,
    /// `is_function`
    Function,
    /// `is_pid`
    Pid,
    /// `is_port`
    Port,
    /// `is_reference`
    Reference,
}

impl TypeTest {
    /// Every type code, in number order.
    pub const ALL: &'static [TypeTest] = &[
        TypeTest::Integer,
        TypeTest::Float,
        TypeTest::Number,
        TypeTest::Atom,
        TypeTest::Boolean,
        TypeTest::Binary,
        TypeTest::Bitstring,
        TypeTest::List,
        TypeTest::Cons,
        TypeTest::Nil,
        TypeTest::Tuple,
        TypeTest::Map,
        TypeTest::Function,
        TypeTest::Pid,
        TypeTest::Port,
        TypeTest::Reference,
    ];

    /// The type code `n`.
    pub fn from_u8(n: u8) -> Option<TypeTest> {
        TypeTest::ALL.get(n as usize).copied()
    }
}

/// Fields of the `flags` of a binary segment (see the notes in [`crate::ops`]).
pub mod seg {
    /// Integer segment.
    pub const INTEGER: u32 = 0;
    /// Float segment.
    pub const FLOAT: u32 = 1;
    /// Binary segment (whole bytes).
    pub const BINARY: u32 = 2;
    /// Bitstring segment.
    pub const BITSTRING: u32 = 3;
    /// UTF-8 code point.
    pub const UTF8: u32 = 4;
    /// UTF-16 code point.
    pub const UTF16: u32 = 5;
    /// UTF-32 code point.
    pub const UTF32: u32 = 6;
    /// Mask of the type.
    pub const TYPE_MASK: u32 = 7;
    /// Signed.
    pub const SIGNED: u32 = 1 << 3;
    /// Little-endian.
    pub const LITTLE: u32 = 1 << 4;
    /// Native-endian (little on every platform Beamlet runs on).
    pub const NATIVE: u32 = 2 << 4;
    /// Shift of the unit.
    pub const UNIT_SHIFT: u32 = 8;
}
