//! Clauses compiled to a decision tree: function heads, `case`, `fn`, `with`, catch
//! clauses and `for` generators all come here.
//!
//! The clauses form a matrix: a row per clause, a column per matched value. The tree is
//! built as the BEAM's compiler (`v3_kernel`) builds it, without ever copying a clause:
//!
//! - Take the first row's leftmost column that is not a variable. The rows from the top
//!   whose pattern in that column is a *constructor* (an atomic constant, a tuple, a
//!   non-empty list) form a group; the group is compiled as one switch on the column, and
//!   the rows after it run when the group fails.
//! - The switch tests each kind once: the constants through one `select_val` (or
//!   `is_eq_exact` for one), the tuples through one `select_arity` (or `test_arity`), the
//!   lists through one `test_type`. Each branch gets the rows of its key, in their order,
//!   with the column replaced by the constructor's parts (the elements read once); the
//!   branches are disjoint, so a failing branch goes straight to the rows after the group.
//! - A row whose pattern is something else (a map, a binary, a compound constant) is
//!   matched on its own with the sequential pattern code, then the rest of its row.
//! - A row left with variables only is a leaf: its variables are bound, the `^pin` and
//!   repeated-variable checks and the guard run, and on failure the next rows are tried.
//!
//! Each clause body is generated once, and the tests a group shares are made once:
//! `{:ok, x}` / `{:error, e}` / `:done` test the tuple, its arity and its first element
//! one time each.

use super::*;

static WILD: Pat = Pat::Wild;

/// A clause as a row of the pattern matrix.
#[derive(Clone)]
struct Row<'c> {
    /// One pattern per column.
    pats: Vec<&'c Pat>,
    /// Variables bound so far and the values they name.
    binds: Vec<(VarId, Src)>,
    /// Values that must equal (`===`) a variable: pins and repeated variables, checked
    /// at the leaf, after every binding of the row is made.
    pins: Vec<(VarId, Src)>,
    clause: &'c Clause,
}

/// What a group switches on.
enum Ctor<'c> {
    Val(&'c Const),
    Tuple(&'c [Pat]),
    Cons(&'c Pat, &'c Pat),
}

fn ctor(p: &Pat) -> Option<Ctor<'_>> {
    match p {
        Pat::Const(
            c @ (Const::Int(_) | Const::Float(_) | Const::Atom(_) | Const::Binary(_) | Const::Nil),
        ) => Some(Ctor::Val(c)),
        Pat::Tuple(ps) => Some(Ctor::Tuple(ps)),
        Pat::Cons(h, t) => Some(Ctor::Cons(h, t)),
        _ => None,
    }
}

/// Moves the variables, pins and wildcards at the top of each column into the row's
/// bindings and checks (`a = {x, y}` keeps `{x, y}` in the column).
fn normalize(row: &mut Row<'_>, cols: &[Src]) {
    for (j, p) in row.pats.iter_mut().enumerate() {
        loop {
            match *p {
                Pat::Bind(v) => {
                    row.binds.push((*v, cols[j]));
                    *p = &WILD;
                }
                Pat::Pinned(v) => {
                    row.pins.push((*v, cols[j]));
                    *p = &WILD;
                }
                Pat::Both(a, b) => {
                    let simple = |q: &Pat| matches!(q, Pat::Wild | Pat::Bind(_) | Pat::Pinned(_));
                    let (take, keep) = if simple(a) {
                        (&**a, &**b)
                    } else if simple(b) {
                        (&**b, &**a)
                    } else {
                        break;
                    };
                    match take {
                        Pat::Bind(v) => row.binds.push((*v, cols[j])),
                        Pat::Pinned(v) => row.pins.push((*v, cols[j])),
                        _ => {}
                    }
                    *p = keep;
                }
                _ => break,
            }
        }
    }
}

/// Where the chosen bodies go.
#[derive(Clone, Copy)]
struct Out {
    ctx: Ctx,
    done: Label,
    /// A `receive`: the chosen message leaves the mailbox before the body runs.
    remove: bool,
}

impl<'c> FnGen<'_> {
    /// Matches `values` against `clauses`; the chosen body goes to `ctx`. `on_fail`, when
    /// given, is where control goes when nothing matches (instead of raising `fail`).
    pub(super) fn clauses(
        &mut self,
        values: &[Src],
        clauses: &'c [Clause],
        ctx: Ctx,
        fail: Fail,
        on_fail: Option<Label>,
    ) -> R<()> {
        self.clauses_out(values, clauses, ctx, fail, on_fail, false)
    }

    /// `receive` (docs/internals/receive.md): a loop over the mailbox from the save
    /// pointer. The timeout is evaluated once, before the scan.
    ///
    /// ```text
    ///     [recv_mark ref]          every clause pins the same variable, bound before
    /// top: recv_peek wait, m
    ///     <clauses over m, on no match: next>   each body starts with recv_remove
    /// next: recv_next top
    /// wait: recv_wait top, timeout
    ///     <after body>
    /// ```
    pub(super) fn receive(
        &mut self,
        clauses: &'c [Clause],
        after: Option<&'c (Expr, Expr)>,
        ctx: Ctx,
    ) -> R<()> {
        let timeout = match after {
            Some((t, _)) => self.value(t)?,
            None => self.atom("infinity"),
        };
        if let Some(v) = common_pin(clauses).filter(|v| self.vars.contains_key(v)) {
            let src = self.var(v, Span::default());
            self.emit(Instr::RecvMark { src });
        }
        let (top, next, wait, done) = (self.label(), self.label(), self.label(), self.label());
        let msg = self.alloc();
        self.bind(top);
        self.emit(Instr::RecvPeek {
            empty: wait,
            dst: msg,
        });
        let start = self.code.len();
        self.clauses_out(
            &[Src::reg(msg)],
            clauses,
            ctx,
            Fail::Unreachable,
            Some(next),
            true,
        )?;
        // No clause matched: move on to the next message at once rather than through a
        // jump to `next` (one dispatch less per message passed over).
        for ins in &mut self.code[start..] {
            if *ins == (Instr::Jump { to: next }) {
                *ins = Instr::RecvNext { to: top };
            }
        }
        if ctx != Ctx::Tail {
            self.emit(Instr::Jump { to: done });
        }
        self.bind(next);
        self.emit(Instr::RecvNext { to: top });
        self.bind(wait);
        self.emit(Instr::RecvWait { to: top, timeout });
        match after {
            Some((_, body)) => {
                let (saved_next, saved_vars) = (self.next, self.vars.clone());
                self.expr(body, ctx)?;
                self.next = saved_next;
                self.vars = saved_vars;
            }
            // `:infinity` never falls through; the jump keeps the code closed.
            None => self.emit(Instr::Jump { to: top }),
        }
        self.bind(done);
        Ok(())
    }

    fn clauses_out(
        &mut self,
        values: &[Src],
        clauses: &'c [Clause],
        ctx: Ctx,
        fail: Fail,
        on_fail: Option<Label>,
        remove: bool,
    ) -> R<()> {
        let out = Out {
            ctx,
            done: self.label(),
            remove,
        };
        let floor = match ctx {
            Ctx::Into(r) => self.next.max(r.0 as u32 + 1),
            Ctx::Tail => self.next,
        };
        self.next = floor;
        let saved_vars = self.vars.clone();
        let no_match = self.label();
        let rows = clauses
            .iter()
            .map(|c| Row {
                pats: c.pats.iter().collect(),
                binds: Vec::new(),
                pins: Vec::new(),
                clause: c,
            })
            .collect();
        let start = self.code.len();
        self.rows(values, rows, no_match, out)?;
        self.next = floor;
        self.vars = saved_vars;
        // Clauses that cannot all fail (the last one matches anything) need no failure.
        if self.code[start..].iter().any(|i| jumps_to(i, no_match)) {
            self.bind(no_match);
            match on_fail {
                Some(l) => self.emit(Instr::Jump { to: l }),
                None => self.raise_fail(fail, values),
            }
        }
        self.bind(out.done);
        Ok(())
    }

    /// Matches the columns `cols` against `rows`, in order; `fail` when none matches.
    fn rows(&mut self, cols: &[Src], mut rows: Vec<Row<'c>>, fail: Label, out: Out) -> R<()> {
        for r in &mut rows {
            normalize(r, cols);
        }
        loop {
            let Some(first) = rows.first() else {
                self.emit(Instr::Jump { to: fail });
                return Ok(());
            };
            let col = first.pats.iter().position(|p| !matches!(p, Pat::Wild));
            let group = match col {
                Some(j) if ctor(first.pats[j]).is_some() => rows
                    .iter()
                    .position(|r| ctor(r.pats[j]).is_none())
                    .unwrap_or(rows.len()),
                _ => 1,
            };
            let rest = rows.split_off(group);
            let next = if rest.is_empty() { fail } else { self.label() };
            let (next_next, saved_vars) = (self.next, self.vars.clone());
            let may_fail = match col {
                None => self.leaf(rows.remove(0), next, out)?,
                Some(j) if ctor(rows[0].pats[j]).is_some() => {
                    self.switch(cols, rows, j, next, out)?;
                    true
                }
                Some(j) => {
                    let mut row = rows.remove(0);
                    for &(v, s) in &row.binds {
                        self.vars.insert(v, s);
                    }
                    self.pattern(row.pats[j], cols[j], next)?;
                    row.pats[j] = &WILD;
                    self.rows(cols, vec![row], next, out)?;
                    true
                }
            };
            self.next = next_next;
            self.vars = saved_vars;
            if rest.is_empty() || !may_fail {
                // Without a test, the row matched everything: the rest is unreachable.
                return Ok(());
            }
            self.bind(next);
            rows = rest;
        }
    }

    /// A row with nothing left to test but its pins and guard; returns whether it may
    /// fail (jumping to `next`).
    fn leaf(&mut self, row: Row<'c>, next: Label, out: Out) -> R<bool> {
        for &(v, s) in &row.binds {
            self.vars.insert(v, s);
        }
        for &(v, a) in &row.pins {
            let b = self.var(v, Span::default());
            self.emit(Instr::IsEqExact { fail: next, a, b });
        }
        if let Some(g) = &row.clause.guard {
            self.guard(g, next, next)?;
        }
        if out.remove {
            self.emit(Instr::RecvRemove {});
        }
        self.expr(&row.clause.body, out.ctx)?;
        if out.ctx != Ctx::Tail {
            self.emit(Instr::Jump { to: out.done });
        }
        Ok(!row.pins.is_empty() || row.clause.guard.is_some())
    }

    /// A group whose column `j` holds constructors: one test per kind, then the rows of
    /// each key with the column opened up. Every branch fails to `fail`.
    fn switch(
        &mut self,
        cols: &[Src],
        rows: Vec<Row<'c>>,
        j: usize,
        fail: Label,
        out: Out,
    ) -> R<()> {
        let src = cols[j];
        let mut vals: Vec<(&'c Const, Vec<Row<'c>>)> = Vec::new();
        let mut tuples: Vec<(usize, Vec<Row<'c>>)> = Vec::new();
        // Opened up already: the head and the tail replace the column.
        let mut conses: Vec<Row<'c>> = Vec::new();
        for r in rows {
            match ctor(r.pats[j]) {
                Some(Ctor::Val(c)) => match vals.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, rs)) => rs.push(r),
                    None => vals.push((c, vec![r])),
                },
                Some(Ctor::Tuple(ps)) => match tuples.iter_mut().find(|(n, _)| *n == ps.len()) {
                    Some((_, rs)) => rs.push(r),
                    None => tuples.push((ps.len(), vec![r])),
                },
                Some(Ctor::Cons(h, t)) => conses.push(open(r, j, &[h, t])),
                None => unreachable!("a group holds constructors only"),
            }
        }
        let kinds = [!vals.is_empty(), !tuples.is_empty(), !conses.is_empty()];
        let mut left = kinds.iter().filter(|&&k| k).count();
        let floor = self.next;
        let mut next_kind = |g: &mut Self| {
            left -= 1;
            if left == 0 {
                fail
            } else {
                g.label()
            }
        };
        // Kinds are disjoint, so their order is free: non-empty lists first, as a list
        // recursion's `[]` clause runs once and its `[h | t]` clause once per element,
        // and `match_list` tests and opens one up in a single instruction.
        if !conses.is_empty() {
            let other = next_kind(self);
            let (h, t) = (self.alloc(), self.alloc());
            self.emit(Instr::MatchList {
                fail: other,
                head: h,
                tail: t,
                src,
            });
            let parts = [Src::reg(h), Src::reg(t)];
            self.rows(&splice(cols, j, &parts), conses, fail, out)?;
            if other != fail {
                self.bind(other);
            }
            self.next = floor;
        }
        if !vals.is_empty() {
            let other = next_kind(self);
            self.values(cols, j, vals, other, fail, out)?;
            if other != fail {
                self.bind(other);
            }
            self.next = floor;
        }
        if !tuples.is_empty() {
            let other = next_kind(self);
            self.tuples(cols, j, tuples, other, fail, out)?;
            if other != fail {
                self.bind(other);
            }
            self.next = floor;
        }
        Ok(())
    }

    /// The constant keys of column `j`: `is_eq_exact` for one, else a `select_val`.
    fn values(
        &mut self,
        cols: &[Src],
        j: usize,
        vals: Vec<(&'c Const, Vec<Row<'c>>)>,
        other: Label,
        fail: Label,
        out: Out,
    ) -> R<()> {
        let src = cols[j];
        let floor = self.next;
        let wild = |rs: Vec<Row<'c>>| {
            rs.into_iter()
                .map(|mut r| {
                    r.pats[j] = &WILD;
                    r
                })
                .collect::<Vec<_>>()
        };
        if let [(c, _)] = vals[..] {
            match c {
                Const::Nil => self.test(other, src, TypeTest::Nil),
                _ => {
                    let b = self.konst(c.clone());
                    self.emit(Instr::IsEqExact {
                        fail: other,
                        a: src,
                        b,
                    });
                }
            }
            let rows = vals.into_iter().flat_map(|(_, rs)| rs).collect();
            return self.rows(cols, wild(rows), fail, out);
        }
        self.emit(Instr::SelectVal {
            fail: other,
            src,
            n: Count(vals.len() as u32),
        });
        let targets: Vec<Label> = vals.iter().map(|_| self.label()).collect();
        for ((c, _), &to) in vals.iter().zip(&targets) {
            let key = self.konst((*c).clone());
            self.emit(Instr::CaseVal { key, to });
        }
        for ((_, rs), to) in vals.into_iter().zip(targets) {
            self.bind(to);
            self.next = floor;
            self.rows(cols, wild(rs), fail, out)?;
        }
        Ok(())
    }

    /// The tuples of column `j` by arity: `test_arity` for one, else a `select_arity`;
    /// each arity's elements that any row looks at are read once.
    fn tuples(
        &mut self,
        cols: &[Src],
        j: usize,
        tuples: Vec<(usize, Vec<Row<'c>>)>,
        other: Label,
        fail: Label,
        out: Out,
    ) -> R<()> {
        let src = cols[j];
        let floor = self.next;
        let targets: Vec<Label> = if let [(n, _)] = tuples[..] {
            self.emit(Instr::TestArity {
                fail: other,
                src,
                n: Count(n as u32),
            });
            Vec::new()
        } else {
            self.emit(Instr::SelectArity {
                fail: other,
                src,
                n: Count(tuples.len() as u32),
            });
            let targets: Vec<Label> = tuples.iter().map(|_| self.label()).collect();
            for ((n, _), &to) in tuples.iter().zip(&targets) {
                let key = self.konst(Const::int(*n as i64));
                self.emit(Instr::CaseVal { key, to });
            }
            targets
        };
        for (i, (n, rs)) in tuples.into_iter().enumerate() {
            if let Some(&to) = targets.get(i) {
                self.bind(to);
            }
            self.next = floor;
            let elems = |r: &Row<'c>| match r.pats[j] {
                Pat::Tuple(ps) => ps,
                _ => unreachable!("a tuple group"),
            };
            let used: Vec<usize> = (0..n)
                .filter(|&i| rs.iter().any(|r| !matches!(elems(r)[i], Pat::Wild)))
                .collect();
            let mut parts = Vec::with_capacity(used.len());
            for &i in &used {
                let r = self.alloc();
                self.emit(Instr::GetElem {
                    dst: r,
                    src,
                    i: Count(i as u32),
                });
                parts.push(Src::reg(r));
            }
            let rows = rs
                .into_iter()
                .map(|r| {
                    let ps: Vec<&'c Pat> = used.iter().map(|&i| &elems(&r)[i]).collect();
                    open(r, j, &ps)
                })
                .collect();
            self.rows(&splice(cols, j, &parts), rows, fail, out)?;
        }
        Ok(())
    }
}

/// Whether `ins` may jump to `l`.
fn jumps_to(ins: &Instr, l: Label) -> bool {
    let mut hit = false;
    ins.for_each_operand(&mut |_, op| hit |= op == beamlet_bytecode::Operand::Label(l));
    hit
}

/// `xs` with element `j` replaced by `parts`.
fn splice<T: Copy>(xs: &[T], j: usize, parts: &[T]) -> Vec<T> {
    let mut v = Vec::with_capacity(xs.len() + parts.len());
    v.extend_from_slice(&xs[..j]);
    v.extend_from_slice(parts);
    v.extend_from_slice(&xs[j + 1..]);
    v
}

/// `r` with the pattern of column `j` replaced by the patterns of its parts.
fn open<'c>(mut r: Row<'c>, j: usize, parts: &[&'c Pat]) -> Row<'c> {
    r.pats = splice(&r.pats, j, parts);
    r
}

/// A variable that every clause's pattern pins (`^ref`), if there is one: a message any
/// clause takes must hold its value.
fn common_pin(clauses: &[Clause]) -> Option<VarId> {
    fn pins(p: &Pat, out: &mut Vec<VarId>) {
        match p {
            Pat::Pinned(v) => out.push(*v),
            Pat::Cons(h, t) | Pat::Both(h, t) => {
                pins(h, out);
                pins(t, out);
            }
            Pat::Tuple(ps) => ps.iter().for_each(|p| pins(p, out)),
            Pat::Map(kvs) => kvs.iter().for_each(|(_, p)| pins(p, out)),
            Pat::Prefix(_, p) => pins(p, out),
            Pat::Bin(_) | Pat::Wild | Pat::Bind(_) | Pat::Const(_) => {}
        }
    }
    let (first, rest) = clauses.split_first()?;
    let mut candidates = Vec::new();
    first.pats.iter().for_each(|p| pins(p, &mut candidates));
    candidates.into_iter().find(|v| {
        rest.iter().all(|c| {
            let mut ps = Vec::new();
            c.pats.iter().for_each(|p| pins(p, &mut ps));
            ps.contains(v)
        })
    })
}
