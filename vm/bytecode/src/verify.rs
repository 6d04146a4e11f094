//! The verifier: a module is checked before it is loaded, so the interpreter can trust
//! every index in it.
//!
//! Checked: atom, literal, import and function indices; registers against the frame size
//! (a `Src` register as a whole value, and the ranges `base..base+n` that calls and
//! constructors read); jump targets inside the same function; a function's code ends in
//! an instruction that does not fall through; functions cover the code without
//! overlapping, with unique `name/arity`; handler ranges lie in their function and nest
//! (an inner range is listed before the ranges that contain it); BIF calls go through
//! imports of the right arity; `make_fun` captures no more than the fun takes; raise
//! classes and type codes are known; segment flags are well-formed, `bs_build` specs are
//! constant tuples of them and `bs_skip_prefix` prefixes are constant bitstrings;
//! `bs_test_unit` never divides by zero; atoms are at most 255 characters; literals are
//! finite, canonical (bignums that do not fit in an `Int`, without high zero bytes;
//! bitstrings that are not whole bytes, padded with zeros) and nest at most
//! [`MAX_LITERAL_DEPTH`] deep, so a verified module encodes to a file that decodes.
//!
//! Not checked (and not needed for memory safety): that a register is written before it is
//! read (frames start cleared to `[]`), that tests guard the instructions that assume
//! their outcome (`get_list` on a non-list raises `badarg` at run time), that `get_exc`
//! runs only in a handler, that map literals have distinct keys, and that line tables are
//! sorted (a lookup in an unsorted table gives a wrong line, never a fault).
//!
//! Cost: linear in the module, apart from sorting functions and handlers.

use std::collections::HashSet;
use std::fmt;

use crate::instr::{seg, Operand, SrcKind, TypeTest};
use crate::module::{Function, Literal, Module, MAX_LITERAL_DEPTH};
use crate::{Instr, Reg};

/// Why a module was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function, as `name/arity`, when the fault is in one.
    pub function: Option<String>,
    /// The instruction, when the fault is in one.
    pub pc: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.function, self.pc) {
            (Some(func), Some(pc)) => write!(f, "in {func} at {pc}: {}", self.message),
            (Some(func), None) => write!(f, "in {func}: {}", self.message),
            _ => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Most characters an atom may have (the BEAM's limit).
pub const MAX_ATOM_CHARS: usize = 255;

fn err(message: impl Into<String>) -> VerifyError {
    VerifyError {
        function: None,
        pc: None,
        message: message.into(),
    }
}

/// Checks `m`; `Ok` means it is safe to load.
pub fn verify(m: &Module) -> Result<(), VerifyError> {
    let atom_ok = |i: u32| (i as usize) < m.atoms.len();
    if !atom_ok(m.name) {
        return Err(err("module name is not an atom of the module"));
    }
    for a in &m.atoms {
        if a.chars().count() > MAX_ATOM_CHARS {
            return Err(err(format!(
                "atom too long ({} characters)",
                a.chars().count()
            )));
        }
    }
    for (i, l) in m.literals.iter().enumerate() {
        check_literal(l, &atom_ok).map_err(|e| err(format!("literal {i}: {e}")))?;
    }
    for &(k, v) in &m.attributes {
        if !atom_ok(k) || v as usize >= m.literals.len() {
            return Err(err("an attribute names a missing atom or constant"));
        }
    }
    for (i, imp) in m.imports.iter().enumerate() {
        if !atom_ok(imp.module) || !atom_ok(imp.name) {
            return Err(err(format!("import {i} names a missing atom")));
        }
    }
    check_layout(m)?;
    for f in &m.functions {
        check_function(m, f).map_err(|mut e| {
            e.function = Some(format!("{}/{}", m.atom(f.name), f.arity));
            e
        })?;
    }
    Ok(())
}

fn check_literal(l: &Literal, atom_ok: &dyn Fn(u32) -> bool) -> Result<(), String> {
    let mut work = vec![(l, 0usize)];
    while let Some((l, depth)) = work.pop() {
        if depth > MAX_LITERAL_DEPTH {
            return Err(format!("nested deeper than {MAX_LITERAL_DEPTH}"));
        }
        let inner = depth + 1;
        match l {
            Literal::Atom(a) if !atom_ok(*a) => return Err(format!("atom {a} out of range")),
            Literal::Float(f) if !f.is_finite() => return Err("float is not finite".into()),
            Literal::BigInt {
                negative,
                magnitude,
            } => check_bignum(*negative, magnitude)?,
            Literal::Bits { bits, bytes } => check_bits(*bits, bytes)?,
            Literal::Tuple(items) => work.extend(items.iter().map(|i| (i, inner))),
            Literal::List(items, tail) => {
                if items.is_empty() {
                    return Err("list literal without items".into());
                }
                work.extend(items.iter().map(|i| (i, inner)));
                work.push((tail, inner));
            }
            Literal::Map(pairs) => {
                for (k, v) in pairs {
                    work.push((k, inner));
                    work.push((v, inner));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A bignum is canonical: no high zero bytes, and too large for [`Literal::Int`].
fn check_bignum(negative: bool, magnitude: &[u8]) -> Result<(), String> {
    match magnitude.last() {
        None => return Err("empty bignum".into()),
        Some(0) => return Err("bignum with a high zero byte".into()),
        Some(_) => {}
    }
    if magnitude.len() <= 8 {
        let mut word = [0u8; 8];
        word[..magnitude.len()].copy_from_slice(magnitude);
        let m = u64::from_le_bytes(word);
        let fits = if negative { m <= 1 << 63 } else { m < 1 << 63 };
        if fits {
            return Err("bignum that fits in 64 bits (an Int)".into());
        }
    }
    Ok(())
}

/// A bitstring literal is canonical: not whole bytes (that is a binary), exactly the
/// bytes it needs, padding bits zero.
fn check_bits(bits: u64, bytes: &[u8]) -> Result<(), String> {
    if bits.div_ceil(8) != bytes.len() as u64 {
        return Err("bitstring size does not match its bytes".into());
    }
    let spare = bits % 8;
    if spare == 0 {
        return Err("bitstring of whole bytes (a binary)".into());
    }
    let last = bytes.last().copied().unwrap_or(0);
    if last & (0xff >> spare) != 0 {
        return Err("bitstring padding bits are not zero".into());
    }
    Ok(())
}

/// Functions cover the code exactly, without overlapping, with unique names.
fn check_layout(m: &Module) -> Result<(), VerifyError> {
    let mut names = HashSet::new();
    let mut ranges = Vec::with_capacity(m.functions.len());
    for f in &m.functions {
        if (f.name as usize) >= m.atoms.len() {
            return Err(err("function name out of range"));
        }
        if !names.insert((f.name, f.arity)) {
            return Err(err(format!(
                "function {}/{} defined twice",
                m.atom(f.name),
                f.arity
            )));
        }
        if f.len == 0 {
            return Err(err(format!(
                "function {}/{} has no code",
                m.atom(f.name),
                f.arity
            )));
        }
        if (f.regs as usize) < f.arity as usize {
            return Err(err(format!(
                "function {}/{} has fewer registers than parameters",
                m.atom(f.name),
                f.arity
            )));
        }
        ranges.push((f.entry as u64, f.entry as u64 + f.len as u64));
    }
    ranges.sort_unstable();
    let mut next = 0u64;
    for (start, end) in ranges {
        if start != next {
            return Err(err("functions do not cover the code contiguously"));
        }
        next = end;
    }
    if next != m.code.len() as u64 {
        return Err(err("functions do not cover the code contiguously"));
    }
    Ok(())
}

fn check_function(m: &Module, f: &Function) -> Result<(), VerifyError> {
    let start = f.entry;
    let end = f.entry + f.len;
    check_handlers(f)?;
    let code = m.code_of(f);
    for (off, ins) in code.iter().enumerate() {
        let pc = start + off as u32;
        check_instr(m, f, ins).map_err(|msg| at(pc, format!("{ins}: {msg}")))?;
        check_select(m, code, off).map_err(|msg| at(pc, format!("{ins}: {msg}")))?;
    }
    if code.last().is_some_and(Instr::ends_flow) {
        Ok(())
    } else {
        Err(at(
            end - 1,
            "the function's code falls through its end".into(),
        ))
    }
}

/// A `select_*` at `off` is followed, inside the function, by its `n` `case_val` entries,
/// each keyed by a constant (a small non-negative integer for `select_arity`).
fn check_select(m: &Module, code: &[Instr], off: usize) -> Result<(), String> {
    let (n, arity) = match code[off] {
        Instr::SelectVal { n, .. } => (n.0 as usize, false),
        Instr::SelectArity { n, .. } => (n.0 as usize, true),
        _ => return Ok(()),
    };
    let Some(table) = code.get(off + 1..).and_then(|rest| rest.get(..n)) else {
        return Err(format!("its table of {n} entries runs past the function"));
    };
    for (i, e) in table.iter().enumerate() {
        let Instr::CaseVal { key, .. } = *e else {
            return Err(format!("entry {i} of its table is not a case_val"));
        };
        let SrcKind::Const(k) = key.decode() else {
            continue; // check_instr refuses it
        };
        if arity && !matches!(m.literals.get(k as usize), Some(Literal::Int(a)) if *a >= 0) {
            return Err(format!("the key of entry {i} is not an arity"));
        }
    }
    Ok(())
}

fn at(pc: u32, message: String) -> VerifyError {
    VerifyError {
        function: None,
        pc: Some(pc),
        message,
    }
}

/// Handler ranges lie in the function, are not empty, and nest: two ranges are disjoint
/// or one contains the other, and an inner range is listed before the ranges that contain
/// it (identical ranges in any order). O(n log n): a table of many handlers is no way to
/// stall the loader.
fn check_handlers(f: &Function) -> Result<(), VerifyError> {
    let (start, end) = (f.entry, f.entry + f.len);
    let hs = &f.handlers;
    for (i, h) in hs.iter().enumerate() {
        if !(start <= h.start && h.start < h.end && h.end <= end) {
            return Err(at(
                h.start,
                format!("handler {i} range outside the function"),
            ));
        }
        if !(start <= h.target && h.target < end) {
            return Err(at(
                h.target,
                format!("handler {i} target outside the function"),
            ));
        }
    }
    // By start, then the larger range first, then the later-listed first: each range
    // comes after every range that contains it.
    let mut order: Vec<usize> = (0..hs.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (x, y) = (&hs[a], &hs[b]);
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then(b.cmp(&a))
    });
    // The ranges that contain the current start, innermost on top.
    let mut open: Vec<usize> = Vec::new();
    for i in order {
        let h = &hs[i];
        while open.last().is_some_and(|&o| hs[o].end <= h.start) {
            open.pop();
        }
        if let Some(&o) = open.last() {
            let crosses = h.end > hs[o].end;
            if crosses || i > o {
                let first = i.min(o);
                return Err(at(
                    hs[first].start,
                    format!("handler {first} is not nested properly"),
                ));
            }
        }
        open.push(i);
    }
    Ok(())
}

fn check_instr(m: &Module, f: &Function, ins: &Instr) -> Result<(), String> {
    let regs = f.regs as u64;
    let (start, end) = (f.entry, f.entry + f.len);
    let mut bad = None;
    ins.for_each_operand(&mut |name, op| {
        if bad.is_some() {
            return;
        }
        let ok = match op {
            Operand::Reg(r) => (r.0 as u64) < regs,
            // A register in a `Src` is the whole value, not its low 16 bits.
            Operand::Src(s) => match s.decode() {
                SrcKind::Reg(_) => (s.0 as u64) < regs,
                SrcKind::Const(k) => (k as usize) < m.literals.len(),
            },
            Operand::Label(l) => start <= l.0 && l.0 < end,
            Operand::Fun(x) => (x.0 as usize) < m.functions.len(),
            Operand::Import(x) => (x.0 as usize) < m.imports.len(),
            Operand::Count(_) | Operand::Byte(_) => true,
        };
        if !ok {
            bad = Some(format!("operand `{name}` out of range"));
        }
    });
    if let Some(b) = bad {
        return Err(b);
    }
    // Ranges of registers read or written from a base.
    let window = |base: u16, n: u64| {
        if base as u64 + n <= regs {
            Ok(())
        } else {
            Err(format!(
                "registers r{base}..r{} beyond the frame of {regs}",
                base as u64 + n
            ))
        }
    };
    let fun_arity = |x: u32| m.functions.get(x as usize).map_or(0, |g| g.arity as u64);
    let imp_arity = |x: u32| m.imports.get(x as usize).map_or(0, |i| i.arity as u64);
    let bif_arity = |x: u32, want: u64| {
        let a = imp_arity(x);
        if a == want {
            Ok(())
        } else {
            Err(format!(
                "a BIF of arity {want} called through import {x} of arity {a}"
            ))
        }
    };
    match *ins {
        Instr::Call { base, fun, .. } | Instr::CallTail { base, fun } => {
            window(base.0, fun_arity(fun.0))
        }
        Instr::CallExt { base, import, .. } | Instr::CallExtTail { base, import } => {
            window(base.0, imp_arity(import.0))
        }
        Instr::CallFun { base, arity, .. } | Instr::CallFunTail { base, arity } => {
            window(base.0, 1 + arity.0 as u64)
        }
        Instr::Apply { base, .. } | Instr::ApplyTail { base } => window(base.0, 3),
        Instr::Bif1 { import, .. } | Instr::GBif1 { import, .. } => bif_arity(import.0, 1),
        Instr::Bif2 { import, .. } | Instr::GBif2 { import, .. } => bif_arity(import.0, 2),
        Instr::PutTuple { base, n, .. } => window(base.0, n.0 as u64),
        Instr::PutMap { base, n, .. } | Instr::UpdateMap { base, n, .. } => {
            window(base.0, 2 * n.0 as u64)
        }
        Instr::MakeFun { fun, base, n, .. } => {
            window(base.0, n.0 as u64)?;
            let arity = fun_arity(fun.0);
            if (n.0 as u64) > arity {
                return Err(format!(
                    "{} captures for fun{} of arity {arity}",
                    n.0, fun.0
                ));
            }
            Ok(())
        }
        Instr::Raise { class, .. } if class.0 > 2 => Err(format!(
            "exception class {} (0 error, 1 exit, 2 throw)",
            class.0
        )),
        Instr::TestType { ty, .. } if TypeTest::from_u8(ty.0).is_none() => {
            Err(format!("unknown type code {}", ty.0))
        }
        Instr::BsBuild { base, n, spec, .. } => {
            window(base.0, 2 * n.0 as u64)?;
            check_spec(m, spec.decode(), n.0 as usize)
        }
        Instr::CaseVal { key, .. } if !matches!(key.decode(), SrcKind::Const(_)) => {
            Err("the key is not a constant".into())
        }
        Instr::BsGet { flags, ctx, .. } => {
            check_ctx(f, ctx)?;
            check_seg_flags(flags.0)
        }
        Instr::BsTestSize { ctx, .. } | Instr::BsStart { ctx, .. } => check_ctx(f, ctx),
        Instr::BsTestUnit { unit, .. } if unit.0 == 0 => Err("unit 0".into()),
        Instr::BsSkipPrefix { lit, .. } => match lit.decode() {
            SrcKind::Const(k) => match m.literals.get(k as usize) {
                Some(Literal::Binary(_) | Literal::Bits { .. }) => Ok(()),
                _ => Err(format!("the prefix k{k} is not a bitstring")),
            },
            SrcKind::Reg(_) => Err("the prefix must be a constant".into()),
        },
        _ => Ok(()),
    }
}

/// A match context: two registers, `ctx` and `ctx + 1`.
fn check_ctx(f: &Function, ctx: Reg) -> Result<(), String> {
    if u32::from(ctx.0) + 1 < u32::from(f.regs) {
        Ok(())
    } else {
        Err("the match context's position register is out of range".into())
    }
}

/// A `bs_build` spec: a constant tuple of `n` segment flags.
fn check_spec(m: &Module, spec: SrcKind, n: usize) -> Result<(), String> {
    let SrcKind::Const(k) = spec else {
        return Err("the spec must be a constant".into());
    };
    let Some(Literal::Tuple(items)) = m.literals.get(k as usize) else {
        return Err(format!("the spec k{k} is not a tuple"));
    };
    if items.len() != n {
        return Err(format!(
            "the spec k{k} has {} segments, not {n}",
            items.len()
        ));
    }
    for item in items {
        match *item {
            Literal::Int(v) if (0..=u32::MAX as i64).contains(&v) => check_seg_flags(v as u32)?,
            _ => return Err(format!("the spec k{k} holds a segment that is not flags")),
        }
    }
    Ok(())
}

/// Segment flags (see the notes in [`crate::ops`]): a known type and endianness, no other
/// bits than type, signed, endianness and unit.
fn check_seg_flags(flags: u32) -> Result<(), String> {
    let known = seg::TYPE_MASK | seg::SIGNED | (3 << 4) | (0xff << seg::UNIT_SHIFT);
    let ok = flags & !known == 0 && flags & seg::TYPE_MASK <= seg::UTF32 && (flags >> 4) & 3 <= 2;
    if ok {
        Ok(())
    } else {
        Err(format!("bad segment flags {flags:#x}"))
    }
}
