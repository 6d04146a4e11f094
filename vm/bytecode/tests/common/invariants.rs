//! What a loadable module is, stated a second time and independently of `verify.rs`: by
//! an exhaustive `match` on the instructions instead of the generated operand visitor,
//! with coverage marks instead of sorted ranges, and pairwise handler checks instead of a
//! sweep. The property tests and the fuzz target hold the two statements against each
//! other, so an invalid module that `verify` accepts (or a valid one it refuses) shows.
//!
//! Shared with the fuzz target: it depends on nothing but `beamlet_bytecode` and std.

use beamlet_bytecode::instr::CONST_BIT;
use beamlet_bytecode::module::MAX_LITERAL_DEPTH;
use beamlet_bytecode::{Function, Instr, Literal, Module, Reg, Src, TypeTest};

/// Characters an atom may have.
const ATOM_CHARS: usize = 255;

/// `Ok` when `m` is loadable; else the first rule it breaks.
pub fn check(m: &Module) -> Result<(), String> {
    let atoms = m.atoms.len() as u64;
    if u64::from(m.name) >= atoms {
        return Err("module name".into());
    }
    if let Some(a) = m.atoms.iter().find(|a| a.chars().count() > ATOM_CHARS) {
        return Err(format!("atom of {} characters", a.chars().count()));
    }
    for (i, l) in m.literals.iter().enumerate() {
        literal(l, atoms).map_err(|e| format!("literal {i}: {e}"))?;
    }
    for imp in &m.imports {
        if u64::from(imp.module) >= atoms || u64::from(imp.name) >= atoms {
            return Err("import atom".into());
        }
    }
    layout(m)?;
    for f in &m.functions {
        function(m, f).map_err(|e| format!("fun {}/{}: {e}", f.name, f.arity))?;
    }
    Ok(())
}

fn literal(top: &Literal, atoms: u64) -> Result<(), String> {
    let mut todo = vec![(top, 0usize)];
    while let Some((l, depth)) = todo.pop() {
        if depth > MAX_LITERAL_DEPTH {
            return Err("too deep".into());
        }
        match l {
            Literal::Int(_) | Literal::Binary(_) | Literal::Nil => {}
            Literal::Atom(a) => {
                if u64::from(*a) >= atoms {
                    return Err("atom index".into());
                }
            }
            Literal::Float(x) => {
                if x.is_nan() || x.is_infinite() {
                    return Err("float".into());
                }
            }
            Literal::BigInt {
                negative,
                magnitude,
            } => {
                if magnitude.last().copied().unwrap_or(0) == 0 {
                    return Err("bignum with a zero top byte".into());
                }
                // Its value, if it has at most 64 significant bits.
                let small = magnitude.len() <= 8;
                let value = magnitude
                    .iter()
                    .rev()
                    .fold(0u128, |acc, &b| acc << 8 | u128::from(b));
                let limit = if *negative {
                    1u128 << 63
                } else {
                    (1u128 << 63) - 1
                };
                if small && value <= limit {
                    return Err("bignum that is an Int".into());
                }
            }
            Literal::Bits { bits, bytes } => {
                let whole = bits / 8;
                let spare = bits % 8;
                if spare == 0 {
                    return Err("bits of whole bytes".into());
                }
                if whole + 1 != bytes.len() as u64 {
                    return Err("bits and bytes disagree".into());
                }
                let last = bytes[bytes.len() - 1];
                if u32::from(last) << spare & 0xff != 0 {
                    return Err("padding".into());
                }
            }
            Literal::Tuple(items) => todo.extend(items.iter().map(|x| (x, depth + 1))),
            Literal::List(items, tail) => {
                if items.is_empty() {
                    return Err("empty list literal".into());
                }
                todo.extend(items.iter().map(|x| (x, depth + 1)));
                todo.push((tail, depth + 1));
            }
            Literal::Map(pairs) => {
                for (k, v) in pairs {
                    todo.push((k, depth + 1));
                    todo.push((v, depth + 1));
                }
            }
        }
    }
    Ok(())
}

/// Every instruction belongs to exactly one function; names are unique.
fn layout(m: &Module) -> Result<(), String> {
    let mut owner = vec![false; m.code.len()];
    for (i, f) in m.functions.iter().enumerate() {
        if u64::from(f.name) >= m.atoms.len() as u64 {
            return Err("function name".into());
        }
        if m.functions[..i]
            .iter()
            .any(|g| g.name == f.name && g.arity == f.arity)
        {
            return Err("duplicate function".into());
        }
        if f.len == 0 {
            return Err("empty function".into());
        }
        if u32::from(f.regs) < u32::from(f.arity) {
            return Err("regs < arity".into());
        }
        let end = u64::from(f.entry) + u64::from(f.len);
        if end > m.code.len() as u64 {
            return Err("function past the code".into());
        }
        for owned in &mut owner[f.entry as usize..end as usize] {
            if *owned {
                return Err("functions overlap".into());
            }
            *owned = true;
        }
    }
    if owner.contains(&false) {
        return Err("code outside every function".into());
    }
    Ok(())
}

fn function(m: &Module, f: &Function) -> Result<(), String> {
    let (lo, hi) = (u64::from(f.entry), u64::from(f.entry) + u64::from(f.len));
    let inside = |pc: u32| lo <= u64::from(pc) && u64::from(pc) < hi;
    for h in &f.handlers {
        if !(inside(h.start) && h.start < h.end && u64::from(h.end) <= hi) {
            return Err("handler range".into());
        }
        if !inside(h.target) {
            return Err("handler target".into());
        }
    }
    // For any two handlers: disjoint, or the one listed first lies within the other.
    for (i, a) in f.handlers.iter().enumerate() {
        for b in &f.handlers[i + 1..] {
            let disjoint = a.end <= b.start || b.end <= a.start;
            let a_in_b = b.start <= a.start && a.end <= b.end;
            if !disjoint && !a_in_b {
                return Err("handlers".into());
            }
        }
    }
    let code = &m.code[f.entry as usize..hi as usize];
    for (i, ins) in code.iter().enumerate() {
        instr(m, f, ins).map_err(|e| format!("{ins:?}: {e}"))?;
        // A select's table: n case_val entries with constant keys, arities for
        // select_arity, all inside the function.
        let (n, arity) = match *ins {
            Instr::SelectVal { n, .. } => (n.0 as u64, false),
            Instr::SelectArity { n, .. } => (n.0 as u64, true),
            _ => continue,
        };
        if i as u64 + n >= code.len() as u64 {
            return Err("select table past the end".into());
        }
        for e in &code[i + 1..=i + n as usize] {
            let Instr::CaseVal { key, .. } = *e else {
                return Err("select table entry".into());
            };
            let frame = Frame { m, f };
            let lit = frame.konst(key)?;
            if arity && !matches!(lit, Literal::Int(a) if *a >= 0) {
                return Err("select_arity key".into());
            }
        }
    }
    let last = code[code.len() - 1];
    let ends = matches!(
        last,
        Instr::Ret { .. }
            | Instr::Jump { .. }
            | Instr::CallTail { .. }
            | Instr::CallExtTail { .. }
            | Instr::CallFunTail { .. }
            | Instr::ApplyTail { .. }
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
            | Instr::SelectVal { .. }
            | Instr::SelectArity { .. }
            | Instr::CaseVal { .. }
            | Instr::RecvNext { .. }
    );
    if !ends {
        return Err("falls through".into());
    }
    Ok(())
}

/// Checks of one instruction's operands against its function `f` and module `m`.
struct Frame<'a> {
    m: &'a Module,
    f: &'a Function,
}

impl Frame<'_> {
    fn reg(&self, r: Reg) -> Result<(), String> {
        ok(r.0 < self.f.regs, "register")
    }
    fn src(&self, s: Src) -> Result<(), String> {
        if s.0 >= CONST_BIT {
            ok(
                ((s.0 - CONST_BIT) as usize) < self.m.literals.len(),
                "constant",
            )
        } else {
            ok(s.0 < u32::from(self.f.regs), "source register")
        }
    }
    fn label(&self, l: beamlet_bytecode::Label) -> Result<(), String> {
        let end = u64::from(self.f.entry) + u64::from(self.f.len);
        ok(self.f.entry <= l.0 && u64::from(l.0) < end, "label")
    }
    fn fun(&self, x: beamlet_bytecode::Fun) -> Result<u32, String> {
        let g = self.m.functions.get(x.0 as usize).ok_or("fun")?;
        Ok(u32::from(g.arity))
    }
    fn import(&self, x: beamlet_bytecode::Import) -> Result<u32, String> {
        let i = self.m.imports.get(x.0 as usize).ok_or("import")?;
        Ok(u32::from(i.arity))
    }
    /// `base` is a register and `base..base+n` lies in the frame.
    fn window(&self, base: Reg, n: u32) -> Result<(), String> {
        self.reg(base)?;
        ok(
            u64::from(base.0) + u64::from(n) <= u64::from(self.f.regs),
            "register window",
        )
    }
    fn konst(&self, s: Src) -> Result<&Literal, String> {
        if s.0 < CONST_BIT {
            return Err("not a constant".into());
        }
        self.m
            .literals
            .get((s.0 - CONST_BIT) as usize)
            .ok_or_else(|| "constant".into())
    }
}

fn ok(cond: bool, what: &str) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(what.into())
    }
}

fn flags(v: u32) -> Result<(), String> {
    let ty = v & 0b111;
    let endian = (v >> 4) & 0b11;
    let reserved = v & !0xff3f;
    ok(ty <= 6 && endian != 3 && reserved == 0, "segment flags")
}

fn instr(m: &Module, f: &Function, ins: &Instr) -> Result<(), String> {
    let x = Frame { m, f };
    match *ins {
        Instr::Move { dst, src } => {
            x.reg(dst)?;
            x.src(src)
        }
        Instr::Jump { to } => x.label(to),
        Instr::Ret { src } => x.src(src),
        Instr::Call { dst, base, fun } => {
            x.reg(dst)?;
            x.window(base, x.fun(fun)?)
        }
        Instr::CallTail { base, fun } => x.window(base, x.fun(fun)?),
        Instr::CallExt { dst, base, import } => {
            x.reg(dst)?;
            x.window(base, x.import(import)?)
        }
        Instr::CallExtTail { base, import } => x.window(base, x.import(import)?),
        Instr::CallFun { dst, base, arity } => {
            x.reg(dst)?;
            x.window(base, 1 + u32::from(arity.0))
        }
        Instr::CallFunTail { base, arity } => x.window(base, 1 + u32::from(arity.0)),
        Instr::Apply { dst, base } => {
            x.reg(dst)?;
            x.window(base, 3)
        }
        Instr::ApplyTail { base } => x.window(base, 3),
        Instr::Bif1 { dst, a, import } => {
            x.reg(dst)?;
            x.src(a)?;
            ok(x.import(import)? == 1, "bif arity")
        }
        Instr::Bif2 { dst, a, b, import } => {
            x.reg(dst)?;
            x.src(a)?;
            x.src(b)?;
            ok(x.import(import)? == 2, "bif arity")
        }
        Instr::GBif1 {
            fail,
            dst,
            a,
            import,
        } => {
            x.label(fail)?;
            x.reg(dst)?;
            x.src(a)?;
            ok(x.import(import)? == 1, "bif arity")
        }
        Instr::GBif2 {
            fail,
            dst,
            a,
            b,
            import,
        } => {
            x.label(fail)?;
            x.reg(dst)?;
            x.src(a)?;
            x.src(b)?;
            ok(x.import(import)? == 2, "bif arity")
        }
        Instr::Add { dst, a, b } | Instr::Sub { dst, a, b } | Instr::Mul { dst, a, b } => {
            x.reg(dst)?;
            x.src(a)?;
            x.src(b)
        }
        Instr::IsLt { fail, a, b }
        | Instr::IsGe { fail, a, b }
        | Instr::IsEq { fail, a, b }
        | Instr::IsNe { fail, a, b }
        | Instr::IsEqExact { fail, a, b }
        | Instr::IsNeExact { fail, a, b } => {
            x.label(fail)?;
            x.src(a)?;
            x.src(b)
        }
        Instr::TestType { fail, src, ty } => {
            x.label(fail)?;
            x.src(src)?;
            ok((ty.0 as usize) < TypeTest::ALL.len(), "type code")
        }
        Instr::TestArity { fail, src, n: _ } | Instr::TestFunArity { fail, src, n: _ } => {
            x.label(fail)?;
            x.src(src)
        }
        Instr::GetList { head, tail, src } => {
            x.reg(head)?;
            x.reg(tail)?;
            x.src(src)
        }
        Instr::MatchList {
            fail,
            head,
            tail,
            src,
        } => {
            x.label(fail)?;
            x.reg(head)?;
            x.reg(tail)?;
            x.src(src)
        }
        Instr::GetElem { dst, src, i: _ } => {
            x.reg(dst)?;
            x.src(src)
        }
        Instr::PutList { dst, head, tail } => {
            x.reg(dst)?;
            x.src(head)?;
            x.src(tail)
        }
        Instr::PutTuple { dst, base, n } => {
            x.reg(dst)?;
            x.window(base, n.0)
        }
        Instr::PutMap { dst, base, n } => {
            x.reg(dst)?;
            x.window(base, n.0.checked_mul(2).ok_or("map size")?)
        }
        Instr::UpdateMap { dst, src, base, n } => {
            x.reg(dst)?;
            x.src(src)?;
            x.window(base, n.0.checked_mul(2).ok_or("map size")?)
        }
        Instr::GetMap {
            fail,
            dst,
            src,
            key,
        } => {
            x.label(fail)?;
            x.reg(dst)?;
            x.src(src)?;
            x.src(key)
        }
        Instr::MakeFun { dst, fun, base, n } => {
            x.reg(dst)?;
            let arity = x.fun(fun)?;
            x.window(base, n.0)?;
            ok(n.0 <= arity, "captures")
        }
        Instr::Raise { class, reason } => {
            ok(class.0 < 3, "class")?;
            x.src(reason)
        }
        Instr::Reraise {
            class,
            reason,
            trace,
        } => {
            x.src(class)?;
            x.src(reason)?;
            x.src(trace)
        }
        Instr::GetExc {
            class,
            reason,
            trace,
        } => {
            x.reg(class)?;
            x.reg(reason)?;
            x.reg(trace)
        }
        Instr::BsBuild { dst, base, n, spec } => {
            x.reg(dst)?;
            x.window(base, n.0.checked_mul(2).ok_or("segments")?)?;
            let Literal::Tuple(items) = x.konst(spec)? else {
                return Err("spec".into());
            };
            ok(items.len() as u64 == u64::from(n.0), "spec length")?;
            for item in items {
                match item {
                    Literal::Int(v) => flags(u32::try_from(*v).map_err(|_| "spec item")?)?,
                    _ => return Err("spec item".into()),
                }
            }
            Ok(())
        }
        Instr::BsGet {
            fail,
            dst,
            ctx,
            size,
            flags: fl,
        } => {
            x.label(fail)?;
            x.reg(dst)?;
            x.window(ctx, 2)?;
            x.src(size)?;
            flags(fl.0)
        }
        Instr::SelectVal { fail, src, n: _ } | Instr::SelectArity { fail, src, n: _ } => {
            x.label(fail)?;
            x.src(src)
        }
        Instr::CaseVal { key, to } => {
            x.label(to)?;
            x.konst(key).map(|_| ())
        }
        Instr::RecvPeek { empty, dst } => {
            x.label(empty)?;
            x.reg(dst)
        }
        Instr::RecvNext { to } => x.label(to),
        Instr::RecvRemove {} => Ok(()),
        Instr::RecvWait { to, timeout } => {
            x.label(to)?;
            x.src(timeout)
        }
        Instr::RecvMark { src } => x.src(src),
        Instr::BsTestSize { fail, ctx, bits: _ } => {
            x.label(fail)?;
            x.window(ctx, 2)
        }
        Instr::BsStart { fail, ctx, src } => {
            x.label(fail)?;
            x.window(ctx, 2)?;
            x.src(src)
        }
        Instr::BsTestUnit { fail, src, unit } => {
            x.label(fail)?;
            x.src(src)?;
            ok(unit.0 != 0, "unit")
        }
        Instr::BsSkipPrefix {
            fail,
            dst,
            src,
            lit,
        } => {
            x.label(fail)?;
            x.reg(dst)?;
            x.src(src)?;
            ok(
                matches!(x.konst(lit)?, Literal::Binary(_) | Literal::Bits { .. }),
                "prefix",
            )
        }
    }
}
