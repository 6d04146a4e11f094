//! A compiled module and its file format.
//!
//! ```text
//! file    = "BEAMLET\0" version:u32 name:u32 file:str
//!           atoms:vec(str) literals:vec(literal) imports:vec(import)
//!           functions:vec(function) code:vec(instr) attributes:vec(key:u32 value:u32)
//! str     = len:u32 utf8-bytes
//! vec(x)  = count:u32 x*
//! import  = module:u32 name:u32 arity:u8            (atom indices)
//! function= name:u32 arity:u8 regs:u16 exported:u8 entry:u32 len:u32
//!           lines:vec(pc:u32 line:u32) handlers:vec(start:u32 end:u32 target:u32)
//! literal = 0 i64 | 1 sign:u8 vec-bytes(magnitude, little-endian) | 2 f64 | 3 atom:u32
//!         | 4 vec-bytes | 5 vec(literal) (tuple) | 6 vec(literal) tail:literal (list)
//!         | 7 vec(literal literal) (map) | 8 bits:u64 vec-bytes (bitstring) | 9 ([])
//! ```
//!
//! Decoding never trusts a count: a count larger than the rest of the input could hold is
//! `Truncated` before anything is reserved, and nested literals reserve nothing ahead (so
//! memory stays proportional to the input). Literals nest at most [`MAX_LITERAL_DEPTH`]
//! deep and are read and written with an explicit stack, never by recursion. A decoded
//! module is not yet safe to run: see [`crate::verify`].

use crate::instr::{read_u16, read_u32, read_u8};
use crate::{DecodeError, Instr, FORMAT_VERSION};

/// The first bytes of every module file.
pub const MAGIC: &[u8; 8] = b"BEAMLET\0";

/// How deep literals may nest in a module file (a scalar at the top is depth 0; each
/// tuple, list or map adds one).
///
/// The compiler's parser refuses expressions nested deeper than 1024
/// (`beamlet_compiler::ast::MAX_DEPTH`), so this admits every literal it can emit. The
/// decoder and the verifier do not recurse, but derived `Clone`, `PartialEq` and `Drop`
/// on [`Literal`] do, and so may a loader: unoptimised, a derived `clone` takes about
/// 1 KB of stack per level, so 1024 levels stay within a 2 MB thread stack where 2048
/// did not.
pub const MAX_LITERAL_DEPTH: usize = 1024;

/// A compiled module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Module {
    /// The module's name: an index into `atoms`.
    pub name: u32,
    /// The source file, for stack traces.
    pub file: String,
    /// The atoms the module names.
    pub atoms: Vec<String>,
    /// The constants (`K[i]` of a `Src`).
    pub literals: Vec<Literal>,
    /// The external functions it calls.
    pub imports: Vec<ImportEntry>,
    /// Its functions, exported or not; closures are functions too.
    pub functions: Vec<Function>,
    /// The code of all functions, each a contiguous range.
    pub code: Vec<Instr>,
    /// Metadata, as the BEAM's attributes chunk: `(key atom, literal index)`. The
    /// compiler records `struct` (the struct's field names in definition order, which
    /// `inspect` prints them in).
    pub attributes: Vec<(u32, u32)>,
}

/// A constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A larger integer: sign and magnitude (little-endian bytes).
    BigInt {
        /// True when negative.
        negative: bool,
        /// The magnitude.
        magnitude: Vec<u8>,
    },
    /// A float.
    Float(f64),
    /// An atom, by index into the module's atoms.
    Atom(u32),
    /// A binary.
    Binary(Vec<u8>),
    /// A bitstring whose size is not a multiple of 8: `bits` bits of `bytes`.
    Bits {
        /// Size in bits.
        bits: u64,
        /// The bytes, the last one padded with zeros.
        bytes: Vec<u8>,
    },
    /// A tuple.
    Tuple(Vec<Literal>),
    /// `[]`.
    Nil,
    /// A non-empty list of items ending in `tail` (`Nil` for a proper list).
    List(Vec<Literal>, Box<Literal>),
    /// A map.
    Map(Vec<(Literal, Literal)>),
}

/// An external function a module calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImportEntry {
    /// Module atom index.
    pub module: u32,
    /// Function atom index.
    pub name: u32,
    /// Arity.
    pub arity: u8,
}

/// A function of a module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Function {
    /// Its name: an atom index.
    pub name: u32,
    /// Parameters (for a closure: its parameters plus its captured values).
    pub arity: u8,
    /// Registers in its frame (at least `arity`).
    pub regs: u16,
    /// Callable from other modules.
    pub exported: bool,
    /// First instruction.
    pub entry: u32,
    /// Number of instructions.
    pub len: u32,
    /// `(pc, line)`: the instructions from `pc` on come from `line`; sorted by pc.
    pub lines: Vec<(u32, u32)>,
    /// Exception handlers, innermost first where ranges nest.
    pub handlers: Vec<Handler>,
}

impl Function {
    /// The source line of instruction `pc`, if known.
    pub fn line_of(&self, pc: u32) -> Option<u32> {
        let i = self.lines.partition_point(|&(start, _)| start <= pc);
        i.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(|&(_, l)| l)
    }

    /// The handler that covers `pc`: the innermost one.
    pub fn handler_for(&self, pc: u32) -> Option<&Handler> {
        self.handlers.iter().find(|h| h.start <= pc && pc < h.end)
    }
}

/// An exception handler: an exception raised by an instruction in `start..end` of the
/// function (or by a function it calls) continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where the handler's code starts (a `get_exc` reads the exception).
    pub target: u32,
}

impl Module {
    /// The atom at index `i`.
    pub fn atom(&self, i: u32) -> &str {
        self.atoms
            .get(i as usize)
            .map(String::as_str)
            .unwrap_or("?")
    }

    /// The module's name.
    pub fn name(&self) -> &str {
        self.atom(self.name)
    }

    /// The instructions of function `f`.
    pub fn code_of(&self, f: &Function) -> &[Instr] {
        let start = f.entry as usize;
        self.code
            .get(start..start.saturating_add(f.len as usize))
            .unwrap_or(&[])
    }

    /// Encodes the module as a file.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT_VERSION);
        put_u32(&mut out, self.name);
        put_bytes(&mut out, self.file.as_bytes());
        put_u32(&mut out, self.atoms.len() as u32);
        for a in &self.atoms {
            put_bytes(&mut out, a.as_bytes());
        }
        put_u32(&mut out, self.literals.len() as u32);
        for l in &self.literals {
            encode_literal(&mut out, l);
        }
        put_u32(&mut out, self.imports.len() as u32);
        for i in &self.imports {
            put_u32(&mut out, i.module);
            put_u32(&mut out, i.name);
            out.push(i.arity);
        }
        put_u32(&mut out, self.functions.len() as u32);
        for f in &self.functions {
            put_u32(&mut out, f.name);
            out.push(f.arity);
            out.extend_from_slice(&f.regs.to_le_bytes());
            out.push(f.exported as u8);
            put_u32(&mut out, f.entry);
            put_u32(&mut out, f.len);
            put_u32(&mut out, f.lines.len() as u32);
            for &(pc, line) in &f.lines {
                put_u32(&mut out, pc);
                put_u32(&mut out, line);
            }
            put_u32(&mut out, f.handlers.len() as u32);
            for h in &f.handlers {
                put_u32(&mut out, h.start);
                put_u32(&mut out, h.end);
                put_u32(&mut out, h.target);
            }
        }
        put_u32(&mut out, self.code.len() as u32);
        for i in &self.code {
            i.encode(&mut out);
        }
        put_u32(&mut out, self.attributes.len() as u32);
        for &(k, v) in &self.attributes {
            put_u32(&mut out, k);
            put_u32(&mut out, v);
        }
        out
    }

    /// Decodes a module file. The result still has to pass [`crate::verify`].
    pub fn decode(bytes: &[u8]) -> Result<Module, DecodeError> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(DecodeError::BadMagic);
        }
        let mut pos = 8;
        let p = &mut pos;
        let version = read_u32(bytes, p)?;
        if version != FORMAT_VERSION {
            return Err(DecodeError::Version(version));
        }
        let name = read_u32(bytes, p)?;
        let file = read_str(bytes, p)?;
        let n = read_count(bytes, p, 4)?;
        let mut atoms = Vec::with_capacity(n);
        for _ in 0..n {
            atoms.push(read_str(bytes, p)?);
        }
        let n = read_count(bytes, p, 1)?;
        let mut literals = Vec::with_capacity(n);
        for _ in 0..n {
            literals.push(decode_literal(bytes, p)?);
        }
        let n = read_count(bytes, p, 9)?;
        let mut imports = Vec::with_capacity(n);
        for _ in 0..n {
            imports.push(ImportEntry {
                module: read_u32(bytes, p)?,
                name: read_u32(bytes, p)?,
                arity: read_u8(bytes, p)?,
            });
        }
        let n = read_count(bytes, p, 24)?;
        let mut functions = Vec::with_capacity(n);
        for _ in 0..n {
            let name = read_u32(bytes, p)?;
            let arity = read_u8(bytes, p)?;
            let regs = read_u16(bytes, p)?;
            let exported = read_u8(bytes, p)? != 0;
            let entry = read_u32(bytes, p)?;
            let len = read_u32(bytes, p)?;
            let nl = read_count(bytes, p, 8)?;
            let mut lines = Vec::with_capacity(nl);
            for _ in 0..nl {
                lines.push((read_u32(bytes, p)?, read_u32(bytes, p)?));
            }
            let nh = read_count(bytes, p, 12)?;
            let mut handlers = Vec::with_capacity(nh);
            for _ in 0..nh {
                handlers.push(Handler {
                    start: read_u32(bytes, p)?,
                    end: read_u32(bytes, p)?,
                    target: read_u32(bytes, p)?,
                });
            }
            functions.push(Function {
                name,
                arity,
                regs,
                exported,
                entry,
                len,
                lines,
                handlers,
            });
        }
        let n = read_count(bytes, p, 1)?;
        let mut code = Vec::with_capacity(n);
        for _ in 0..n {
            code.push(Instr::decode(bytes, p)?);
        }
        let n = read_count(bytes, p, 8)?;
        let mut attributes = Vec::with_capacity(n);
        for _ in 0..n {
            attributes.push((read_u32(bytes, p)?, read_u32(bytes, p)?));
        }
        if *p != bytes.len() {
            return Err(DecodeError::TrailingBytes);
        }
        Ok(Module {
            name,
            file,
            atoms,
            literals,
            imports,
            functions,
            code,
            attributes,
        })
    }

    /// The value of attribute `key`, if the module has it.
    pub fn attribute(&self, key: &str) -> Option<&Literal> {
        self.attributes
            .iter()
            .find(|&&(k, _)| self.atom(k) == key)
            .and_then(|&(_, v)| self.literals.get(v as usize))
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_u32(out, b.len() as u32);
    out.extend_from_slice(b);
}

/// A count of items each at least `min_bytes` long: never more than the input can hold.
fn read_count(bytes: &[u8], pos: &mut usize, min_bytes: usize) -> Result<usize, DecodeError> {
    let n = read_u32(bytes, pos)? as usize;
    let left = bytes.len().saturating_sub(*pos);
    if n.saturating_mul(min_bytes.max(1)) > left {
        return Err(DecodeError::Truncated);
    }
    Ok(n)
}

fn read_bytes(bytes: &[u8], pos: &mut usize) -> Result<Vec<u8>, DecodeError> {
    let n = read_count(bytes, pos, 1)?;
    let s = bytes.get(*pos..*pos + n).ok_or(DecodeError::Truncated)?;
    *pos += n;
    Ok(s.to_vec())
}

fn read_str(bytes: &[u8], pos: &mut usize) -> Result<String, DecodeError> {
    String::from_utf8(read_bytes(bytes, pos)?).map_err(|_| DecodeError::BadUtf8)
}

/// Writes `l` in prefix order with an explicit stack (no recursion, whatever the depth).
fn encode_literal(out: &mut Vec<u8>, l: &Literal) {
    let mut work = vec![l];
    while let Some(l) = work.pop() {
        match l {
            Literal::Int(i) => {
                out.push(0);
                out.extend_from_slice(&i.to_le_bytes());
            }
            Literal::BigInt {
                negative,
                magnitude,
            } => {
                out.push(1);
                out.push(*negative as u8);
                put_bytes(out, magnitude);
            }
            Literal::Float(f) => {
                out.push(2);
                out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Literal::Atom(a) => {
                out.push(3);
                put_u32(out, *a);
            }
            Literal::Binary(b) => {
                out.push(4);
                put_bytes(out, b);
            }
            Literal::Tuple(items) => {
                out.push(5);
                put_u32(out, items.len() as u32);
                work.extend(items.iter().rev());
            }
            Literal::List(items, tail) => {
                out.push(6);
                put_u32(out, items.len() as u32);
                work.push(tail);
                work.extend(items.iter().rev());
            }
            Literal::Map(pairs) => {
                out.push(7);
                put_u32(out, pairs.len() as u32);
                for (k, v) in pairs.iter().rev() {
                    work.push(v);
                    work.push(k);
                }
            }
            Literal::Bits { bits, bytes } => {
                out.push(8);
                out.extend_from_slice(&bits.to_le_bytes());
                put_bytes(out, bytes);
            }
            Literal::Nil => out.push(9),
        }
    }
}

fn read_u64(bytes: &[u8], pos: &mut usize) -> Result<u64, DecodeError> {
    let lo = read_u32(bytes, pos)? as u64;
    let hi = read_u32(bytes, pos)? as u64;
    Ok(lo | hi << 32)
}

/// A tuple, list or map being read: its items so far and how many it has.
enum Open {
    Tuple(Vec<Literal>, usize),
    /// Items, their count; the tail comes after the items.
    List(Vec<Literal>, usize),
    /// Pairs, their count, and a key waiting for its value.
    Map(Vec<(Literal, Literal)>, usize, Option<Literal>),
}

/// Reads one literal with an explicit stack of the containers still open. Containers
/// grow as their items arrive: a count is a claim, not a reservation.
fn decode_literal(bytes: &[u8], pos: &mut usize) -> Result<Literal, DecodeError> {
    let mut open: Vec<Open> = Vec::new();
    loop {
        if open.len() > MAX_LITERAL_DEPTH {
            return Err(DecodeError::TooDeep);
        }
        let at = *pos;
        let mut done = match read_u8(bytes, pos)? {
            0 => Literal::Int(read_u64(bytes, pos)? as i64),
            1 => {
                let negative = match read_u8(bytes, pos)? {
                    0 => false,
                    1 => true,
                    _ => return Err(DecodeError::BadLiteral { at }),
                };
                Literal::BigInt {
                    negative,
                    magnitude: read_bytes(bytes, pos)?,
                }
            }
            2 => Literal::Float(f64::from_bits(read_u64(bytes, pos)?)),
            3 => Literal::Atom(read_u32(bytes, pos)?),
            4 => Literal::Binary(read_bytes(bytes, pos)?),
            5 => match read_count(bytes, pos, 1)? {
                0 => Literal::Tuple(Vec::new()),
                n => {
                    open.push(Open::Tuple(Vec::new(), n));
                    continue;
                }
            },
            6 => match read_count(bytes, pos, 1)? {
                0 => return Err(DecodeError::BadLiteral { at }),
                n => {
                    open.push(Open::List(Vec::new(), n));
                    continue;
                }
            },
            7 => match read_count(bytes, pos, 2)? {
                0 => Literal::Map(Vec::new()),
                n => {
                    open.push(Open::Map(Vec::new(), n, None));
                    continue;
                }
            },
            8 => {
                let bits = read_u64(bytes, pos)?;
                let b = read_bytes(bytes, pos)?;
                if bits.div_ceil(8) != b.len() as u64 {
                    return Err(DecodeError::BadLiteral { at });
                }
                Literal::Bits { bits, bytes: b }
            }
            9 => Literal::Nil,
            _ => return Err(DecodeError::BadLiteral { at }),
        };
        // Hand the finished literal to the innermost open container; close the ones that
        // are complete, and go on reading when one still waits for an item.
        loop {
            match open.last_mut() {
                None => return Ok(done),
                Some(Open::Tuple(items, n)) => {
                    items.push(done);
                    if items.len() < *n {
                        break;
                    }
                    done = Literal::Tuple(std::mem::take(items));
                }
                Some(Open::List(items, n)) => {
                    if items.len() < *n {
                        items.push(done);
                        break;
                    }
                    done = Literal::List(std::mem::take(items), Box::new(done));
                }
                Some(Open::Map(pairs, n, key)) => match key.take() {
                    None => {
                        *key = Some(done);
                        break;
                    }
                    Some(k) => {
                        pairs.push((k, done));
                        if pairs.len() < *n {
                            break;
                        }
                        done = Literal::Map(std::mem::take(pairs));
                    }
                },
            }
            open.pop();
        }
    }
}
