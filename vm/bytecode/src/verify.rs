//! The verifier: a module is checked before it is loaded, so the interpreter can trust
//! every index in it.
//!
//! Checked: atom, literal, import and function indices; registers against the frame size
//! (including the ranges `base..base+n` that calls and constructors read); jump targets
//! inside the same function; a function's code ends in an instruction that does not fall
//! through; functions cover the code without overlapping; handler ranges lie in their
//! function and nest (an inner range is listed before the ranges that contain it);
//! `bs_build` specs are tuples of integers; atoms are at most 255 characters.
//!
//! Not checked (and not needed for memory safety): that a register is written before it is
//! read (frames start cleared to `[]`), and that tests guard the instructions that assume
//! their outcome (`get_list` on a non-list raises `badarg` at run time).

use std::collections::HashSet;
use std::fmt;

use crate::instr::{Operand, SrcKind, TypeTest};
use crate::module::{Function, Literal, Module};
use crate::{Instr, Opcode};

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
    let mut work = vec![l];
    while let Some(l) = work.pop() {
        match l {
            Literal::Atom(a) if !atom_ok(*a) => return Err(format!("atom {a} out of range")),
            Literal::Float(f) if !f.is_finite() => return Err("float is not finite".into()),
            Literal::BigInt { magnitude, .. } if magnitude.is_empty() => {
                return Err("empty bignum".into())
            }
            Literal::Bits { bits, bytes } if bits.div_ceil(8) != bytes.len() as u64 => {
                return Err("bitstring size does not match its bytes".into())
            }
            Literal::Tuple(items) => work.extend(items),
            Literal::List(items, tail) => {
                if items.is_empty() {
                    return Err("list literal without items".into());
                }
                work.extend(items);
                work.push(tail);
            }
            Literal::Map(pairs) => {
                for (k, v) in pairs {
                    work.push(k);
                    work.push(v);
                }
            }
            _ => {}
        }
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
    let at = |pc: u32, message: String| VerifyError {
        function: None,
        pc: Some(pc),
        message,
    };
    for (i, h) in f.handlers.iter().enumerate() {
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
        for outer in &f.handlers[i + 1..] {
            let disjoint = h.end <= outer.start || outer.end <= h.start;
            let inside = outer.start <= h.start && h.end <= outer.end;
            if !disjoint && !inside {
                return Err(at(h.start, format!("handler {i} is not nested properly")));
            }
        }
    }
    let code = m.code_of(f);
    for (off, ins) in code.iter().enumerate() {
        let pc = start + off as u32;
        check_instr(m, f, ins).map_err(|msg| at(pc, format!("{ins}: {msg}")))?;
    }
    match code.last().map(Instr::opcode) {
        Some(
            Opcode::Ret
            | Opcode::Jump
            | Opcode::CallTail
            | Opcode::CallExtTail
            | Opcode::CallFunTail
            | Opcode::ApplyTail
            | Opcode::Raise
            | Opcode::Reraise,
        ) => Ok(()),
        _ => Err(at(
            end - 1,
            "the function's code falls through its end".into(),
        )),
    }
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
            Operand::Src(s) => match s.decode() {
                SrcKind::Reg(r) => (r as u64) < regs,
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
    let fits = |base: u16, n: u64| base as u64 + n <= regs;
    let fun_arity = |x: u32| m.functions.get(x as usize).map_or(0, |g| g.arity as u64);
    let imp_arity = |x: u32| m.imports.get(x as usize).map_or(0, |i| i.arity as u64);
    let ok = match *ins {
        Instr::Call { base, fun, .. } => fits(base.0, fun_arity(fun.0)),
        Instr::CallTail { base, fun } => fits(base.0, fun_arity(fun.0)) && fun_arity(fun.0) <= regs,
        Instr::CallExt { base, import, .. } | Instr::CallExtTail { base, import } => {
            fits(base.0, imp_arity(import.0))
        }
        Instr::CallFun { base, arity, .. } | Instr::CallFunTail { base, arity } => {
            fits(base.0, 1 + arity.0 as u64)
        }
        Instr::Apply { base, .. } | Instr::ApplyTail { base } => fits(base.0, 3),
        Instr::Bif1 { import, .. } | Instr::GBif1 { import, .. } => imp_arity(import.0) == 1,
        Instr::Bif2 { import, .. } | Instr::GBif2 { import, .. } => imp_arity(import.0) == 2,
        Instr::PutTuple { base, n, .. } => fits(base.0, n.0 as u64),
        Instr::PutMap { base, n, .. } | Instr::UpdateMap { base, n, .. } => {
            fits(base.0, 2 * n.0 as u64)
        }
        Instr::MakeFun { fun, base, n, .. } => {
            fits(base.0, n.0 as u64) && fun_arity(fun.0) >= n.0 as u64
        }
        Instr::Raise { class, .. } => class.0 <= 2,
        Instr::TestType { ty, .. } => TypeTest::from_u8(ty.0).is_some(),
        Instr::BsBuild { base, n, spec, .. } => {
            fits(base.0, 2 * n.0 as u64) && spec_ok(m, spec.decode(), n.0 as usize)
        }
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err("register range, arity or operand value out of bounds".into())
    }
}

fn spec_ok(m: &Module, spec: SrcKind, n: usize) -> bool {
    match spec {
        SrcKind::Const(k) => match m.literals.get(k as usize) {
            Some(Literal::Tuple(items)) => {
                items.len() == n
                    && items
                        .iter()
                        .all(|i| matches!(i, Literal::Int(v) if (0..=u32::MAX as i64).contains(v)))
            }
            _ => false,
        },
        SrcKind::Reg(_) => false,
    }
}
