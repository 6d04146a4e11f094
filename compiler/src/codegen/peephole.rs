//! Move elimination, run on each function's code before its labels are resolved.
//!
//! Code generation gives every value a fresh register and then moves it where it is
//! needed: a pattern variable into a call's argument window, a call's result into the
//! register of the next call's arguments. When such a `move rA, rB` reads the only value
//! ever written to `rB`, the instruction that wrote `rB` can write `rA` instead and the
//! move goes: `get_list r3, r4, r0; move r5, r4` becomes `get_list r3, r5, r0`.
//!
//! The rewrite is made only when nothing can tell the difference:
//! - `rB` is written by exactly one instruction of the function (`def`) and read by
//!   exactly one (the move), counting the registers that calls, tuples, maps, funs and
//!   binaries read from their windows;
//! - between `def` and the move there are only other moves, which touch neither `rA` nor
//!   `rB`, and no instruction there (nor the move) is a jump target, so every path to the
//!   move runs `def` first and no path leaves in between (a `def` that fails or raises
//!   writes nothing, as before);
//! - `def` writes nothing else to `rA` and `rA` is not a parameter or captured value
//!   (`function_clause` reports the parameter registers as they are when it is raised).

use beamlet_bytecode::instr::{Operand, SrcKind};
use beamlet_bytecode::{Instr, Reg};

/// How a register is involved in one instruction.
#[derive(Default)]
struct Regs {
    /// Registers written (as a result: `dst`, `head`, `tail`, `get_exc`'s three).
    defs: Vec<u16>,
    /// Registers read: sources, windows, match contexts.
    uses: Vec<u16>,
    /// Registers both read and written (match contexts): never rewritten.
    pinned: Vec<u16>,
    /// Every register from this one up is read (`apply`, whose window size is not known).
    uses_from: Option<u16>,
}

/// The registers of `ins`. `fun_arity` and `import_arity` give the argument counts of
/// local functions and imports.
fn regs(ins: &Instr, fun_arity: &dyn Fn(u32) -> u16, import_arity: &dyn Fn(u32) -> u16) -> Regs {
    let mut r = Regs::default();
    ins.for_each_operand(&mut |name, op| match op {
        Operand::Src(s) => {
            if let SrcKind::Reg(x) = s.decode() {
                r.uses.push(x);
            }
        }
        Operand::Reg(x) => match name {
            "dst" | "head" | "tail" | "class" | "reason" | "trace" => r.defs.push(x.0),
            // Windows are added below; a match context is two registers.
            "base" => {}
            _ => {
                r.pinned.push(x.0);
                r.pinned.push(x.0.saturating_add(1));
            }
        },
        _ => {}
    });
    let window = |base: Reg, n: u32| (base.0 as u32..base.0 as u32 + n).map(|x| x as u16);
    match *ins {
        Instr::Call { base, fun, .. } | Instr::CallTail { base, fun } => {
            r.uses.extend(window(base, fun_arity(fun.0) as u32))
        }
        Instr::CallExt { base, import, .. } | Instr::CallExtTail { base, import } => {
            r.uses.extend(window(base, import_arity(import.0) as u32))
        }
        Instr::CallFun { base, arity, .. } | Instr::CallFunTail { base, arity } => {
            r.uses.extend(window(base, arity.0 as u32 + 1))
        }
        Instr::Apply { base, .. } | Instr::ApplyTail { base } => r.uses_from = Some(base.0),
        Instr::PutTuple { base, n, .. } | Instr::MakeFun { base, n, .. } => {
            r.uses.extend(window(base, n.0))
        }
        Instr::PutMap { base, n, .. }
        | Instr::UpdateMap { base, n, .. }
        | Instr::BsBuild { base, n, .. } => r.uses.extend(window(base, 2 * n.0)),
        _ => {}
    }
    r
}

/// Renumbers the registers of a function densely, in their order, and returns how many
/// it needs. Code generation gives every value a fresh register and move elimination
/// leaves some unused; the interpreter clears every register of a frame on each call,
/// and the collector scans them, so unused ones cost on every call (`Enum`'s
/// `reduce_list/3` had 11 registers, two of them never named).
///
/// The map keeps the order, so a window (a call's arguments, a tuple's elements), whose
/// registers are all named, stays consecutive, and a call's window stays above every
/// register live across it. The `params` parameter and captured-value registers keep
/// their numbers. A function with an instruction whose registers are not all known
/// here is left as it is.
pub fn compact_registers(
    code: &mut [Instr],
    params: u16,
    regs_before: u16,
    fun_arity: &dyn Fn(u32) -> u16,
    import_arity: &dyn Fn(u32) -> u16,
) -> u16 {
    let mut used = vec![false; regs_before as usize + 4];
    let mark = |r: u16, used: &mut Vec<bool>| {
        if let Some(u) = used.get_mut(r as usize) {
            *u = true;
            true
        } else {
            false
        }
    };
    for r in 0..params {
        mark(r, &mut used);
    }
    for ins in code.iter() {
        let r = regs(ins, fun_arity, import_arity);
        let apply = match *ins {
            // `apply` reads module, function and argument list at its base.
            Instr::Apply { base, .. } | Instr::ApplyTail { base } => Some(base.0),
            _ => None,
        };
        if r.uses_from.is_some() && apply.is_none() {
            return regs_before;
        }
        // A window's base is a register even when the window is empty (`f()`).
        let mut base = None;
        ins.for_each_operand(&mut |name, op| {
            if let (Operand::Reg(b), "base") = (op, name) {
                base = Some(b.0);
            }
        });
        let apply_window = apply.into_iter().flat_map(|b| b..b.saturating_add(3));
        let all = r.defs.iter().chain(&r.uses).chain(&r.pinned).copied();
        if !all
            .chain(apply_window)
            .chain(base)
            .all(|x| mark(x, &mut used))
        {
            return regs_before;
        }
    }
    let mut map = vec![0u16; used.len()];
    let mut next = 0u16;
    for (i, &u) in used.iter().enumerate() {
        if u {
            map[i] = next;
            next += 1;
        }
    }
    if next >= regs_before {
        return regs_before;
    }
    for ins in code.iter_mut() {
        ins.map_regs(&mut |r| map[r as usize]);
    }
    next
}

/// Makes `ins` write `to` where it wrote `from`.
fn retarget(ins: &mut Instr, from: u16, to: u16) {
    let swap = |r: &mut Reg| {
        if r.0 == from {
            r.0 = to;
        }
    };
    match ins {
        Instr::Move { dst, .. }
        | Instr::Call { dst, .. }
        | Instr::CallExt { dst, .. }
        | Instr::CallFun { dst, .. }
        | Instr::Apply { dst, .. }
        | Instr::Bif1 { dst, .. }
        | Instr::Bif2 { dst, .. }
        | Instr::GBif1 { dst, .. }
        | Instr::GBif2 { dst, .. }
        | Instr::Add { dst, .. }
        | Instr::Sub { dst, .. }
        | Instr::Mul { dst, .. }
        | Instr::GetElem { dst, .. }
        | Instr::PutList { dst, .. }
        | Instr::PutTuple { dst, .. }
        | Instr::PutMap { dst, .. }
        | Instr::UpdateMap { dst, .. }
        | Instr::GetMap { dst, .. }
        | Instr::MakeFun { dst, .. }
        | Instr::BsBuild { dst, .. }
        | Instr::BsGet { dst, .. }
        | Instr::BsSkipPrefix { dst, .. }
        | Instr::RecvPeek { dst, .. } => swap(dst),
        Instr::GetList { head, tail, .. } | Instr::MatchList { head, tail, .. } => {
            swap(head);
            swap(tail);
        }
        Instr::GetExc {
            class,
            reason,
            trace,
        } => {
            swap(class);
            swap(reason);
            swap(trace);
        }
        _ => {}
    }
}

/// What the two rewrites read off a function's code.
struct Usage {
    /// The registers of each instruction.
    info: Vec<Regs>,
    /// Per register: how many instructions write it and how many read it (a match
    /// context's registers count as both).
    defs: Vec<u32>,
    uses: Vec<u32>,
    /// The lowest window of an `apply`, which reads every register from there up.
    open_from: u16,
    /// Per instruction: a jump target.
    target: Vec<bool>,
}

fn usage(
    code: &[Instr],
    labels: &[Option<u32>],
    fun_arity: &dyn Fn(u32) -> u16,
    import_arity: &dyn Fn(u32) -> u16,
) -> Usage {
    let info: Vec<Regs> = code
        .iter()
        .map(|i| regs(i, fun_arity, import_arity))
        .collect();
    let nregs = info
        .iter()
        .flat_map(|r| r.defs.iter().chain(&r.uses).chain(&r.pinned))
        .map(|&x| x as usize + 1)
        .max()
        .unwrap_or(0);
    let (mut defs, mut uses) = (vec![0u32; nregs], vec![0u32; nregs]);
    let mut open_from = u16::MAX;
    for r in &info {
        for &x in r.defs.iter().chain(&r.pinned) {
            defs[x as usize] += 1;
        }
        for &x in r.uses.iter().chain(&r.pinned) {
            uses[x as usize] += 1;
        }
        if let Some(b) = r.uses_from {
            open_from = open_from.min(b);
        }
    }
    let mut target = vec![false; code.len() + 1];
    for l in labels.iter().flatten() {
        target[*l as usize] = true;
    }
    Usage {
        info,
        defs,
        uses,
        open_from,
        target,
    }
}

/// Removes the moves described in the module doc from `code`, keeping `labels` (label
/// number to instruction index) and `lines` (instruction index, line) in step. `params`
/// is the number of parameter and capture registers.
pub(super) fn eliminate_moves(
    code: &mut Vec<Instr>,
    labels: &mut [Option<u32>],
    lines: &mut Vec<(u32, u32)>,
    params: u16,
    fun_arity: &dyn Fn(u32) -> u16,
    import_arity: &dyn Fn(u32) -> u16,
) {
    let Usage {
        mut info,
        defs,
        uses,
        open_from,
        target,
    } = usage(code, labels, fun_arity, import_arity);
    let mut removed = vec![false; code.len()];
    for j in 0..code.len() {
        let Instr::Move { dst, src } = code[j] else {
            continue;
        };
        let SrcKind::Reg(b) = src.decode() else {
            continue;
        };
        let (a, b) = (dst.0, b);
        if a == b
            || a < params
            || target[j]
            || defs[b as usize] != 1
            || uses[b as usize] != 1
            || b >= open_from
        {
            continue;
        }
        // Back over the moves in between to the instruction that wrote `b`.
        let mut i = j;
        let def = loop {
            if i == 0 {
                break None;
            }
            i -= 1;
            if removed[i] {
                continue;
            }
            if info[i].defs.contains(&b) {
                break Some(i);
            }
            let Instr::Move { dst, src } = code[i] else {
                break None;
            };
            let touches = |x: u16| dst.0 == x || matches!(src.decode(), SrcKind::Reg(r) if r == x);
            if target[i] || touches(a) || touches(b) {
                break None;
            }
        };
        let Some(i) = def else {
            continue;
        };
        if info[i].defs.contains(&a) || info[i].pinned.contains(&a) {
            continue;
        }
        retarget(&mut code[i], b, a);
        for x in info[i].defs.iter_mut().filter(|x| **x == b) {
            *x = a;
        }
        removed[j] = true;
    }
    remove(code, labels, lines, &removed);
}

/// Deletes the instructions marked `removed`, keeping `labels` and `lines` in step.
fn remove(
    code: &mut Vec<Instr>,
    labels: &mut [Option<u32>],
    lines: &mut Vec<(u32, u32)>,
    removed: &[bool],
) {
    if !removed.contains(&true) {
        return;
    }
    // New index of each old one (a removed instruction maps to the next kept one).
    let mut new_pc = Vec::with_capacity(code.len() + 1);
    let mut n = 0u32;
    for &r in removed {
        new_pc.push(n);
        if !r {
            n += 1;
        }
    }
    new_pc.push(n);
    for l in labels.iter_mut().flatten() {
        *l = new_pc[*l as usize];
    }
    let mut new_lines: Vec<(u32, u32)> = Vec::with_capacity(lines.len());
    for &(pc, line) in lines.iter() {
        let pc = new_pc[pc as usize];
        match new_lines.last_mut() {
            Some(last) if last.0 == pc => last.1 = line,
            _ => new_lines.push((pc, line)),
        }
    }
    *lines = new_lines;
    let mut k = 0;
    code.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// Writes the arguments of a tail call to a bytecode function straight into the
/// registers they go to, where nothing can tell.
///
/// `call_tail base, f` (and `call_ext_tail`) copies its window `R[base..base+n]` down to
/// `R[0..n]`; code generation fills the window with fresh values and with moves of
/// values that are already in place (a loop passing a parameter on unchanged:
/// `move r5, r2` for the third argument). Where every argument allows it, the moves of
/// values already in place go, each other argument's instruction writes `R[i]` instead
/// of `R[base+i]`, and the call's window becomes `R[0..n]`: the copy is empty.
/// `Enum.reduce`'s loop drops a move and a three-word copy per element.
///
/// Only inside straight-line code ending in the call: from the last jump target or test
/// (a test that fails has written nothing) to the call, with no other jump target in
/// between; and only in a function without exception handlers (a handler could read a
/// register the rewrite changed). For the argument `i` written by `def`:
/// - `R[base+i]` is written once (by `def`) and read once (by the call);
/// - a move of `R[i]` itself is dropped when nothing after it writes `R[i]` and no call
///   after it has its window at or below `R[i]` (a callee's frame overwrites the
///   caller's registers from its window up);
/// - any other `def` writes `R[i]` when nothing after it reads or writes `R[i]`, no call
///   after it has its window at or below `R[i]`, and it writes nothing else to `R[i]`.
///
/// A parameter overwritten this way is no longer reported by `function_clause`, which
/// cannot be raised past the test that starts the stretch.
pub(super) fn place_tail_args(
    code: &mut Vec<Instr>,
    labels: &mut [Option<u32>],
    lines: &mut Vec<(u32, u32)>,
    has_handlers: bool,
    fun_arity: &dyn Fn(u32) -> u16,
    import_arity: &dyn Fn(u32) -> u16,
) {
    if has_handlers {
        return;
    }
    let Usage {
        info,
        defs,
        uses,
        open_from,
        target,
    } = usage(code, labels, fun_arity, import_arity);
    let has_label = |ins: &Instr| {
        let mut hit = false;
        ins.for_each_operand(&mut |_, op| hit |= matches!(op, Operand::Label(_)));
        hit
    };
    // The window a call's callee frame starts at (it overwrites registers from there).
    let clobbers = |ins: &Instr| match *ins {
        Instr::Call { base, .. }
        | Instr::CallExt { base, .. }
        | Instr::CallFun { base, .. }
        | Instr::Apply { base, .. } => Some(base.0),
        _ => None,
    };
    let mut removed = vec![false; code.len()];
    for t in 0..code.len() {
        let (base, n) = match code[t] {
            Instr::CallTail { base, fun } => (base.0, fun_arity(fun.0)),
            Instr::CallExtTail { base, import } => (base.0, import_arity(import.0)),
            _ => continue,
        };
        if base == 0 || n == 0 || n == 255 {
            continue;
        }
        // The straight-line stretch [s, t).
        let mut s = t;
        while s > 0 && !target[s] {
            if code[s - 1].ends_flow() {
                break;
            }
            s -= 1;
            if has_label(&code[s]) {
                break;
            }
        }
        // What to do with each argument: `Some(true)` drop the move, `Some(false)` write
        // `R[i]`; `None` leaves the call as it is.
        let plan: Option<Vec<(usize, bool)>> = (0..n)
            .map(|i| {
                let w = base.checked_add(i)?;
                if defs.get(w as usize) != Some(&1)
                    || uses.get(w as usize) != Some(&1)
                    || w >= open_from
                {
                    return None;
                }
                let d = (s..t).find(|&k| info[k].defs.contains(&w))?;
                if info[d].pinned.contains(&w) {
                    return None;
                }
                let later = d + 1..t;
                let clobbered = later
                    .clone()
                    .any(|k| clobbers(&code[k]).is_some_and(|b| b <= i));
                let written = later
                    .clone()
                    .any(|k| info[k].defs.contains(&i) || info[k].pinned.contains(&i));
                if clobbered || written {
                    return None;
                }
                if let Instr::Move { src, .. } = code[d] {
                    if src.decode() == SrcKind::Reg(i) {
                        return Some((d, true));
                    }
                }
                let read = later.clone().any(|k| {
                    info[k].uses.contains(&i) || info[k].uses_from.is_some_and(|b| b <= i)
                });
                let writes_i = info[d].defs.contains(&i) || info[d].pinned.contains(&i);
                // `retarget` knows the instruction's result operand.
                let mut moved = code[d];
                retarget(&mut moved, w, i);
                let retargets = {
                    let r = regs(&moved, fun_arity, import_arity);
                    r.defs.contains(&i) && !r.defs.contains(&w)
                };
                (!read && !writes_i && retargets).then_some((d, false))
            })
            .collect();
        let Some(plan) = plan else {
            continue;
        };
        for (i, &(d, drop)) in plan.iter().enumerate() {
            if drop {
                removed[d] = true;
            } else {
                retarget(&mut code[d], base + i as u16, i as u16);
            }
        }
        match &mut code[t] {
            Instr::CallTail { base, .. } | Instr::CallExtTail { base, .. } => *base = Reg(0),
            _ => unreachable!("a tail call"),
        }
    }
    remove(code, labels, lines, &removed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use beamlet_bytecode::{Count, Fun, Label, Src};

    fn run(code: &mut Vec<Instr>, labels: &mut [Option<u32>], params: u16) -> Vec<(u32, u32)> {
        let mut lines = vec![(0, 1), (2, 2), (3, 3)];
        eliminate_moves(code, labels, &mut lines, params, &|_| 3, &|_| 2);
        lines
    }

    fn get_list(head: u16, tail: u16) -> Instr {
        Instr::GetList {
            head: Reg(head),
            tail: Reg(tail),
            src: Src::reg(Reg(0)),
        }
    }

    pub(super) fn mv(dst: u16, src: u16) -> Instr {
        Instr::Move {
            dst: Reg(dst),
            src: Src::reg(Reg(src)),
        }
    }

    pub(super) fn tail_call(base: u16) -> Instr {
        Instr::CallTail {
            base: Reg(base),
            fun: Fun(0),
        }
    }

    #[test]
    fn a_move_of_a_value_read_once_goes_and_its_writer_writes_the_destination() {
        // get_list r3, r4; move r5, r4; move r6, r3 (only moves between); tail call.
        let mut code = vec![
            get_list(3, 4),
            mv(5, 4),
            mv(7, 1),
            mv(6, 3),
            tail_call(5),
            Instr::Ret {
                src: Src::reg(Reg(1)),
            },
        ];
        let mut labels = vec![Some(0), Some(5)];
        let lines = run(&mut code, &mut labels, 3);
        assert_eq!(code.len(), 4);
        assert!(matches!(
            code[0],
            Instr::GetList {
                head: Reg(6),
                tail: Reg(5),
                ..
            }
        ));
        assert!(matches!(code[1], Instr::Move { dst: Reg(7), .. }));
        assert_eq!(labels, vec![Some(0), Some(3)]);
        // The line that began at the removed move begins at the next instruction.
        assert_eq!(lines, vec![(0, 1), (1, 2), (2, 3)]);
    }

    #[test]
    fn a_value_read_twice_or_written_twice_keeps_its_move() {
        let mut code = vec![get_list(3, 4), mv(5, 4), mv(6, 4), tail_call(5)];
        run(&mut code, &mut [], 3);
        assert_eq!(code.len(), 4);
        let mut code = vec![get_list(3, 4), mv(4, 1), mv(5, 4), tail_call(5)];
        run(&mut code, &mut [], 3);
        assert_eq!(code.len(), 4);
    }

    #[test]
    fn a_jump_target_a_test_in_between_or_a_parameter_keeps_the_move() {
        // The move is a jump target.
        let mut code = vec![get_list(3, 4), mv(5, 4), tail_call(5)];
        run(&mut code, &mut [Some(1)], 3);
        assert_eq!(code.len(), 3);
        // A test between the write and the move: on failure `r5` must keep its value.
        let mut code = vec![
            get_list(3, 4),
            Instr::TestArity {
                fail: Label(0),
                src: Src::reg(Reg(1)),
                n: Count(2),
            },
            mv(5, 4),
            tail_call(5),
        ];
        run(&mut code, &mut [Some(0)], 3);
        assert_eq!(code.len(), 4);
        // The destination is a parameter (`function_clause` reports it as it is).
        let mut code = vec![get_list(3, 4), mv(1, 4), tail_call(5)];
        run(&mut code, &mut [], 3);
        assert_eq!(code.len(), 3);
    }

    #[test]
    fn a_value_in_a_call_window_counts_as_read() {
        // r6 is read by the call whose window starts at r5 (three arguments).
        let mut code = vec![get_list(3, 6), mv(7, 6), tail_call(5)];
        run(&mut code, &mut [], 3);
        assert_eq!(code.len(), 3);
    }
}

#[cfg(test)]
mod compact_tests {
    use super::*;
    use beamlet_bytecode::{Fun, Src};

    fn mv(dst: u16, src: u16) -> Instr {
        Instr::Move {
            dst: Reg(dst),
            src: Src::reg(Reg(src)),
        }
    }

    #[test]
    fn registers_are_renumbered_densely_in_order() {
        // Parameters r0, r1 (r1 never named); r4, r7, r8 used; a call window at r7.
        let mut code = vec![
            mv(4, 0),
            mv(7, 4),
            Instr::Move {
                dst: Reg(8),
                src: Src::konst(0),
            },
            Instr::CallTail {
                base: Reg(7),
                fun: Fun(0),
            },
        ];
        let regs = compact_registers(&mut code, 2, 10, &|_| 2, &|_| 0);
        assert_eq!(regs, 5);
        assert_eq!(code[0], mv(2, 0));
        assert_eq!(code[1], mv(3, 2));
        assert_eq!(
            code[3],
            Instr::CallTail {
                base: Reg(3),
                fun: Fun(0),
            }
        );
    }

    #[test]
    fn an_empty_window_keeps_its_base_and_apply_its_three() {
        let mut code = vec![
            Instr::CallExtTail {
                base: Reg(5),
                import: beamlet_bytecode::Import(0),
            },
            Instr::ApplyTail { base: Reg(8) },
        ];
        // r5 (empty window), r8..r10 (apply): four registers.
        assert_eq!(compact_registers(&mut code, 0, 12, &|_| 0, &|_| 0), 4);
        assert_eq!(code[1], Instr::ApplyTail { base: Reg(1) });
    }
}

#[cfg(test)]
mod tail_args_tests {
    use super::tests::{mv, tail_call};
    use super::*;
    use beamlet_bytecode::{Fun, Label, Src};

    fn place(code: &mut Vec<Instr>, labels: &mut [Option<u32>], handlers: bool) {
        let mut lines = vec![(0, 1)];
        place_tail_args(code, labels, &mut lines, handlers, &|_| 3, &|_| 3);
    }

    fn add(dst: u16, a: u16) -> Instr {
        Instr::Add {
            dst: Reg(dst),
            a: Src::reg(Reg(a)),
            b: Src::konst(0),
        }
    }

    /// `loop([h | t], acc, f), do: loop(t, f.(h, acc), f)` as code generation
    /// leaves it: the tail into the window, the fun's result into the window, and a
    /// move of the unchanged `f`.
    fn reduce_loop() -> Vec<Instr> {
        vec![
            Instr::MatchList {
                fail: Label(1),
                head: Reg(7),
                tail: Reg(3),
                src: Src::reg(Reg(0)),
            },
            mv(6, 2),
            mv(8, 1),
            Instr::CallFun {
                dst: Reg(4),
                base: Reg(6),
                arity: beamlet_bytecode::Byte(2),
            },
            mv(5, 2),
            tail_call(3),
            Instr::Ret {
                src: Src::reg(Reg(1)),
            },
        ]
    }

    #[test]
    fn arguments_go_straight_to_the_parameters_and_moves_in_place_go() {
        let mut code = reduce_loop();
        let mut labels = vec![Some(0), Some(6)];
        place(&mut code, &mut labels, false);
        assert_eq!(code.len(), 6);
        assert!(matches!(
            code[0],
            Instr::MatchList {
                head: Reg(7),
                tail: Reg(0),
                ..
            }
        ));
        assert!(matches!(code[3], Instr::CallFun { dst: Reg(1), .. }));
        assert_eq!(code[4], tail_call(0));
        // The label of the `ret` follows it.
        assert_eq!(labels, vec![Some(0), Some(5)]);
    }

    #[test]
    fn nothing_changes_in_a_function_with_exception_handlers() {
        let mut code = reduce_loop();
        let before = code.clone();
        place(&mut code, &mut [Some(0), Some(6)], true);
        assert_eq!(code, before);
    }

    #[test]
    fn a_parameter_read_after_the_argument_is_made_keeps_the_window() {
        // loop(n - 1, acc + n, f): `n` is read after `n - 1` is made.
        let mut code = vec![
            add(3, 0),
            Instr::Add {
                dst: Reg(4),
                a: Src::reg(Reg(1)),
                b: Src::reg(Reg(0)),
            },
            mv(5, 2),
            tail_call(3),
        ];
        let before = code.clone();
        place(&mut code, &mut [Some(0)], false);
        assert_eq!(code, before);
    }

    #[test]
    fn a_call_whose_frame_would_overwrite_an_argument_keeps_the_window() {
        // The argument for r1 is made, then a call with its window at r1 runs.
        let mut code = vec![
            mv(3, 0),
            add(4, 2),
            Instr::Call {
                dst: Reg(5),
                base: Reg(1),
                fun: Fun(1),
            },
            tail_call(3),
        ];
        let before = code.clone();
        place(&mut code, &mut [Some(0)], false);
        assert_eq!(code, before);
    }

    #[test]
    fn a_jump_target_inside_ends_the_stretch() {
        // The argument for r0 is made before a label the call is reached from.
        let mut code = vec![add(3, 0), mv(4, 1), mv(5, 2), tail_call(3)];
        let before = code.clone();
        place(&mut code, &mut [Some(0), Some(1)], false);
        assert_eq!(code, before);
    }
}
