//! Code generation: Core modules become bytecode modules.
//!
//! Registers are allocated like a stack: a watermark `next` grows as values are made and
//! falls back when a scope (a clause, a call's arguments) ends. A variable keeps the
//! register (or constant) of the value it was bound to; registers are never written twice
//! within a scope, so aliasing is safe. A call puts its arguments at the watermark, which
//! is above every live value, as the Lua-style convention of the instruction set needs.
//!
//! Clauses are compiled to decision trees (see [`decision`]); the patterns of `case`,
//! function heads, `fn`, `with`, catch clauses and `for` generators share this code.
//! Labels are numbered while a function is generated and resolved to instruction indices
//! when it is done.
#![allow(clippy::indexing_slicing)] // Label and register indices are ones this module made.

use std::collections::HashMap;

use beamlet_bytecode::instr::{seg, TypeTest};
use beamlet_bytecode::{
    Byte, Count, Fun, Function, Handler, Import, ImportEntry, Instr, Label, Literal, Reg, Src,
    SrcKind,
};
use num_bigint::Sign;

use crate::ast::Span;
use crate::core::*;
use crate::diagnostic::Diagnostic;

mod decision;
mod peephole;

/// Generates the bytecode of `m`. `src` gives line numbers.
pub fn module(m: &Module, file: &str, src: &str) -> Result<beamlet_bytecode::Module, Diagnostic> {
    let mut g = ModGen {
        atoms: Vec::new(),
        atom_index: HashMap::new(),
        literals: Vec::new(),
        lit_index: HashMap::new(),
        imports: Vec::new(),
        imp_index: HashMap::new(),
        functions: Vec::new(),
        code: Vec::new(),
        fun_index: HashMap::new(),
        pending: Vec::new(),
        lines: LineIndex::new(src),
        closures: 0,
    };
    let name = g.atom(&m.name);
    for f in &m.funs {
        g.declare(f);
    }
    for (i, f) in m.funs.iter().enumerate() {
        if f.arity > 255 {
            return Err(diag(f.span, "too many parameters (at most 255)"));
        }
        g.function(i as u32, &f.clauses, f.arity, &[], f.span)?;
        while let Some((idx, def, span)) = g.pending.pop() {
            g.function(idx, &def.clauses, def.arity, &def.capture_params, span)?;
        }
    }
    let mut attributes = Vec::new();
    if let Some(fields) = &m.struct_fields {
        let list = crate::expand::const_list(fields.iter().map(|f| Const::atom(f)).collect());
        let (k, v) = (g.atom("struct"), g.literal(&list));
        attributes.push((k, v));
    }
    let span = m.funs.first().map_or(Span::default(), |f| f.span);
    let reflection =
        crate::expand::reflection_functions(&m.name, &m.funs, m.struct_fields.as_deref(), span);
    for f in &reflection {
        let i = g.declare(f);
        g.function(i, &f.clauses, f.arity, &[], f.span)?;
    }
    Ok(beamlet_bytecode::Module {
        attributes,
        name,
        file: file.to_string(),
        atoms: g.atoms,
        literals: g.literals,
        imports: g.imports,
        functions: g.functions,
        code: g.code,
    })
}

fn diag(span: Span, msg: &str) -> Diagnostic {
    Diagnostic {
        message: msg.into(),
        start: span.start as usize,
        end: span.end as usize,
        hint: None,
        incomplete: false,
    }
}

struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    fn line(&self, offset: u32) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }
}

struct ModGen {
    atoms: Vec<String>,
    atom_index: HashMap<String, u32>,
    literals: Vec<Literal>,
    lit_index: HashMap<String, u32>,
    imports: Vec<ImportEntry>,
    imp_index: HashMap<(u32, u32, u8), u32>,
    functions: Vec<Function>,
    code: Vec<Instr>,
    fun_index: HashMap<(String, usize), u32>,
    pending: Vec<(u32, FnDef, Span)>,
    lines: LineIndex,
    closures: usize,
}

impl ModGen {
    /// Adds `f` to the function table (its code comes later); its index.
    fn declare(&mut self, f: &FunDef) -> u32 {
        let i = self.functions.len() as u32;
        self.fun_index.insert((f.name.clone(), f.arity), i);
        let name = self.atom(&f.name);
        self.functions.push(Function {
            name,
            arity: f.arity as u8,
            exported: f.exported,
            ..Function::default()
        });
        i
    }

    fn atom(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.atom_index.get(name) {
            return i;
        }
        let i = self.atoms.len() as u32;
        self.atoms.push(name.to_string());
        self.atom_index.insert(name.to_string(), i);
        i
    }

    fn literal(&mut self, c: &Const) -> u32 {
        let key = format!("{c:?}");
        if let Some(&i) = self.lit_index.get(&key) {
            return i;
        }
        let l = self.literal_of(c);
        let i = self.literals.len() as u32;
        self.literals.push(l);
        self.lit_index.insert(key, i);
        i
    }

    fn literal_of(&mut self, c: &Const) -> Literal {
        match c {
            Const::Int(i) => match i64::try_from(i) {
                Ok(v) => Literal::Int(v),
                Err(_) => {
                    let (sign, mag) = i.to_bytes_le();
                    Literal::BigInt {
                        negative: sign == Sign::Minus,
                        magnitude: mag,
                    }
                }
            },
            Const::Float(f) => Literal::Float(*f),
            Const::Atom(a) => Literal::Atom(self.atom(a)),
            Const::Binary(b) => Literal::Binary(b.clone()),
            Const::Nil => Literal::Nil,
            Const::List(items, tail) => {
                let items = items.iter().map(|i| self.literal_of(i)).collect();
                Literal::List(items, Box::new(self.literal_of(tail)))
            }
            Const::Tuple(items) => {
                Literal::Tuple(items.iter().map(|i| self.literal_of(i)).collect())
            }
            Const::Map(pairs) => Literal::Map(
                pairs
                    .iter()
                    .map(|(k, v)| (self.literal_of(k), self.literal_of(v)))
                    .collect(),
            ),
        }
    }

    fn konst(&mut self, c: &Const) -> Src {
        Src::konst(self.literal(c))
    }

    fn import(&mut self, module: &str, name: &str, arity: usize) -> Import {
        let (m, n) = (self.atom(module), self.atom(name));
        let key = (m, n, arity as u8);
        if let Some(&i) = self.imp_index.get(&key) {
            return Import(i);
        }
        let i = self.imports.len() as u32;
        self.imports.push(ImportEntry {
            module: m,
            name: n,
            arity: arity as u8,
        });
        self.imp_index.insert(key, i);
        Import(i)
    }

    /// Generates function `idx` from its clauses; `captures` are variables bound to the
    /// registers after the parameters (closures).
    fn function(
        &mut self,
        idx: u32,
        clauses: &[Clause],
        arity: usize,
        captures: &[VarId],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let total = arity + captures.len();
        if total > 255 {
            return Err(diag(
                span,
                "too many parameters and captured variables (at most 255)",
            ));
        }
        let mut f = FnGen {
            m: self,
            code: Vec::new(),
            labels: Vec::new(),
            next: total as u32,
            max: total as u32,
            vars: HashMap::new(),
            lines: Vec::new(),
            line: 0,
            head_line: 0,
            handlers: Vec::new(),
            parent: String::new(),
            closure_arity: (!captures.is_empty()).then_some(arity),
        };
        f.parent = {
            let func = &f.m.functions[idx as usize];
            format!("{}/{}", f.m.atoms[func.name as usize], arity)
        };
        f.set_line(span);
        f.head_line = f.line;
        for (i, v) in captures.iter().enumerate() {
            f.vars.insert(*v, Src::reg(Reg((arity + i) as u16)));
        }
        let params: Vec<Src> = (0..arity).map(|i| Src::reg(Reg(i as u16))).collect();
        f.clauses(&params, clauses, Ctx::Tail, Fail::FunctionClause, None)?;
        if f.max > u16::MAX as u32 {
            return Err(diag(
                span,
                "function too large: it needs more than 65535 registers",
            ));
        }
        let FnGen {
            mut code,
            mut labels,
            mut lines,
            handlers,
            max,
            ..
        } = f;
        let fun_arity = |fun: u32| {
            self.functions
                .get(fun as usize)
                .map_or(255, |f| f.arity as u16)
        };
        let import_arity = |import: u32| {
            self.imports
                .get(import as usize)
                .map_or(255, |i| i.arity as u16)
        };
        peephole::eliminate_moves(
            &mut code,
            &mut labels,
            &mut lines,
            total as u16,
            &fun_arity,
            &import_arity,
        );
        peephole::place_tail_args(
            &mut code,
            &mut labels,
            &mut lines,
            !handlers.is_empty(),
            &fun_arity,
            &import_arity,
        );
        let regs = peephole::compact_registers(
            &mut code,
            total as u16,
            max as u16,
            &fun_arity,
            &import_arity,
        );
        let entry = self.code.len() as u32;
        let mut resolve = |l: Label| Label(entry + labels[l.0 as usize].unwrap_or(0));
        for ins in &mut code {
            ins.map_labels(&mut resolve);
        }
        let handlers = handlers
            .iter()
            .filter(|&&(s, e, _)| labels[s as usize] < labels[e as usize])
            .map(|&(s, e, t)| Handler {
                start: resolve(Label(s)).0,
                end: resolve(Label(e)).0,
                target: resolve(Label(t)).0,
            })
            .collect();
        let func = &mut self.functions[idx as usize];
        func.regs = regs;
        func.entry = entry;
        func.len = code.len() as u32;
        func.lines = lines.into_iter().map(|(pc, l)| (entry + pc, l)).collect();
        func.handlers = handlers;
        self.code.extend(code);
        Ok(())
    }
}

/// Where a value goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Returned: the expression is in tail position.
    Tail,
    /// Written to this register.
    Into(Reg),
}

struct FnGen<'m> {
    m: &'m mut ModGen,
    code: Vec<Instr>,
    labels: Vec<Option<u32>>,
    next: u32,
    max: u32,
    vars: HashMap<VarId, Src>,
    lines: Vec<(u32, u32)>,
    line: u32,
    /// The line of the function's first clause: where its `function_clause` is raised
    /// (the BEAM's stack trace shows it there).
    head_line: u32,
    /// (start, end, target) labels, innermost first.
    handlers: Vec<(u32, u32, u32)>,
    parent: String,
    /// A closure with captured values: its own parameter count. Its `function_clause`
    /// names these arguments only (the BEAM's fun arity leaves the environment out).
    closure_arity: Option<usize>,
}

type R<T> = Result<T, Diagnostic>;

impl FnGen<'_> {
    fn emit(&mut self, ins: Instr) {
        let pc = self.code.len() as u32;
        if self.lines.last().map(|&(_, l)| l) != Some(self.line) {
            self.lines.push((pc, self.line));
        }
        self.code.push(ins);
    }

    fn set_line(&mut self, span: Span) {
        if span != Span::default() {
            self.line = self.m.lines.line(span.start);
        }
    }

    fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.code.len() as u32);
    }

    fn alloc(&mut self) -> Reg {
        let r = self.next;
        self.next += 1;
        self.max = self.max.max(self.next);
        Reg(r.min(u16::MAX as u32) as u16)
    }

    fn konst(&mut self, c: Const) -> Src {
        self.m.konst(&c)
    }

    fn atom(&mut self, a: &str) -> Src {
        self.m.konst(&Const::atom(a))
    }

    /// Compiles `e` for its value, wherever it ends up.
    fn value(&mut self, e: &Expr) -> R<Src> {
        match &e.kind {
            Kind::Const(c) => Ok(self.konst(c.clone())),
            Kind::Var(v) => Ok(self.var(*v, e.span)),
            _ => {
                let r = self.alloc();
                self.expr(e, Ctx::Into(r))?;
                Ok(Src::reg(r))
            }
        }
    }

    fn var(&mut self, v: VarId, span: Span) -> Src {
        match self.vars.get(&v) {
            Some(&s) => s,
            None => {
                // The expander only makes references to bound variables; a miss is a bug
                // there, so fail safe with nil.
                let _ = span;
                self.atom("nil")
            }
        }
    }

    /// Puts `e`'s value in register `dst` (used for call arguments).
    fn value_into(&mut self, e: &Expr, dst: Reg) -> R<()> {
        match &e.kind {
            Kind::Const(_) | Kind::Var(_) => {
                let s = self.value(e)?;
                self.emit(Instr::Move { dst, src: s });
                Ok(())
            }
            _ => self.expr(e, Ctx::Into(dst)),
        }
    }

    /// Delivers `src` to `ctx`.
    fn deliver(&mut self, src: Src, ctx: Ctx) {
        match ctx {
            Ctx::Tail => self.emit(Instr::Ret { src }),
            Ctx::Into(dst) => {
                if src != Src::reg(dst) {
                    self.emit(Instr::Move { dst, src })
                }
            }
        }
    }

    /// Evaluates the arguments into consecutive registers from the watermark.
    /// After a call: the registers of its arguments, from `base` up, are dead (the callee
    /// used them as its own), so later values may reuse them.
    fn free_from(&mut self, base: Reg) {
        self.next = self.next.min(base.0 as u32);
    }

    fn args_at_top(&mut self, args: &[&Expr]) -> R<Reg> {
        if args.iter().any(|a| binds_deep(a)) {
            // An argument binds variables (`f(x = 1, x)`): their registers must stay below
            // the call's base, so every argument is computed first, in order, then moved.
            let mut vals = Vec::with_capacity(args.len());
            for a in args {
                vals.push(self.value(a)?);
            }
            let base = self.next;
            self.max = self.max.max(base + 1);
            for (i, v) in vals.into_iter().enumerate() {
                let r = self.alloc();
                debug_assert_eq!(r.0 as u32, base + i as u32);
                self.emit(Instr::Move { dst: r, src: v });
            }
            return Ok(Reg(base as u16));
        }
        let base = self.next;
        // The base register must exist even when nothing is passed.
        self.max = self.max.max(base + 1);
        for _ in args {
            self.alloc();
        }
        for (i, a) in args.iter().enumerate() {
            let saved = self.next;
            self.value_into(a, Reg((base + i as u32) as u16))?;
            self.next = saved;
        }
        Ok(Reg(base as u16))
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) -> R<()> {
        // Registers made here stay allocated until the enclosing clause ends: a match
        // inside `e` may bind a variable that later expressions read.
        self.set_line(e.span);
        self.expr_inner(e, ctx)
    }

    fn expr_inner(&mut self, e: &Expr, ctx: Ctx) -> R<()> {
        let span = e.span;
        match &e.kind {
            Kind::Const(_) | Kind::Var(_) => {
                let s = self.value(e)?;
                self.deliver(s, ctx);
            }
            Kind::Block(es) => {
                let Some((last, init)) = es.split_last() else {
                    let nil = self.atom("nil");
                    self.deliver(nil, ctx);
                    return Ok(());
                };
                for x in init {
                    self.effect(x)?;
                }
                self.expr(last, ctx)?;
            }
            Kind::Match(p, v) if matches!(**p, Pat::Bind(_) | Pat::Wild) => {
                let src = match ctx {
                    // Straight into the target: the variable lives there.
                    Ctx::Into(dst) if !matches!(v.kind, Kind::Const(_) | Kind::Var(_)) => {
                        self.expr(v, Ctx::Into(dst))?;
                        Src::reg(dst)
                    }
                    _ => self.value(v)?,
                };
                self.pattern(p, src, Label(0))?;
                self.deliver(src, ctx);
            }
            Kind::Match(p, v) => {
                let src = self.value(v)?;
                let fail = self.label();
                let ok = self.label();
                self.pattern(p, src, fail)?;
                self.emit(Instr::Jump { to: ok });
                self.bind(fail);
                self.raise_tagged("badmatch", src);
                self.bind(ok);
                self.deliver(src, ctx);
            }
            Kind::Cons(h, t) => {
                let (h, t) = (self.value(h)?, self.value(t)?);
                let dst = self.dst(ctx);
                self.emit(Instr::PutList {
                    dst,
                    head: h,
                    tail: t,
                });
                self.finish(dst, ctx);
            }
            Kind::Tuple(items) => {
                let refs: Vec<&Expr> = items.iter().collect();
                let base = self.args_at_top(&refs)?;
                let dst = self.dst_or(ctx, base);
                self.emit(Instr::PutTuple {
                    dst,
                    base,
                    n: Count(items.len() as u32),
                });
                self.finish(dst, ctx);
            }
            Kind::Map(pairs) => {
                let refs: Vec<&Expr> = pairs.iter().flat_map(|(k, v)| [k, v]).collect();
                let base = self.args_at_top(&refs)?;
                let dst = self.dst_or(ctx, base);
                self.emit(Instr::PutMap {
                    dst,
                    base,
                    n: Count(pairs.len() as u32),
                });
                self.finish(dst, ctx);
            }
            Kind::MapUpdate(m, pairs) => {
                let src = self.value(m)?;
                let refs: Vec<&Expr> = pairs.iter().flat_map(|(k, v)| [k, v]).collect();
                let base = self.args_at_top(&refs)?;
                let dst = self.dst_or(ctx, base);
                self.emit(Instr::UpdateMap {
                    dst,
                    src,
                    base,
                    n: Count(pairs.len() as u32),
                });
                self.finish(dst, ctx);
            }
            Kind::Bin(segs) => {
                let nil = Expr::atom("nil", span);
                let mut refs: Vec<&Expr> = Vec::with_capacity(2 * segs.len());
                for s in segs {
                    refs.push(&s.value);
                    refs.push(s.size.as_ref().unwrap_or(&nil));
                }
                let spec = Const::Tuple(segs.iter().map(|s| Const::int(s.flags as i64)).collect());
                let spec = self.konst(spec);
                let base = self.args_at_top(&refs)?;
                let dst = self.dst_or(ctx, base);
                self.emit(Instr::BsBuild {
                    dst,
                    base,
                    n: Count(segs.len() as u32),
                    spec,
                });
                self.finish(dst, ctx);
            }
            Kind::Call(callee, args) => self.call(callee, args, ctx, span)?,
            Kind::Apply(m, f, a) => {
                let base = self.args_at_top(&[m, f, a])?;
                match ctx {
                    Ctx::Tail => self.emit(Instr::ApplyTail { base }),
                    Ctx::Into(dst) => self.emit(Instr::Apply { dst, base }),
                }
            }
            Kind::Bif(module, name, args) => self.bif(module, name, args, ctx)?,
            Kind::Case(v, clauses, fail) => {
                let src = self.value(v)?;
                self.clauses(&[src], clauses, ctx, *fail, None)?;
            }
            Kind::Receive(clauses, after) => self.receive(clauses, after.as_deref(), ctx)?,
            Kind::If(c, t, f) => {
                let other = self.label();
                let done = self.label();
                if is_test(c) {
                    self.cond_test(c, other)?;
                } else {
                    let v = self.value(c)?;
                    let (fa, nil) = (self.atom("false"), self.atom("nil"));
                    self.emit(Instr::IsNeExact {
                        fail: other,
                        a: v,
                        b: fa,
                    });
                    self.emit(Instr::IsNeExact {
                        fail: other,
                        a: v,
                        b: nil,
                    });
                }
                let saved = self.next;
                let saved_vars = self.vars.clone();
                self.expr(t, ctx)?;
                if ctx != Ctx::Tail {
                    self.emit(Instr::Jump { to: done });
                }
                self.next = saved;
                self.vars = saved_vars;
                self.bind(other);
                self.expr(f, ctx)?;
                self.bind(done);
            }
            Kind::Fn(def) => {
                let idx = self.m.functions.len() as u32;
                self.m.closures += 1;
                let name = format!("-{}-fun-{}-", self.parent, self.m.closures - 1);
                let n = self.m.atom(&name);
                self.m.functions.push(Function {
                    name: n,
                    arity: (def.arity + def.captures.len()).min(255) as u8,
                    exported: false,
                    ..Function::default()
                });
                let caps: Vec<Expr> = def.captures.iter().map(|v| Expr::var(*v, span)).collect();
                let refs: Vec<&Expr> = caps.iter().collect();
                let base = self.args_at_top(&refs)?;
                let dst = self.dst_or(ctx, base);
                self.emit(Instr::MakeFun {
                    dst,
                    fun: Fun(idx),
                    base,
                    n: Count(def.captures.len() as u32),
                });
                self.m.pending.push((idx, (**def).clone(), span));
                self.finish(dst, ctx);
            }
            Kind::Try(t) => self.try_(t, ctx)?,
            Kind::Raise(class, reason) => {
                let r = self.value(reason)?;
                self.emit(Instr::Raise {
                    class: Byte(*class),
                    reason: r,
                });
                if let Ctx::Into(dst) = ctx {
                    // Unreachable, but keeps the register defined for the verifier's
                    // readers.
                    let nil = self.atom("nil");
                    self.emit(Instr::Move { dst, src: nil });
                }
            }
            Kind::Reraise(c, r, t) => {
                let (c, r, t) = (self.value(c)?, self.value(r)?, self.value(t)?);
                self.emit(Instr::Reraise {
                    class: c,
                    reason: r,
                    trace: t,
                });
                if let Ctx::Into(dst) = ctx {
                    let nil = self.atom("nil");
                    self.emit(Instr::Move { dst, src: nil });
                }
            }
            Kind::AndAlso(a, b) | Kind::OrElse(a, b) => {
                let and = matches!(e.kind, Kind::AndAlso(..));
                let va = self.value(a)?;
                let dst = self.dst(ctx);
                let (t, f) = (self.atom("true"), self.atom("false"));
                let not_first = self.label();
                let bad = self.label();
                let done = self.label();
                // `and`: true -> b; false -> false. `or`: false -> b; true -> true.
                let (go_on, stop) = if and { (t, f) } else { (f, t) };
                self.emit(Instr::IsEqExact {
                    fail: not_first,
                    a: va,
                    b: go_on,
                });
                self.expr(b, Ctx::Into(dst))?;
                self.emit(Instr::Jump { to: done });
                self.bind(not_first);
                self.emit(Instr::IsEqExact {
                    fail: bad,
                    a: va,
                    b: stop,
                });
                self.emit(Instr::Move { dst, src: stop });
                self.emit(Instr::Jump { to: done });
                self.bind(bad);
                let op = self.atom(if and { "and" } else { "or" });
                let tag = self.atom("badbool");
                let base = self.alloc();
                let r1 = self.alloc();
                let r2 = self.alloc();
                self.emit(Instr::Move {
                    dst: base,
                    src: tag,
                });
                self.emit(Instr::Move { dst: r1, src: op });
                self.emit(Instr::Move { dst: r2, src: va });
                self.emit(Instr::PutTuple {
                    dst: base,
                    base,
                    n: Count(3),
                });
                self.emit(Instr::Raise {
                    class: Byte(0),
                    reason: Src::reg(base),
                });
                self.bind(done);
                self.finish(dst, ctx);
            }
        }
        Ok(())
    }

    /// Jumps to `fail` unless the test `e` (see [`is_test`]) holds. Operands are ordinary
    /// values: an exception while computing them propagates.
    fn cond_test(&mut self, e: &Expr, fail: Label) -> R<()> {
        match &e.kind {
            Kind::AndAlso(a, b) => {
                self.cond_test(a, fail)?;
                self.cond_test(b, fail)
            }
            Kind::OrElse(a, b) => {
                let try_b = self.label();
                let ok = self.label();
                self.cond_test(a, try_b)?;
                self.emit(Instr::Jump { to: ok });
                self.bind(try_b);
                self.cond_test(b, fail)?;
                self.bind(ok);
                Ok(())
            }
            Kind::Const(Const::Atom(a)) if a == "true" => Ok(()),
            Kind::Bif("erlang", "not", args) => {
                let [a] = args.as_slice() else { return Ok(()) };
                let ok = self.label();
                self.cond_test(a, ok)?;
                self.emit(Instr::Jump { to: fail });
                self.bind(ok);
                Ok(())
            }
            Kind::Bif("erlang", name, args) => match args.as_slice() {
                [a, b] => {
                    let (a, b) = (self.value(a)?, self.value(b)?);
                    if let Some(ins) = comparison(name, fail, a, b) {
                        self.emit(ins);
                    }
                    Ok(())
                }
                [a] => {
                    let a = self.value(a)?;
                    if let Some(t) = type_test(name) {
                        self.test(fail, a, t);
                    }
                    Ok(())
                }
                _ => Ok(()),
            },
            _ => {
                self.emit(Instr::Jump { to: fail });
                Ok(())
            }
        }
    }

    /// Evaluates `e` and drops its value.
    fn effect(&mut self, e: &Expr) -> R<()> {
        match &e.kind {
            Kind::Const(_) | Kind::Var(_) => Ok(()),
            // A match binds variables the rest of the block reads: keep its registers.
            Kind::Match(..) => {
                let r = self.alloc();
                self.expr(e, Ctx::Into(r))
            }
            _ => {
                let saved = self.next;
                let r = self.alloc();
                let res = self.expr(e, Ctx::Into(r));
                if !binds(e) {
                    self.next = saved;
                }
                res
            }
        }
    }

    /// The register a constructor writes: the target, or a fresh one when returning.
    fn dst(&mut self, ctx: Ctx) -> Reg {
        match ctx {
            Ctx::Into(r) => r,
            Ctx::Tail => self.alloc(),
        }
    }

    fn dst_or(&mut self, ctx: Ctx, base: Reg) -> Reg {
        match ctx {
            Ctx::Into(r) => r,
            Ctx::Tail => base,
        }
    }

    fn finish(&mut self, dst: Reg, ctx: Ctx) {
        if ctx == Ctx::Tail {
            self.emit(Instr::Ret { src: Src::reg(dst) });
        }
    }

    fn call(&mut self, callee: &Callee, args: &[Expr], ctx: Ctx, span: Span) -> R<()> {
        let refs: Vec<&Expr> = args.iter().collect();
        match callee {
            Callee::Local(name, arity) => {
                let Some(&fun) = self.m.fun_index.get(&(name.clone(), *arity)) else {
                    return Err(diag(span, &format!("undefined function {name}/{arity}")));
                };
                let base = self.args_at_top(&refs)?;
                match ctx {
                    Ctx::Tail => self.emit(Instr::CallTail {
                        base,
                        fun: Fun(fun),
                    }),
                    Ctx::Into(dst) => self.emit(Instr::Call {
                        dst,
                        base,
                        fun: Fun(fun),
                    }),
                }
                self.free_from(base);
            }
            Callee::Remote(m, f) => {
                if args.len() > 255 {
                    return Err(diag(span, "too many arguments (at most 255)"));
                }
                let import = self.m.import(m, f, args.len());
                let base = self.args_at_top(&refs)?;
                match ctx {
                    Ctx::Tail => self.emit(Instr::CallExtTail { base, import }),
                    Ctx::Into(dst) => self.emit(Instr::CallExt { dst, base, import }),
                }
                self.free_from(base);
            }
            Callee::Dynamic(m, f) => {
                let list = args
                    .iter()
                    .rev()
                    .fold(Expr::konst(Const::Nil, span), |acc, a| {
                        Expr::new(Kind::Cons(Box::new(a.clone()), Box::new(acc)), span)
                    });
                let fe = Expr::atom(f, span);
                let base = self.args_at_top(&[m, &fe, &list])?;
                match ctx {
                    Ctx::Tail => self.emit(Instr::ApplyTail { base }),
                    Ctx::Into(dst) => self.emit(Instr::Apply { dst, base }),
                }
                self.free_from(base);
            }
            Callee::Fun(f) => {
                if args.len() > 255 {
                    return Err(diag(span, "too many arguments (at most 255)"));
                }
                let mut all: Vec<&Expr> = vec![f];
                all.extend(refs);
                let base = self.args_at_top(&all)?;
                let arity = Byte(args.len() as u8);
                match ctx {
                    Ctx::Tail => self.emit(Instr::CallFunTail { base, arity }),
                    Ctx::Into(dst) => self.emit(Instr::CallFun { dst, base, arity }),
                }
                self.free_from(base);
            }
        }
        Ok(())
    }

    fn bif(&mut self, module: &str, name: &str, args: &[Expr], ctx: Ctx) -> R<()> {
        let import = self.m.import(module, name, args.len());
        match args {
            [a, b] if module == "erlang" && matches!(name, "+" | "-" | "*") => {
                let (a, b) = (self.value(a)?, self.value(b)?);
                let dst = self.dst(ctx);
                self.emit(match name {
                    "+" => Instr::Add { dst, a, b },
                    "-" => Instr::Sub { dst, a, b },
                    _ => Instr::Mul { dst, a, b },
                });
                self.finish(dst, ctx);
            }
            [a] => {
                let a = self.value(a)?;
                let dst = self.dst(ctx);
                self.emit(Instr::Bif1 { dst, a, import });
                self.finish(dst, ctx);
            }
            [a, b] => {
                let (a, b) = (self.value(a)?, self.value(b)?);
                let dst = self.dst(ctx);
                self.emit(Instr::Bif2 { dst, a, b, import });
                self.finish(dst, ctx);
            }
            _ => {
                let refs: Vec<&Expr> = args.iter().collect();
                let base = self.args_at_top(&refs)?;
                match ctx {
                    Ctx::Tail => self.emit(Instr::CallExtTail { base, import }),
                    Ctx::Into(dst) => self.emit(Instr::CallExt { dst, base, import }),
                }
            }
        }
        Ok(())
    }

    /// Raises `{tag, value}`.
    fn raise_tagged(&mut self, tag: &str, value: Src) {
        let t = self.atom(tag);
        let base = self.alloc();
        let r1 = self.alloc();
        self.emit(Instr::Move { dst: base, src: t });
        self.emit(Instr::Move {
            dst: r1,
            src: value,
        });
        self.emit(Instr::PutTuple {
            dst: base,
            base,
            n: Count(2),
        });
        self.emit(Instr::Raise {
            class: Byte(0),
            reason: Src::reg(base),
        });
        self.next -= 2;
    }

    fn raise_fail(&mut self, fail: Fail, values: &[Src]) {
        let v = values.first().copied().unwrap_or(Src::konst(0));
        match fail {
            Fail::FunctionClause => {
                self.line = self.head_line;
                let a = self.atom("function_clause");
                if let Some(arity) = self.closure_arity {
                    // `:erlang.error(:function_clause, [args])`: the stack trace's first
                    // entry shows the arguments without the captured values.
                    let args = self.alloc();
                    let nil = self.konst(Const::Nil);
                    self.emit(Instr::Move {
                        dst: args,
                        src: nil,
                    });
                    for i in (0..arity).rev() {
                        self.emit(Instr::PutList {
                            dst: args,
                            head: Src::reg(Reg(i as u16)),
                            tail: Src::reg(args),
                        });
                    }
                    let import = self.m.import("erlang", "error", 2);
                    let dst = self.alloc();
                    self.emit(Instr::Bif2 {
                        dst,
                        a,
                        b: Src::reg(args),
                        import,
                    });
                    // Never reached (`error/2` raises); the verifier wants no fall-through.
                }
                self.emit(Instr::Raise {
                    class: Byte(0),
                    reason: a,
                });
            }
            Fail::BadMatch => self.raise_tagged("badmatch", v),
            Fail::WithClause => self.raise_tagged("with_clause", v),
            Fail::TryClause => self.raise_tagged("try_clause", v),
            Fail::CaseClause | Fail::Unreachable => self.raise_tagged("case_clause", v),
        }
    }

    /// Tests `src` against `p`, binding its variables; jumps to `fail` when it does not
    /// match.
    fn pattern(&mut self, p: &Pat, src: Src, fail: Label) -> R<()> {
        match p {
            Pat::Wild => {}
            Pat::Bind(v) => {
                let s = match src.decode() {
                    SrcKind::Const(_) => src,
                    SrcKind::Reg(_) => src,
                };
                self.vars.insert(*v, s);
            }
            Pat::Pinned(v) => {
                let b = self.var(*v, Span::default());
                self.emit(Instr::IsEqExact { fail, a: src, b });
            }
            Pat::Const(Const::Nil) => self.test(fail, src, TypeTest::Nil),
            Pat::Const(c) => {
                let b = self.konst(c.clone());
                self.emit(Instr::IsEqExact { fail, a: src, b });
            }
            Pat::Cons(h, t) => {
                let (rh, rt) = (self.alloc(), self.alloc());
                self.emit(Instr::MatchList {
                    fail,
                    head: rh,
                    tail: rt,
                    src,
                });
                self.pattern(h, Src::reg(rh), fail)?;
                self.pattern(t, Src::reg(rt), fail)?;
            }
            Pat::Tuple(ps) => {
                self.test(fail, src, TypeTest::Tuple);
                self.emit(Instr::TestArity {
                    fail,
                    src,
                    n: Count(ps.len() as u32),
                });
                for (i, p) in ps.iter().enumerate() {
                    if matches!(p, Pat::Wild) {
                        continue;
                    }
                    let r = self.alloc();
                    self.emit(Instr::GetElem {
                        dst: r,
                        src,
                        i: Count(i as u32),
                    });
                    self.pattern(p, Src::reg(r), fail)?;
                }
            }
            Pat::Map(pairs) => {
                self.test(fail, src, TypeTest::Map);
                for (k, p) in pairs {
                    let key = self.value(k)?;
                    let r = self.alloc();
                    self.emit(Instr::GetMap {
                        fail,
                        dst: r,
                        src,
                        key,
                    });
                    self.pattern(p, Src::reg(r), fail)?;
                }
            }
            Pat::Bin(segs) => {
                // The match context: the subject and the position in it.
                let ctx = self.alloc();
                self.alloc();
                self.emit(Instr::BsStart { fail, ctx, src });
                for s in segs {
                    let size = match &s.size {
                        Some(e) => self.value(e)?,
                        None => self.atom("nil"),
                    };
                    let r = self.alloc();
                    self.emit(Instr::BsGet {
                        fail,
                        dst: r,
                        ctx,
                        size,
                        flags: Count(s.flags),
                    });
                    self.pattern(&s.value, Src::reg(r), fail)?;
                }
                let ty = segs.last().map(|s| s.flags & seg::TYPE_MASK);
                let open_tail = segs.last().is_some_and(|s| s.size.is_none())
                    && matches!(ty, Some(seg::BINARY | seg::BITSTRING));
                if !open_tail {
                    self.emit(Instr::BsTestSize {
                        fail,
                        ctx,
                        bits: Count(0),
                    });
                }
            }
            Pat::Prefix(bytes, rest) => {
                self.test(fail, src, TypeTest::Bitstring);
                let lit = self.konst(Const::Binary(bytes.clone()));
                let r = self.alloc();
                self.emit(Instr::BsSkipPrefix {
                    fail,
                    dst: r,
                    src,
                    lit,
                });
                self.pattern(rest, Src::reg(r), fail)?;
            }
            Pat::Both(a, b) => {
                self.pattern(a, src, fail)?;
                self.pattern(b, src, fail)?;
            }
        }
        Ok(())
    }

    fn test(&mut self, fail: Label, src: Src, t: TypeTest) {
        self.emit(Instr::TestType {
            fail,
            src,
            ty: Byte(t as u8),
        });
    }

    /// A guard: falls through when `g` is `true`, jumps to `fail` when it is not, and to
    /// `abort` when it raises (an exception fails the whole guard, even inside `or`).
    fn guard(&mut self, g: &Expr, fail: Label, abort: Label) -> R<()> {
        self.set_line(g.span);
        match &g.kind {
            Kind::AndAlso(a, b) => {
                self.guard(a, fail, abort)?;
                self.guard(b, fail, abort)
            }
            Kind::OrElse(a, b) => {
                let try_b = self.label();
                let ok = self.label();
                self.guard(a, try_b, abort)?;
                self.emit(Instr::Jump { to: ok });
                self.bind(try_b);
                self.guard(b, fail, abort)?;
                self.bind(ok);
                Ok(())
            }
            Kind::Const(Const::Atom(a)) if a == "true" => Ok(()),
            Kind::Const(_) => {
                self.emit(Instr::Jump { to: fail });
                Ok(())
            }
            Kind::Bif("erlang", name, args) => {
                if let [a, b] = args.as_slice() {
                    if is_comparison(name) {
                        let (a, b) = (self.guard_value(a, abort)?, self.guard_value(b, abort)?);
                        if let Some(ins) = comparison(name, fail, a, b) {
                            self.emit(ins);
                        }
                        return Ok(());
                    }
                }
                if let [a] = args.as_slice() {
                    let t = type_test(name);
                    if let Some(t) = t {
                        let a = self.guard_value(a, abort)?;
                        self.test(fail, a, t);
                        return Ok(());
                    }
                    if *name == "not" {
                        let v = self.guard_value(a, abort)?;
                        let f = self.atom("false");
                        self.emit(Instr::IsEqExact { fail, a: v, b: f });
                        return Ok(());
                    }
                }
                let v = self.guard_value(g, abort)?;
                let t = self.atom("true");
                self.emit(Instr::IsEqExact { fail, a: v, b: t });
                Ok(())
            }
            _ => {
                let v = self.guard_value(g, abort)?;
                let t = self.atom("true");
                self.emit(Instr::IsEqExact { fail, a: v, b: t });
                Ok(())
            }
        }
    }

    /// A value inside a guard: BIFs that raise jump to `fail` (the guard's abort label)
    /// instead.
    fn guard_value(&mut self, e: &Expr, fail: Label) -> R<Src> {
        match &e.kind {
            Kind::Bif(module, name, args) if args.len() <= 2 && !args.is_empty() => {
                let import = self.m.import(module, name, args.len());
                let dst = self.alloc();
                match args.as_slice() {
                    [a] => {
                        let a = self.guard_value(a, fail)?;
                        self.emit(Instr::GBif1 {
                            fail,
                            dst,
                            a,
                            import,
                        });
                    }
                    [a, b] => {
                        let a = self.guard_value(a, fail)?;
                        let b = self.guard_value(b, fail)?;
                        self.emit(Instr::GBif2 {
                            fail,
                            dst,
                            a,
                            b,
                            import,
                        });
                    }
                    _ => {}
                }
                Ok(Src::reg(dst))
            }
            Kind::AndAlso(..) | Kind::OrElse(..) => {
                // A boolean value of a nested guard: true when it holds, false otherwise.
                let dst = self.alloc();
                let no = self.label();
                let done = self.label();
                self.guard(e, no, fail)?;
                let t = self.atom("true");
                self.emit(Instr::Move { dst, src: t });
                self.emit(Instr::Jump { to: done });
                self.bind(no);
                let f = self.atom("false");
                self.emit(Instr::Move { dst, src: f });
                self.bind(done);
                Ok(Src::reg(dst))
            }
            _ => self.value(e),
        }
    }

    fn try_(&mut self, t: &TryDef, ctx: Ctx) -> R<()> {
        let dst = match ctx {
            Ctx::Into(r) => r,
            Ctx::Tail => self.alloc(),
        };
        // In tail position and without `after`, the `else` and `catch` clauses run
        // outside every handler range: they are in tail position too, as on the BEAM (a
        // server loop that recurses from `else` or `rescue` runs in constant stack).
        let clause_ctx = match ctx {
            Ctx::Tail if t.after.is_none() => Ctx::Tail,
            _ => Ctx::Into(dst),
        };
        let tail = clause_ctx == Ctx::Tail;
        let after_start = self.label();
        let after_end = self.label();
        let after_target = self.label();
        let catch_start = self.label();
        let catch_end = self.label();
        let catch_target = self.label();
        let done = self.label();
        self.bind(after_start);
        self.bind(catch_start);
        self.expr(&t.body, Ctx::Into(dst))?;
        self.bind(catch_end);
        // `else` runs outside the catch range but inside `after`'s.
        if !t.else_clauses.is_empty() {
            let v = self.alloc();
            self.emit(Instr::Move {
                dst: v,
                src: Src::reg(dst),
            });
            self.clauses(
                &[Src::reg(v)],
                &t.else_clauses,
                clause_ctx,
                Fail::TryClause,
                None,
            )?;
        }
        if tail && t.else_clauses.is_empty() {
            self.emit(Instr::Ret { src: Src::reg(dst) });
        } else if !tail {
            self.emit(Instr::Jump { to: done });
        }
        self.bind(catch_target);
        let (c, r, s) = (self.alloc(), self.alloc(), self.alloc());
        self.emit(Instr::GetExc {
            class: c,
            reason: r,
            trace: s,
        });
        let reraise = self.label();
        let vals = [Src::reg(c), Src::reg(r), Src::reg(s)];
        self.clauses(
            &vals,
            &t.catch_clauses,
            clause_ctx,
            Fail::Unreachable,
            Some(reraise),
        )?;
        if !tail {
            self.emit(Instr::Jump { to: done });
        }
        self.bind(reraise);
        self.emit(Instr::Reraise {
            class: vals[0],
            reason: vals[1],
            trace: vals[2],
        });
        self.bind(after_end);
        self.handlers
            .push((catch_start.0, catch_end.0, catch_target.0));
        if let Some(a) = &t.after {
            self.bind(done);
            self.effect(a)?;
            let end = self.label();
            self.emit(Instr::Jump { to: end });
            self.bind(after_target);
            let (c, r, s) = (self.alloc(), self.alloc(), self.alloc());
            self.emit(Instr::GetExc {
                class: c,
                reason: r,
                trace: s,
            });
            self.effect(a)?;
            self.emit(Instr::Reraise {
                class: Src::reg(c),
                reason: Src::reg(r),
                trace: Src::reg(s),
            });
            self.handlers
                .push((after_start.0, after_end.0, after_target.0));
            self.bind(end);
        } else {
            self.bind(done);
            let _ = after_target;
            // An empty range is not allowed; nothing to register.
        }
        if t.catch_clauses.is_empty() {
            // No catch clauses: the handler only re-raises; drop it.
            self.handlers.retain(|&(s, _, _)| s != catch_start.0);
        }
        if ctx == Ctx::Tail && !tail {
            self.emit(Instr::Ret { src: Src::reg(dst) });
        }
        Ok(())
    }
}

/// Whether evaluating `e` binds variables later expressions read.
fn binds(e: &Expr) -> bool {
    matches!(e.kind, Kind::Match(..) | Kind::Block(..))
}

fn type_test(name: &str) -> Option<TypeTest> {
    Some(match name {
        "is_integer" => TypeTest::Integer,
        "is_float" => TypeTest::Float,
        "is_number" => TypeTest::Number,
        "is_atom" => TypeTest::Atom,
        "is_boolean" => TypeTest::Boolean,
        "is_binary" => TypeTest::Binary,
        "is_bitstring" => TypeTest::Bitstring,
        "is_list" => TypeTest::List,
        "is_tuple" => TypeTest::Tuple,
        "is_map" => TypeTest::Map,
        "is_function" => TypeTest::Function,
        "is_pid" => TypeTest::Pid,
        "is_port" => TypeTest::Port,
        "is_reference" => TypeTest::Reference,
        _ => return None,
    })
}

/// Whether `e` is a test that yields a boolean without raising (once its operands are
/// computed): a comparison, a type test, or `and`/`or`/`not` of tests. `if` on such a
/// condition compiles to jumps instead of a boolean value.
fn is_test(e: &Expr) -> bool {
    match &e.kind {
        Kind::AndAlso(a, b) | Kind::OrElse(a, b) => is_test(a) && is_test(b),
        Kind::Const(Const::Atom(a)) => a == "true",
        Kind::Bif("erlang", "not", args) => matches!(args.as_slice(), [a] if is_test(a)),
        Kind::Bif("erlang", name, args) => match args.len() {
            2 => is_comparison(name),
            1 => type_test(name).is_some(),
            _ => false,
        },
        _ => false,
    }
}

/// Whether evaluating `e` binds variables that the code after it can read (a match that
/// is not inside a clause or a closure of its own).
fn binds_deep(e: &Expr) -> bool {
    match &e.kind {
        Kind::Match(..) => true,
        Kind::Const(_) | Kind::Var(_) | Kind::Fn(_) | Kind::Raise(..) => false,
        Kind::Block(es) | Kind::Tuple(es) => es.iter().any(binds_deep),
        Kind::Cons(a, b) | Kind::AndAlso(a, b) | Kind::OrElse(a, b) => {
            binds_deep(a) || binds_deep(b)
        }
        Kind::Map(pairs) => pairs.iter().any(|(k, v)| binds_deep(k) || binds_deep(v)),
        Kind::MapUpdate(m, pairs) => {
            binds_deep(m) || pairs.iter().any(|(k, v)| binds_deep(k) || binds_deep(v))
        }
        Kind::Bin(segs) => segs
            .iter()
            .any(|s| binds_deep(&s.value) || s.size.as_ref().is_some_and(binds_deep)),
        Kind::Call(callee, args) => {
            let c = match callee {
                Callee::Dynamic(m, _) | Callee::Fun(m) => binds_deep(m),
                _ => false,
            };
            c || args.iter().any(binds_deep)
        }
        Kind::Apply(a, b, c) | Kind::Reraise(a, b, c) => {
            binds_deep(a) || binds_deep(b) || binds_deep(c)
        }
        Kind::Bif(_, _, args) => args.iter().any(binds_deep),
        Kind::Case(v, ..) | Kind::If(v, ..) => binds_deep(v),
        Kind::Try(_) => false,
        Kind::Receive(_, after) => after.as_ref().is_some_and(|a| binds_deep(&a.0)),
    }
}

fn is_comparison(name: &str) -> bool {
    matches!(name, "<" | ">" | "=<" | ">=" | "==" | "/=" | "=:=" | "=/=")
}

/// The test instruction for the comparison BIF `name`: falls through when `a name b`
/// holds, jumps to `fail` otherwise.
fn comparison(name: &str, fail: Label, a: Src, b: Src) -> Option<Instr> {
    Some(match name {
        "<" => Instr::IsLt { fail, a, b },
        ">" => Instr::IsLt { fail, a: b, b: a },
        "=<" => Instr::IsGe { fail, a: b, b: a },
        ">=" => Instr::IsGe { fail, a, b },
        "==" => Instr::IsEq { fail, a, b },
        "/=" => Instr::IsNe { fail, a, b },
        "=:=" => Instr::IsEqExact { fail, a, b },
        "=/=" => Instr::IsNeExact { fail, a, b },
        _ => return None,
    })
}
