//! The interpreter: runs a process's code, one instruction at a time.
//!
//! A process has a register stack (`Process::stack`): each frame is a window of it,
//! `regs` registers starting at the frame's base. A call places its arguments at
//! `R[base..]` and the callee's window starts there (the Lua convention of the
//! instruction set); the callee's other registers are cleared to `[]` so a collection never
//! reads a stale word. A tail call moves the arguments to the bottom of the current window
//! and reuses it. Frames (return address, caller's window) live in `Process::frames`.
//!
//! GC happens only at safepoints, before a call, when the heap asks for it: the roots are
//! the live part of the register stack and the exception being handled. No instruction
//! holds a term in a Rust local across a safepoint.
//!
//! Exceptions unwind frames until a handler range of the function covers the instruction
//! that raised (or the call that is on the stack); the handler reads the exception with
//! `get_exc`. An exception that leaves the bottom frame ends `run` with [`Uncaught`].

mod bits;

use beamlet_bytecode::instr::{TypeTest, CONST_BIT};
use beamlet_bytecode::{Instr, Reg, Src};

use crate::atom::{self, Atom};
use crate::code::{self, FunInfo, ImportSlot, LoadedModule};
use crate::exception::{Class, Raise};
use crate::heap::{Roots, TermAlloc};
use crate::process::Process;
use crate::term::{map, order, Term};

/// Most words the register stack may hold (a runaway recursion stops here with a
/// `system_limit` error instead of taking all memory): 32 Mi words, 256 MiB, room for a
/// million frames of functions with up to 32 registers (the BEAM would grow until the
/// machine runs out).
pub const MAX_STACK_WORDS: usize = 32 << 20;

/// How many frames a stack trace shows (the BEAM's default `backtrace_depth`).
pub const BACKTRACE_DEPTH: usize = 8;

/// A suspended caller.
#[derive(Clone, Copy)]
pub struct Frame {
    module: &'static LoadedModule,
    fun: u32,
    /// The instruction after the call.
    ret_pc: u32,
    /// The caller's window.
    base: usize,
    /// Where the result goes in the caller's window.
    dst: u16,
}

impl Frame {
    /// The end of the caller's window. A callee's window can end below its caller's,
    /// and the caller's registers above it still hold terms, so a collection scans the
    /// stack up to the highest end of all frames.
    fn top(&self) -> usize {
        // SAFETY: `fun` is a verified function index of `module`.
        self.base + unsafe { self.module.funs.get_unchecked(self.fun as usize) }.regs as usize
    }
}

/// An exception nobody caught.
#[derive(Clone, Copy, Debug)]
pub struct Uncaught {
    /// Its class.
    pub class: Class,
    /// Its reason.
    pub reason: Term,
    /// Its stack trace (a list of `{m, f, a, location}`).
    pub trace: Term,
}

/// The state of the running function.
#[derive(Clone, Copy)]
struct Cur {
    module: &'static LoadedModule,
    fun: u32,
    pc: u32,
    base: usize,
}

/// The roots of a collection: the live registers, the exception being handled, the
/// mailbox and the process dictionary.
struct StackRoots<'a> {
    stack: &'a mut [Term],
    exc: &'a mut [Term; 3],
    mailbox: &'a mut crate::process::Mailbox,
    dict: &'a mut Vec<(Term, Term)>,
    /// Terms a BIF left for the scheduler (`hibernate` arguments, an exit reason).
    hibernate: &'a mut Option<Box<[Term; 3]>>,
    exit_now: &'a mut Option<Term>,
}

impl Roots for StackRoots<'_> {
    fn each_root(&mut self, f: &mut dyn FnMut(&mut Term)) {
        self.stack.iter_mut().for_each(&mut *f);
        self.exc.iter_mut().for_each(&mut *f);
        self.mailbox.queue.iter_mut().for_each(&mut *f);
        if let Some((r, _)) = &mut self.mailbox.mark {
            f(r);
        }
        for (k, v) in self.dict.iter_mut() {
            f(k);
            f(v);
        }
        if let Some(h) = self.hibernate {
            h.iter_mut().for_each(&mut *f);
        }
        if let Some(t) = self.exit_now {
            f(t);
        }
    }
}

/// Where a process continues: a function and instruction (or an error to raise first:
/// the function it was spawned to run does not exist).
pub struct Resume(ResumeAt);

impl Resume {
    /// True when the process stopped in a receive.
    pub fn is_wait(&self) -> bool {
        match &self.0 {
            // SAFETY: `pc` is an instruction of the module's code.
            ResumeAt::At(c) => matches!(
                c.module.code.get(c.pc as usize),
                Some(Instr::RecvWait { .. })
            ),
            ResumeAt::Fail(_) => false,
        }
    }
}

/// `{module, function, arity}` the process is in.
pub fn current_function(p: &Process) -> [Term; 3] {
    if p.hibernated {
        return [
            atom("erlang"),
            atom("hibernate"),
            Term::small(3).unwrap_or(Term::NIL),
        ];
    }
    match &p.resume {
        Some(Resume(ResumeAt::At(c))) => {
            let info = c.module.funs[c.fun as usize];
            [
                Term::atom(c.module.name),
                Term::atom(info.name),
                Term::small(info.arity as i64).unwrap_or(Term::NIL),
            ]
        }
        _ => p.initial_call,
    }
}

/// Words of stack the process uses.
pub fn stack_words(p: &Process) -> usize {
    match &p.resume {
        Some(Resume(ResumeAt::At(c))) => {
            c.base + c.module.funs[c.fun as usize].regs as usize + p.frames.len() * 4
        }
        _ => p.frames.len() * 4,
    }
}

enum ResumeAt {
    At(Cur),
    Fail(Uncaught),
}

/// Why `resume` returned.
pub enum Stop {
    /// The bottom frame returned this.
    Done(Term),
    /// An exception escaped.
    Raised(Uncaught),
    /// The slice is spent (or a BIF asked for the scheduler): run again later.
    Yield,
    /// A receive found nothing: run again when a signal comes.
    Wait,
    /// An exit signal ended the process (the reason).
    Exit(Term),
}

fn class_of(a: Term) -> Class {
    match a.as_atom().map(|a| a.name()) {
        Some("exit") => Class::Exit,
        Some("throw") => Class::Throw,
        _ => Class::Error,
    }
}

fn atom(name: &str) -> Term {
    Term::atom(Atom::intern(name).unwrap_or(atom::NIL))
}

/// Calls `module.fun(args)` in process `p` and runs it to completion.
pub fn call(p: &mut Process, module: Atom, fun: Atom, args: &[Term]) -> Result<Term, Uncaught> {
    let undef = |p: &mut Process| {
        let a = p.heap.list(args);
        let entry = p
            .heap
            .tuple(&[Term::atom(module), Term::atom(fun), a, Term::NIL]);
        let trace = p.heap.list(&[entry]);
        Uncaught {
            class: Class::Error,
            reason: Term::atom(atom::UNDEF),
            trace,
        }
    };
    let Some(m) = code::lookup(module) else {
        return Err(undef(p));
    };
    let Some(f) = m.export(fun, args.len() as u8) else {
        return Err(undef(p));
    };
    let cur = setup(p, m, f, args);
    let saved = std::mem::replace(&mut p.slice_end, u64::MAX);
    let mut stop = run(p, cur);
    // A BIF that asks for the scheduler (`:erlang.yield`, `garbage_collect`) just goes on.
    while let (Stop::Yield, Some(Resume(ResumeAt::At(cur)))) = (&stop, p.resume.take()) {
        p.slice_end = u64::MAX;
        stop = run(p, cur);
    }
    let r = match stop {
        Stop::Done(v) => Ok(v),
        Stop::Raised(u) => Err(u),
        Stop::Exit(reason) => Err(Uncaught {
            class: Class::Exit,
            reason,
            trace: Term::NIL,
        }),
        // A receive outside a scheduled process would wait forever.
        Stop::Yield | Stop::Wait => Err(Uncaught {
            class: Class::Error,
            reason: atom("badarg"),
            trace: Term::NIL,
        }),
    };
    p.slice_end = saved;
    r
}

/// A fresh stack with `args` in the first registers of function `f` of `m`.
fn setup(p: &mut Process, m: &'static LoadedModule, f: u32, args: &[Term]) -> Cur {
    p.stack.clear();
    p.frames.clear();
    let info = m.funs[f as usize];
    p.stack
        .resize((info.regs as usize).max(args.len()), Term::NIL);
    p.stack[..args.len()].copy_from_slice(args);
    Cur {
        module: m,
        fun: f,
        pc: info.entry,
        base: 0,
    }
}

/// Prepares a new process to run `module.fun(args)` (an undefined function raises
/// `undef` when it first runs, as on the BEAM).
pub fn start_mfa(p: &mut Process, module: Atom, fun: Atom, args: &[Term]) {
    p.initial_call = [
        Term::atom(module),
        Term::atom(fun),
        Term::small(args.len() as i64).unwrap_or(Term::NIL),
    ];
    let found = code::lookup(module)
        .and_then(|m| Some((m, m.export(fun, u8::try_from(args.len()).ok()?)?)));
    p.resume = Some(Resume(match found {
        Some((m, f)) => ResumeAt::At(setup(p, m, f, args)),
        None => {
            let a = p.heap.list(args);
            let entry = p
                .heap
                .tuple(&[Term::atom(module), Term::atom(fun), a, Term::NIL]);
            let trace = p.heap.list(&[entry]);
            ResumeAt::Fail(Uncaught {
                class: Class::Error,
                reason: Term::atom(atom::UNDEF),
                trace,
            })
        }
    }));
}

/// Prepares a new process to run the fun `f` of arity 0 (on the process's heap).
pub fn start_fun(p: &mut Process, f: Term) {
    if let Some((module, index, 0, env)) = f.closure_parts() {
        if let Some(lm) = code::lookup(module) {
            let idx = index as u32;
            if lm
                .funs
                .get(idx as usize)
                .is_some_and(|i| i.arity as usize == env.len())
            {
                let env: smallvec::SmallVec<[Term; 8]> = env.iter().copied().collect();
                let name = lm.funs[idx as usize].name;
                p.initial_call = [
                    Term::atom(module),
                    Term::atom(name),
                    Term::small(0).unwrap_or(Term::NIL),
                ];
                p.resume = Some(Resume(ResumeAt::At(setup(p, lm, idx, &env))));
                return;
            }
        }
    }
    if let crate::term::View::Export {
        module, function, ..
    } = f.view()
    {
        return start_mfa(p, module, function, &[]);
    }
    let reason = if f.is_fun() {
        let pair = p.heap.tuple(&[f, Term::NIL]);
        Raise::tagged(&mut p.heap, atom::BADARITY, pair).reason
    } else {
        Raise::tagged(&mut p.heap, atom::BADFUN, f).reason
    };
    p.resume = Some(Resume(ResumeAt::Fail(Uncaught {
        class: Class::Error,
        reason,
        trace: Term::NIL,
    })));
}

/// Runs the process from where it stopped until it returns, raises, waits, yields or
/// is told to exit.
pub fn resume(p: &mut Process) -> Stop {
    match p.resume.take() {
        Some(Resume(ResumeAt::At(cur))) => run(p, cur),
        Some(Resume(ResumeAt::Fail(u))) => Stop::Raised(u),
        None => Stop::Done(Term::atom(atom::NORMAL)),
    }
}

/// After a hibernation dropped the stack: the process continues in `m.f(args)`, and its
/// heap shrinks to the live data (the arguments, the mailbox, the dictionary).
pub fn hibernate_into(p: &mut Process, m: Atom, f: Atom, args: Vec<Term>) {
    p.stack.clear();
    p.stack.extend_from_slice(&args);
    let n = args.len();
    // SAFETY: the process holds nothing else: its stack is gone.
    with_roots(p, n, |heap, roots| unsafe {
        heap.shrink_to_live(roots);
    });
    let args: Vec<Term> = p.stack[..n].to_vec();
    start_mfa(p, m, f, &args);
}

/// The exit reason of a process that an exception ended: `reason` for an exit,
/// `{reason, stacktrace}` for an error, `{{:nocatch, value}, stacktrace}` for a throw.
pub fn exit_reason(p: &mut Process, u: &Uncaught) -> Term {
    match u.class {
        Class::Exit => u.reason,
        Class::Error => p.heap.tuple(&[u.reason, u.trace]),
        Class::Throw => {
            let nocatch = p.heap.tuple(&[atom("nocatch"), u.reason]);
            p.heap.tuple(&[nocatch, u.trace])
        }
    }
}

/// Collects the garbage of a process that is not running (`:erlang.garbage_collect/1`
/// from another process, or on itself between instructions): every frame is a root.
pub fn collect_now(p: &mut Process) {
    let top = match &p.resume {
        Some(Resume(ResumeAt::At(cur))) => {
            cur.base + cur.module.funs[cur.fun as usize].regs as usize
        }
        _ => 0,
    };
    let top = p
        .frames
        .iter()
        .map(Frame::top)
        .fold(top, usize::max)
        .min(p.stack.len());
    // SAFETY: every term the process holds is in the roots.
    with_roots(p, top, |heap, roots| unsafe {
        heap.collect_major(roots, 0);
    });
}

/// What a call instruction resolved to.
enum Target {
    Code(&'static LoadedModule, u32),
    Native(crate::bif::BifFn),
    /// `:erlang.apply/2,3`.
    Apply(u8),
}

fn resolve_import(m: &'static LoadedModule, i: u32) -> Option<Target> {
    match m.imports.get(i as usize)? {
        ImportSlot::Bif(f) => Some(Target::Native(*f)),
        ImportSlot::Apply(n) => Some(Target::Apply(*n)),
        ImportSlot::Ext {
            module,
            name,
            arity,
            cache,
        } => {
            // The cache holds the version first called; a module loaded again since (a
            // REPL redefining it) is looked up afresh.
            let current = code::lookup(*module)?;
            if let Some(&(lm, f)) = cache.get() {
                if std::ptr::eq(lm, current) {
                    return Some(Target::Code(lm, f));
                }
            }
            let f = current.export(*name, *arity)?;
            let _ = cache.set((current, f));
            Some(Target::Code(current, f))
        }
    }
}

/// [`resolve_mfa`] through a per-thread cache of the bytecode functions it found, used
/// while the module found is still the current version (as the import slots' caches). A
/// call through a module in a variable (`mod.handle_call(...)`, GenServer's callbacks)
/// finds its function with a few loads instead of three hash lookups.
fn resolve_mfa_cached(module: Atom, name: Atom, arity: usize) -> Option<Target> {
    type Entry = Option<(u32, u32, usize, &'static LoadedModule, u32)>;
    thread_local! {
        static CACHE: std::cell::RefCell<[Entry; 64]> =
            const { std::cell::RefCell::new([None; 64]) };
    }
    let (m, n) = (module.index(), name.index());
    let slot = (m.wrapping_mul(31).wrapping_add(n).wrapping_mul(0x9E37_79B9) >> 26) as usize
        ^ (arity & 63);
    let hit = CACHE.with(|c| match c.borrow()[slot] {
        Some((cm, cn, ca, lm, f))
            if cm == m
                && cn == n
                && ca == arity
                && code::lookup(module).is_some_and(|cur| std::ptr::eq(cur, lm)) =>
        {
            Some(Target::Code(lm, f))
        }
        _ => None,
    });
    if hit.is_some() {
        return hit;
    }
    let t = resolve_mfa(module, name, arity)?;
    if let Target::Code(lm, f) = t {
        CACHE.with(|c| c.borrow_mut()[slot] = Some((m, n, arity, lm, f)));
    }
    Some(t)
}

/// An `{m, f, a}` call by name (apply, export funs).
fn resolve_mfa(module: Atom, name: Atom, arity: usize) -> Option<Target> {
    if module == atom::ERLANG && name == atom::APPLY && matches!(arity, 2 | 3) {
        return Some(Target::Apply(arity as u8));
    }
    if let Some(f) = crate::bif::lookup(module, name, arity)
        .or_else(|| crate::natives::lookup(module, name, arity))
    {
        return Some(Target::Native(f));
    }
    let lm = code::lookup(module)?;
    let f = lm.export(name, u8::try_from(arity).ok()?)?;
    Some(Target::Code(lm, f))
}

/// `x === y`, without a call when either is an immediate (equal only to itself): a
/// pattern's atom or integer against the value matched.
#[inline(always)]
fn exact_eq(x: Term, y: Term) -> bool {
    x.is(y) || (!x.is_immediate() && !y.is_immediate() && order::exact_eq(x, y))
}

/// `a op b` on two floats or a float and an integer, without a BIF call; `None` when it
/// is not that (or the result is not finite: the BIF raises `badarith`).
#[inline(always)]
fn float_op(x: Term, y: Term, op: fn(f64, f64) -> f64) -> Option<f64> {
    let fx = x.as_float().or_else(|| {
        x.as_small()
            .filter(|_| y.as_float().is_some())
            .map(|i| i as f64)
    })?;
    let fy = y.as_float().or_else(|| y.as_small().map(|i| i as f64))?;
    let r = op(fx, fy);
    r.is_finite().then_some(r)
}

/// Runs until the bottom frame returns, an exception escapes, the slice is spent or a
/// receive waits.
fn run(p: &mut Process, mut cur: Cur) -> Stop {
    // The running frame's registers, code and constants, cached as raw pointers and
    // refreshed (`sync!`) after anything that changes the frame or may move the stack:
    // calls, returns, exceptions. Every access is inside the bounds the verifier proved
    // (registers below `regs`, constants inside the table, `pc` inside the code) and
    // `enter` keeps `stack.len() >= base + regs`.
    // `ip` is the next instruction; `cur.pc` is brought up to date (`save!`) before
    // anything that reads it (calls, BIFs, exceptions).
    let mut regs: *mut Term;
    let mut consts: *const Term;
    let mut code: *const Instr;
    let mut ip: *const Instr;
    macro_rules! sync {
        () => {{
            // SAFETY: `base + regs <= stack.len()` (see above).
            regs = unsafe { p.stack.as_mut_ptr().add(cur.base) };
            consts = cur.module.consts.as_ptr();
            code = cur.module.code.as_ptr();
            // SAFETY: `cur.pc` is an instruction of the code (see the loop).
            ip = unsafe { code.add(cur.pc as usize) };
        }};
    }
    // `sync!` for a call that stays in the running module (its code and constants).
    macro_rules! sync_local {
        () => {{
            // SAFETY: as in `sync!`.
            regs = unsafe { p.stack.as_mut_ptr().add(cur.base) };
            ip = unsafe { code.add(cur.pc as usize) };
        }};
    }
    macro_rules! save {
        () => {{
            // SAFETY: `ip` points into the code `code` starts.
            cur.pc = unsafe { ip.offset_from(code) } as u32;
        }};
    }
    macro_rules! jump {
        ($to:expr) => {{
            // SAFETY: a verified label of the running function.
            ip = unsafe { code.add($to as usize) };
        }};
    }
    macro_rules! reg {
        ($r:expr) => {
            // SAFETY: a verified register of the running frame.
            *unsafe { &mut *regs.add($r.0 as usize) }
        };
    }
    macro_rules! src {
        ($s:expr) => {{
            let s: Src = $s;
            // Branch-free: the same handler reads registers and constants at different
            // places, so a branch on the kind would be mispredicted often.
            let base = if s.0 & CONST_BIT == 0 {
                regs as *const Term
            } else {
                consts
            };
            // SAFETY: a verified register of the running frame, or a verified constant.
            unsafe { *base.add((s.0 & !CONST_BIT) as usize) }
        }};
    }
    // After a call: the slice is over when the reductions are spent; `cur` is where to
    // go on (the callee's entry, or the instruction after a native call).
    macro_rules! preempt {
        ($r:expr) => {{
            let r: Result<(), Raise> = $r;
            if r.is_ok() && p.reductions >= p.slice_end {
                p.resume = Some(Resume(ResumeAt::At(cur)));
                return Stop::Yield;
            }
            r
        }};
    }
    // A call within the running module can skip `enter` when the stack has room for the
    // window (and `enter`'s four-at-a-time clearing of the registers past the
    // arguments), no collection is due and the slice goes on: the common case.
    macro_rules! fast_entry {
        ($top:expr) => {
            $top + 3 <= p.stack.len()
                && !p.heap.needs_gc()
                && p.reductions + 1 < p.slice_end
                && !cfg!(feature = "gc-stress")
        };
    }
    // `push_frame` for a call made at `ip` (the return comes back after it), its result
    // to the caller's register `dst`.
    macro_rules! push_caller {
        ($dst:expr) => {
            p.frames.push(Frame {
                module: cur.module,
                fun: cur.fun,
                // SAFETY: `ip` points into the code `code` starts.
                ret_pc: unsafe { ip.offset_from(code) } as u32,
                base: cur.base,
                dst: $dst,
            })
        };
    }
    // `enter` of function `fun` (`info`) of the running module, its window at `nb`
    // (`regs` already there), after `fast_entry!`.
    macro_rules! enter_fast {
        ($info:expr, $fun:expr, $nb:expr) => {{
            let info: FunInfo = $info;
            // SAFETY: `nb + regs + 3 <= stack.len()` (`fast_entry!`).
            unsafe { clear_past_args(regs, info) };
            cur.fun = $fun;
            cur.base = $nb;
            p.reductions += 1;
            jump!(info.entry);
        }};
    }
    sync!();
    loop {
        // SAFETY: the verifier proved every jump target and entry inside the code and that
        // no function falls off its end, so `pc` always indexes an instruction.
        // A reference, not a copy: each arm loads only the operands it uses.
        let ins: &Instr = unsafe { &*ip };
        // SAFETY: as above; `ip` is not read before the instruction sets it or it is checked.
        ip = unsafe { ip.add(1) };
        let r: Result<(), Raise> = match *ins {
            Instr::Move { dst, src: s } => {
                reg!(dst) = src!(s);
                Ok(())
            }
            Instr::Jump { to } => {
                jump!(to.0);
                Ok(())
            }
            Instr::Ret { src: s } => {
                let v = src!(s);
                let Some(f) = p.frames.pop() else {
                    return Stop::Done(v);
                };
                // `pop_return` and `sync!` inline, with the constants and code kept when
                // the caller is in the same module, the common case (through `pop_return`
                // and `sync_local!` it costs 7 more machine instructions per call).
                let same = std::ptr::eq(f.module, cur.module);
                cur.module = f.module;
                cur.fun = f.fun;
                cur.base = f.base;
                // SAFETY: the caller's window is on the stack (`enter` kept it there) and
                // `dst` is one of its verified registers.
                regs = unsafe { p.stack.as_mut_ptr().add(f.base) };
                unsafe { *regs.add(f.dst as usize) = v };
                if !same {
                    consts = cur.module.consts.as_ptr();
                    code = cur.module.code.as_ptr();
                }
                // SAFETY: the instruction after the call, inside the caller's code.
                ip = unsafe { code.add(f.ret_pc as usize) };
                Ok(())
            }
            Instr::Call { dst, base, fun } => {
                // SAFETY: a verified function index of the running module.
                let info = unsafe { *cur.module.funs.get_unchecked(fun.0 as usize) };
                let nb = cur.base + base.0 as usize;
                let top = nb + info.regs as usize;
                if fast_entry!(top) {
                    push_caller!(dst.0);
                    // SAFETY: `nb + regs + 3 <= stack.len()` (`fast_entry!`).
                    regs = unsafe { regs.add(base.0 as usize) };
                    enter_fast!(info, fun.0, nb);
                    continue;
                }
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    push_frame(p, &cur, dst.0);
                    let m = cur.module;
                    enter(p, &mut cur, m, fun.0, b)
                };
                sync_local!();
                preempt!(r)
            }
            Instr::CallTail { base, fun } => {
                // SAFETY: a verified function index of the running module.
                let info = unsafe { *cur.module.funs.get_unchecked(fun.0 as usize) };
                if fast_entry!(cur.base + info.regs as usize) {
                    // (A window at `R[0]`, the compiler's `place_tail_args`, is in place.)
                    let from = if base.0 == 0 { info.arity as usize } else { 0 };
                    for i in from..info.arity as usize {
                        // SAFETY: verified registers of the running frame; the arguments
                        // move down (`base >= 0`), so each is read before it is overwritten.
                        unsafe { *regs.add(i) = *regs.add(base.0 as usize + i) };
                    }
                    enter_fast!(info, fun.0, cur.base);
                    continue;
                }
                save!();
                let r: Result<(), Raise> = {
                    // SAFETY: a verified function index of the module.
                    let arity =
                        unsafe { cur.module.funs.get_unchecked(fun.0 as usize) }.arity as usize;
                    let b = cur.base + base.0 as usize;
                    move_down(&mut p.stack, b, cur.base, arity);
                    let m = cur.module;
                    let base = cur.base;
                    enter(p, &mut cur, m, fun.0, base)
                };
                sync_local!();
                preempt!(r)
            }
            Instr::CallExt { dst, base, import } => {
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    let arity = cur.module.bytecode.imports[import.0 as usize].arity as usize;
                    match resolve_import(cur.module, import.0) {
                        Some(Target::Native(f)) => match native(p, &cur, f, b, arity) {
                            Ok(v) => {
                                reg!(dst) = v;
                                Ok(())
                            }
                            Err(_) if p.trap.is_some() => {
                                trapped(p, &mut cur, b, Some(dst.0)).map(|_| ())
                            }
                            Err(e) => {
                                let args: smallvec::SmallVec<[Term; 8]> =
                                    p.stack[b..b + arity].iter().copied().collect();
                                bif_failed(p, &cur, import.0, &args, &e);
                                Err(e)
                            }
                        },
                        Some(Target::Code(m, f)) => {
                            push_frame(p, &cur, dst.0);
                            enter(p, &mut cur, m, f, b)
                        }
                        Some(Target::Apply(n)) => {
                            apply_import(p, &mut cur, b, n, Some(dst.0)).map(|_| ())
                        }
                        None => Err(undef_import(p, &cur, import.0, b, arity)),
                    }
                };
                sync!();
                preempt!(r)
            }
            Instr::CallExtTail { base, import } => {
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    let arity = cur.module.bytecode.imports[import.0 as usize].arity as usize;
                    match resolve_import(cur.module, import.0) {
                        Some(Target::Native(f)) => match native(p, &cur, f, b, arity) {
                            Ok(v) => {
                                if let Some(v) = pop_return(p, &mut cur, v) {
                                    return Stop::Done(v);
                                }
                                Ok(())
                            }
                            Err(_) if p.trap.is_some() => match trapped(p, &mut cur, b, None) {
                                Ok(Some(v)) => match pop_return(p, &mut cur, v) {
                                    Some(v) => return Stop::Done(v),
                                    None => Ok(()),
                                },
                                Ok(None) => Ok(()),
                                Err(e) => Err(e),
                            },
                            Err(e) => {
                                let args: smallvec::SmallVec<[Term; 8]> =
                                    p.stack[b..b + arity].iter().copied().collect();
                                bif_failed(p, &cur, import.0, &args, &e);
                                Err(e)
                            }
                        },
                        Some(Target::Code(m, f)) => {
                            move_down(&mut p.stack, b, cur.base, arity);
                            let base = cur.base;
                            enter(p, &mut cur, m, f, base)
                        }
                        Some(Target::Apply(n)) => match apply_import(p, &mut cur, b, n, None) {
                            Ok(Some(v)) => match pop_return(p, &mut cur, v) {
                                Some(v) => return Stop::Done(v),
                                None => Ok(()),
                            },
                            Ok(None) => Ok(()),
                            Err(e) => Err(e),
                        },
                        None => Err(undef_import(p, &cur, import.0, b, arity)),
                    }
                };
                sync!();
                preempt!(r)
            }
            Instr::CallFun { dst, base, arity } => {
                if let Some((lm, f, env)) = closure_target(reg!(base), arity.0 as usize) {
                    // SAFETY: `closure_target` found `f` among `lm`'s functions.
                    let info = unsafe { *lm.funs.get_unchecked(f as usize) };
                    let nb = cur.base + base.0 as usize + 1;
                    if fast_entry!(nb + info.regs as usize) {
                        push_caller!(dst.0);
                        // SAFETY: `nb + regs + 3 <= stack.len()` (`fast_entry!`), and the
                        // captures go to registers below `info.arity <= info.regs`.
                        regs = unsafe { regs.add(base.0 as usize + 1) };
                        for (i, &t) in env.iter().enumerate() {
                            unsafe { *regs.add(arity.0 as usize + i) = t };
                        }
                        if !std::ptr::eq(lm, cur.module) {
                            cur.module = lm;
                            consts = lm.consts.as_ptr();
                            code = lm.code.as_ptr();
                        }
                        enter_fast!(info, f, nb);
                        continue;
                    }
                }
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    call_fun(p, &mut cur, b, arity.0 as usize, Some(dst.0)).map(|_| ())
                };
                sync!();
                preempt!(r)
            }
            Instr::CallFunTail { base, arity } => {
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    match call_fun(p, &mut cur, b, arity.0 as usize, None) {
                        Ok(Some(v)) => match pop_return(p, &mut cur, v) {
                            Some(v) => return Stop::Done(v),
                            None => Ok(()),
                        },
                        Ok(None) => Ok(()),
                        Err(e) => Err(e),
                    }
                };
                sync!();
                preempt!(r)
            }
            Instr::Apply { dst, base } => {
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    apply(p, &mut cur, b, Some(dst.0)).map(|_| ())
                };
                sync!();
                preempt!(r)
            }
            Instr::ApplyTail { base } => {
                save!();
                let r: Result<(), Raise> = {
                    let b = cur.base + base.0 as usize;
                    match apply(p, &mut cur, b, None) {
                        Ok(Some(v)) => match pop_return(p, &mut cur, v) {
                            Some(v) => return Stop::Done(v),
                            None => Ok(()),
                        },
                        Ok(None) => Ok(()),
                        Err(e) => Err(e),
                    }
                };
                sync!();
                preempt!(r)
            }
            Instr::Bif1 { dst, a, import } => {
                save!();
                let args = [src!(a)];
                call_bif(p, &cur, import.0, &args).map(|v| reg!(dst) = v)
            }
            Instr::Bif2 { dst, a, b, import } => {
                save!();
                let args = [src!(a), src!(b)];
                call_bif(p, &cur, import.0, &args).map(|v| reg!(dst) = v)
            }
            Instr::GBif1 {
                fail,
                dst,
                a,
                import,
            } => {
                save!();
                let args = [src!(a)];
                match call_bif(p, &cur, import.0, &args) {
                    Ok(v) => reg!(dst) = v,
                    Err(_) => {
                        guard_failed(p);
                        jump!(fail.0)
                    }
                }
                Ok(())
            }
            Instr::GBif2 {
                fail,
                dst,
                a,
                b,
                import,
            } => {
                save!();
                let args = [src!(a), src!(b)];
                match call_bif(p, &cur, import.0, &args) {
                    Ok(v) => reg!(dst) = v,
                    Err(_) => {
                        guard_failed(p);
                        jump!(fail.0)
                    }
                }
                Ok(())
            }
            Instr::Add { dst, a, b } => {
                arith_fast(p, Arith::Add, src!(a), src!(b)).map(|v| reg!(dst) = v)
            }
            Instr::Sub { dst, a, b } => {
                arith_fast(p, Arith::Sub, src!(a), src!(b)).map(|v| reg!(dst) = v)
            }
            Instr::Mul { dst, a, b } => {
                arith_fast(p, Arith::Mul, src!(a), src!(b)).map(|v| reg!(dst) = v)
            }
            Instr::IsLt { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                let lt = match (x.as_small(), y.as_small()) {
                    (Some(i), Some(j)) => i < j,
                    _ => order::compare(x, y).is_lt(),
                };
                if !lt {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::IsGe { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                let ge = match (x.as_small(), y.as_small()) {
                    (Some(i), Some(j)) => i >= j,
                    _ => order::compare(x, y).is_ge(),
                };
                if !ge {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::IsEq { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                let eq = match (x.as_small(), y.as_small()) {
                    (Some(i), Some(j)) => i == j,
                    _ => x.is(y) || order::eq(x, y),
                };
                if !eq {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::IsNe { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                let eq = match (x.as_small(), y.as_small()) {
                    (Some(i), Some(j)) => i == j,
                    _ => x.is(y) || order::eq(x, y),
                };
                if eq {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::IsEqExact { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                if !exact_eq(x, y) {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::IsNeExact { fail, a, b } => {
                let (x, y) = (src!(a), src!(b));
                if exact_eq(x, y) {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::TestType { fail, src: s, ty } => {
                let t = src!(s);
                // The list tests of every list recursion, without the general match.
                let ok = match ty.0 {
                    x if x == TypeTest::Cons as u8 => t.is_cons(),
                    x if x == TypeTest::Nil as u8 => t.is_nil(),
                    _ => type_test(t, ty.0),
                };
                if !ok {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::TestArity { fail, src: s, n } => {
                let t = src!(s);
                if t.tuple().map(|e| e.len()) != Some(n.0 as usize) {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::SelectVal { fail, src: s, n } => {
                let x = src!(s);
                let to = select(ip, consts, n.0, fail.0, |k| {
                    x.is(k) || (x.is_boxed() && order::exact_eq(x, k))
                });
                jump!(to);
                Ok(())
            }
            Instr::SelectArity { fail, src: s, n } => {
                let to = match src!(s).tuple() {
                    Some(e) => {
                        let arity = e.len() as i64;
                        select(ip, consts, n.0, fail.0, |k| k.as_small() == Some(arity))
                    }
                    None => fail.0,
                };
                jump!(to);
                Ok(())
            }
            Instr::CaseVal { to, .. } => {
                jump!(to.0);
                Ok(())
            }
            Instr::TestFunArity { fail, src: s, n } => {
                let t = src!(s);
                if fun_arity(t) != Some(n.0 as usize) {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::GetList { head, tail, src: s } => match src!(s).cons() {
                Some((h, t)) => {
                    reg!(head) = h;
                    reg!(tail) = t;
                    Ok(())
                }
                None => Err(Raise::badarg()),
            },
            Instr::MatchList {
                fail,
                head,
                tail,
                src: s,
            } => {
                match src!(s).cons() {
                    Some((h, t)) => {
                        reg!(head) = h;
                        reg!(tail) = t;
                    }
                    None => jump!(fail.0),
                }
                Ok(())
            }
            Instr::GetElem { dst, src: s, i } => {
                match src!(s).tuple().and_then(|e| e.get(i.0 as usize)) {
                    Some(&v) => {
                        reg!(dst) = v;
                        Ok(())
                    }
                    None => Err(Raise::badarg()),
                }
            }
            Instr::PutList { dst, head, tail } => {
                let (h, t) = (src!(head), src!(tail));
                reg!(dst) = p.heap.cons(h, t);
                Ok(())
            }
            Instr::PutTuple { dst, base, n } => {
                let b = cur.base + base.0 as usize;
                let t = p.heap.tuple(&p.stack[b..b + n.0 as usize]);
                reg!(dst) = t;
                Ok(())
            }
            Instr::PutMap { dst, base, n } => {
                let b = cur.base + base.0 as usize;
                let mut m = map::empty(&mut p.heap);
                for i in 0..n.0 as usize {
                    let (k, v) = (p.stack[b + 2 * i], p.stack[b + 2 * i + 1]);
                    m = map::put(&mut p.heap, m, k, v);
                }
                reg!(dst) = m;
                Ok(())
            }
            Instr::UpdateMap {
                dst,
                src: s,
                base,
                n,
            } => {
                let b = cur.base + base.0 as usize;
                let mut m = src!(s);
                if !m.is_map() {
                    Err(Raise::tagged(&mut p.heap, atom::BADMAP, m))
                } else {
                    let mut res = Ok(());
                    for i in 0..n.0 as usize {
                        let (k, v) = (p.stack[b + 2 * i], p.stack[b + 2 * i + 1]);
                        if map::get(m, k).is_none() {
                            res = Err(Raise::tagged(&mut p.heap, atom::BADKEY, k));
                            break;
                        }
                        m = map::put(&mut p.heap, m, k, v);
                    }
                    res.map(|()| reg!(dst) = m)
                }
            }
            Instr::GetMap {
                fail,
                dst,
                src: s,
                key,
            } => {
                let m = src!(s);
                match m.is_map().then(|| map::get(m, src!(key))).flatten() {
                    Some(v) => reg!(dst) = v,
                    None => jump!(fail.0),
                }
                Ok(())
            }
            Instr::MakeFun { dst, fun, base, n } => {
                let b = cur.base + base.0 as usize;
                let total = cur.module.funs[fun.0 as usize].arity;
                let arity = total - n.0 as u8;
                let name = cur.module.name;
                let env_end = b + n.0 as usize;
                let f = p.heap.closure(name, fun.0, arity, &p.stack[b..env_end]);
                reg!(dst) = f;
                Ok(())
            }
            Instr::Raise { class, reason } => {
                let class = match class.0 {
                    1 => Class::Exit,
                    2 => Class::Throw,
                    _ => Class::Error,
                };
                Err(Raise {
                    class,
                    reason: src!(reason),
                })
            }
            Instr::Reraise {
                class,
                reason,
                trace,
            } => {
                let c = class_of(src!(class));
                let r = src!(reason);
                let t = src!(trace);
                save!();
                match unwind(p, &mut cur, c, r, t) {
                    Ok(()) => {
                        sync!();
                        continue;
                    }
                    Err(u) => return Stop::Raised(u),
                }
            }
            Instr::GetExc {
                class,
                reason,
                trace,
            } => {
                reg!(class) = p.exc[0];
                reg!(reason) = p.exc[1];
                reg!(trace) = p.exc[2];
                Ok(())
            }
            Instr::BsBuild { dst, base, n, spec } => {
                let b = cur.base + base.0 as usize;
                let spec = src!(spec);
                bits::build(p, b, n.0 as usize, spec).map(|v| reg!(dst) = v)
            }
            Instr::BsGet {
                fail,
                dst,
                ctx,
                size,
                flags,
            } => {
                let (subject, pos) = (reg!(ctx), reg!(Reg(ctx.0 + 1)));
                let sz = src!(size);
                match bits::get(p, subject, pos, sz, flags.0) {
                    Some((v, pos)) => {
                        reg!(dst) = v;
                        reg!(Reg(ctx.0 + 1)) = pos;
                    }
                    None => jump!(fail.0),
                }
                Ok(())
            }
            Instr::BsTestSize { fail, ctx, bits: n } => {
                let (subject, pos) = (reg!(ctx), reg!(Reg(ctx.0 + 1)));
                if bits::left(subject, pos) != Some(n.0 as usize) {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::BsStart { fail, ctx, src: s } => {
                let t = src!(s);
                if t.is_bitstring() {
                    reg!(ctx) = t;
                    reg!(Reg(ctx.0 + 1)) = Term::ZERO;
                } else {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::BsTestUnit { fail, src: s, unit } => {
                let ok = crate::binary::bits(src!(s))
                    .is_some_and(|b| unit.0 == 0 || b.bit_size % unit.0 as usize == 0);
                if !ok {
                    jump!(fail.0);
                }
                Ok(())
            }
            Instr::BsSkipPrefix {
                fail,
                dst,
                src: s,
                lit,
            } => {
                let (t, prefix) = (src!(s), src!(lit));
                match bits::skip_prefix(p, t, prefix) {
                    Some(rest) => reg!(dst) = rest,
                    None => jump!(fail.0),
                }
                Ok(())
            }
            Instr::RecvPeek { empty, dst } => {
                if p.mailbox.save >= p.mailbox.queue.len() {
                    if let Err(reason) = crate::sched::drain(p) {
                        return Stop::Exit(reason);
                    }
                }
                match p.mailbox.queue.get(p.mailbox.save) {
                    Some(&m) => reg!(dst) = m,
                    None => jump!(empty.0),
                }
                Ok(())
            }
            Instr::RecvNext { to } => {
                p.mailbox.save += 1;
                jump!(to.0);
                Ok(())
            }
            Instr::RecvRemove {} => {
                p.mailbox.remove_current();
                if p.wait_timer.is_some() || p.timed_out {
                    crate::sched::disarm_receive_timer(p);
                }
                Ok(())
            }
            Instr::RecvMark { src: s } => {
                let r = src!(s);
                if let Some((m, at)) = p.mailbox.mark {
                    if m.is(r) && p.mailbox.save < at {
                        p.mailbox.save = at.min(p.mailbox.queue.len());
                    }
                }
                Ok(())
            }
            Instr::RecvWait { to, timeout } => {
                if p.mailbox.save < p.mailbox.queue.len() {
                    // Messages came while the process was away: scan them first.
                    jump!(to.0);
                    Ok(())
                } else if p.timed_out {
                    p.timed_out = false;
                    p.mailbox.save = 0;
                    Ok(())
                } else {
                    match timeout_ms(src!(timeout)) {
                        Err(e) => Err(e),
                        Ok(Some(0)) => {
                            p.mailbox.save = 0;
                            Ok(())
                        }
                        Ok(ms) => {
                            if let Some(ms) = ms {
                                if p.wait_timer.is_none() {
                                    crate::sched::arm_receive_timer(p, ms);
                                }
                            }
                            save!();
                            cur.pc -= 1;
                            p.resume = Some(Resume(ResumeAt::At(cur)));
                            return Stop::Wait;
                        }
                    }
                }
            }
        };
        if let Err(e) = r {
            save!();
            let trace = stacktrace(p, &cur, e.reason);
            if let Err(u) = unwind(p, &mut cur, e.class, e.reason, trace) {
                return Stop::Raised(u);
            }
            sync!();
        }
    }
}

/// The milliseconds of a receive's `after`: `None` for `:infinity`; else an integer
/// from 0 to 2^32 - 1, or the `timeout_value` error.
fn timeout_ms(t: Term) -> Result<Option<u64>, Raise> {
    if t.is(Term::atom(atom::INFINITY)) {
        return Ok(None);
    }
    match t.as_small() {
        Some(ms) if (0..=u32::MAX as i64).contains(&ms) => Ok(Some(ms as u64)),
        _ => Err(Raise::error(atom("timeout_value"))),
    }
}

/// The target of a `select_*` whose table of `n` entries starts at `table`: the `to` of
/// the first entry whose key `hit`s, else `fail`. The verifier proved the table is there
/// and its keys are constants.
#[inline(always)]
fn select(
    table: *const Instr,
    consts: *const Term,
    n: u32,
    fail: u32,
    hit: impl Fn(Term) -> bool,
) -> u32 {
    for i in 0..n as usize {
        // SAFETY: a verified table lies inside the function's code.
        if let Instr::CaseVal { key, to } = unsafe { *table.add(i) } {
            // SAFETY: a verified constant index.
            let k = unsafe { *consts.add((key.0 & !CONST_BIT) as usize) };
            if hit(k) {
                return to.0;
            }
        }
    }
    fail
}

/// `stack[to..to + n] := stack[from..from + n]` for `to <= from` (a tail call's arguments
/// moving to the bottom of the frame): a plain loop, as `n` is a few words and `memmove`
/// costs more than the copy.
#[inline(always)]
fn move_down(stack: &mut [Term], from: usize, to: usize, n: usize) {
    assert!(to <= from && from + n <= stack.len());
    let p = stack.as_mut_ptr();
    for i in 0..n {
        // SAFETY: both ranges are inside the stack (checked above).
        unsafe { *p.add(to + i) = *p.add(from + i) };
    }
}

/// Returns `v` to the caller; `Some(v)` when there is none (the run is over).
#[inline(always)]
fn pop_return(p: &mut Process, cur: &mut Cur, v: Term) -> Option<Term> {
    match p.frames.pop() {
        None => Some(v),
        Some(f) => {
            *cur = Cur {
                module: f.module,
                fun: f.fun,
                pc: f.ret_pc,
                base: f.base,
            };
            // SAFETY: `dst` is a verified register of the caller, whose window is on the
            // stack.
            unsafe { *p.stack.get_unchecked_mut(cur.base + f.dst as usize) = v };
            None
        }
    }
}

#[inline(always)]
fn push_frame(p: &mut Process, cur: &Cur, dst: u16) {
    p.frames.push(Frame {
        module: cur.module,
        fun: cur.fun,
        ret_pc: cur.pc,
        base: cur.base,
        dst,
    });
}

/// Enters function `f` of `m` with its window at `base` (arguments already there).
#[inline(always)]
fn enter(
    p: &mut Process,
    cur: &mut Cur,
    m: &'static LoadedModule,
    f: u32,
    base: usize,
) -> Result<(), Raise> {
    // SAFETY: `f` is a verified function index of `m` (or one the code server found).
    let info = unsafe { *m.funs.get_unchecked(f as usize) };
    let top = base + info.regs as usize;
    if top > p.stack.len() {
        if top > MAX_STACK_WORDS {
            p.frames.pop();
            return Err(Raise::system_limit());
        }
        p.stack
            .resize(top.max(p.stack.len() * 2).min(MAX_STACK_WORDS), Term::NIL);
    }
    // SAFETY: `top <= stack.len()` was just ensured.
    let regs = unsafe { p.stack.as_mut_ptr().add(base) };
    // The registers past the arguments start as `[]` (the collector scans the whole
    // frame). Four at a time where the stack has room past the frame (the slots past it
    // are dead: nothing lives above the newest frame), else one at a time (a new
    // process's stack is no longer than its first frame, to keep idle processes small).
    if top + 3 <= p.stack.len() {
        // SAFETY: `base + regs + 3 <= stack.len()`.
        unsafe { clear_past_args(regs, info) };
    } else {
        let (mut i, end) = (info.arity as usize, info.regs as usize);
        while i < end {
            // SAFETY: `base + i < top`.
            unsafe { *regs.add(i) = Term::NIL };
            i += 1;
        }
    }
    cur.module = m;
    cur.fun = f;
    cur.pc = info.entry;
    cur.base = base;
    p.reductions += 1;
    if p.heap.needs_gc() || stress(p, top) {
        collect(p, top);
    }
    Ok(())
}

/// Sets a new frame's registers past its arguments to `[]`, four at a time.
///
/// # Safety
/// `regs` is the frame's window on the stack, with three writable words past its
/// `info.regs` registers (dead slots: nothing lives above the newest frame).
#[inline(always)]
unsafe fn clear_past_args(regs: *mut Term, info: FunInfo) {
    let mut i = info.arity as usize;
    while i < info.regs as usize {
        // SAFETY: `i + 4 <= info.regs + 3` (the caller's slack).
        unsafe {
            regs.add(i)
                .cast::<[Term; 4]>()
                .write_unaligned([Term::NIL; 4])
        };
        i += 4;
    }
}

/// Under the `gc-stress` feature: collect at every call while the stack is shallow (under
/// 4 Ki words), and once every `top / 64` calls above (a collection scans the whole stack,
/// so collecting at every call of a million-deep recursion would take quadratic time;
/// this keeps the scanning to about 64 words per call).
#[inline(always)]
fn stress(p: &mut Process, top: usize) -> bool {
    if !cfg!(feature = "gc-stress") {
        return false;
    }
    if top < 1 << 12 || p.stress_countdown == 0 {
        p.stress_countdown = (top as u64) >> 6;
        return true;
    }
    p.stress_countdown -= 1;
    false
}

/// Runs `f` on the heap with every term the process holds as roots: the registers below
/// `top`, the exception, the mailbox, the dictionary and what a BIF left for the
/// scheduler.
fn with_roots<R>(
    p: &mut Process,
    top: usize,
    f: impl FnOnce(&mut crate::heap::Heap, &mut StackRoots) -> R,
) -> R {
    let Process {
        heap,
        stack,
        exc,
        mailbox,
        dict,
        hibernate,
        exit_now,
        ..
    } = p;
    let mut roots = StackRoots {
        stack: &mut stack[..top],
        exc,
        mailbox,
        dict,
        hibernate,
        exit_now,
    };
    f(heap, &mut roots)
}

/// A collection with the registers (up to the highest end of a window: `top` for the
/// running function's) and the exception as roots.
fn collect(p: &mut Process, top: usize) {
    let top = p.frames.iter().map(Frame::top).fold(top, usize::max);
    // SAFETY: every term the process holds is in the roots: the registers of all frames
    // (below `top`), the exception and the rest; no instruction is in progress.
    with_roots(p, top, |heap, roots| unsafe {
        heap.collect(roots, 0);
    });
}

fn native(
    p: &mut Process,
    cur: &Cur,
    f: crate::bif::BifFn,
    b: usize,
    arity: usize,
) -> Result<Term, Raise> {
    let _ = cur;
    p.reductions += 1;
    // The BIF may use the process (and its stack), so the arguments are copied out.
    if arity <= 4 {
        let mut args = [Term::NIL; 4];
        args[..arity].copy_from_slice(&p.stack[b..b + arity]);
        return f(p, &args[..arity]);
    }
    let args: smallvec::SmallVec<[Term; 8]> = p.stack[b..b + arity].iter().copied().collect();
    f(p, &args)
}

/// Records a failed BIF call of import `import` as the first stack-trace entry, with the
/// `error_info` that lets `Exception` explain which argument was wrong.
fn bif_failed(p: &mut Process, cur: &Cur, import: u32, args: &[Term], e: &Raise) {
    let imp = cur.module.bytecode.imports[import as usize];
    let m = atom(cur.module.bytecode.atom(imp.module));
    let f = atom(cur.module.bytecode.atom(imp.name));
    record_bif_failure(p, m, f, args, e);
}

/// The first stack-trace entry of a failed native call, as the BEAM would have it:
/// `{m, f, args, [error_info: %{module: :erl_erts_errors}]}` for `badarg`, and for a
/// `function_clause` of a function that is Erlang code on the BEAM (`lists:max/1`, ...)
/// the entry of that function with its arguments, so that the error names it. `{:badkey,
/// k}` gets the `badarg` entry; other errors (`badarith`, ...) add none.
pub(crate) fn record_bif_failure(p: &mut Process, m: Term, f: Term, args: &[Term], e: &Raise) {
    if p.pending_top.is_some() {
        // The native named the failing function itself (an Erlang helper on the BEAM).
        return;
    }
    if m.is(atom("erlang")) && f.is(atom("error")) && args.len() >= 2 {
        // `error(reason, args[, options])`: the raising function's entry carries them.
        let opts = args.get(2).copied().unwrap_or(Term::NIL);
        p.pending_args = Some([args[1], opts]);
        return;
    }
    if e.reason.is(Term::atom(atom::FUNCTION_CLAUSE)) && !m.is(atom("erlang")) {
        let file: Vec<Term> = m
            .as_atom()
            .map(|a| a.name())
            .unwrap_or("")
            .chars()
            .chain(".erl".chars())
            .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
            .collect();
        let file = p.heap.list(&file);
        let kf = p.heap.tuple(&[atom("file"), file]);
        let loc = p.heap.list(&[kf]);
        let args = p.heap.list(args);
        p.pending_top = Some(Box::new([m, f, args, loc]));
        return;
    }
    // `{:badkey, k}` too: Elixir finds the map of `:maps.get/2` and friends there.
    let badkey = e
        .reason
        .tuple()
        .is_some_and(|t| t.len() == 2 && t[0].is(Term::atom(atom::BADKEY)));
    if !e.reason.is(Term::atom(atom::BADARG)) && !badkey {
        // Like the BEAM: only `badarg` names the BIF in the trace (with its error info).
        return;
    }
    let args = p.heap.list(args);
    let info = map::from_pairs(&mut p.heap, &[(atom("module"), atom("erl_erts_errors"))]);
    let pair = p.heap.tuple(&[atom("error_info"), info]);
    let loc = p.heap.list(&[pair]);
    p.pending_top = Some(Box::new([m, f, args, loc]));
}

/// `:erlang.apply(fun, args)` (n = 2) or `:erlang.apply(m, f, args)` (n = 3) with its
/// arguments at `R[b..]` (absolute).
fn apply_import(
    p: &mut Process,
    cur: &mut Cur,
    b: usize,
    n: u8,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    if n == 3 {
        return apply(p, cur, b, dst);
    }
    let list = p.stack[b + 1];
    let mut args: smallvec::SmallVec<[Term; 8]> = smallvec::SmallVec::new();
    let mut l = list;
    while let Some((h, t)) = l.cons() {
        args.push(h);
        l = t;
        if args.len() > 255 {
            return Err(Raise::badarg());
        }
    }
    if !l.is_nil() {
        return Err(Raise::badarg());
    }
    let need = b + 1 + args.len() + 256;
    if need > p.stack.len() {
        p.stack.resize(need.max(p.stack.len() * 2), Term::NIL);
    }
    p.stack[b + 1..b + 1 + args.len()].copy_from_slice(&args);
    call_fun(p, cur, b, args.len(), dst)
}

/// A BIF failed inside a guard: the guard fails, nothing is raised, so the stack-trace
/// entry the failure recorded must not reach the next exception (its terms would not
/// survive the next collection either: they are no GC roots).
fn guard_failed(p: &mut Process) {
    p.pending_top = None;
    p.pending_args = None;
}

fn call_bif(p: &mut Process, cur: &Cur, import: u32, args: &[Term]) -> Result<Term, Raise> {
    match resolve_import(cur.module, import) {
        Some(Target::Native(f)) => f(p, args).inspect_err(|e| bif_failed(p, cur, import, args, e)),
        _ => {
            let imp = cur.module.bytecode.imports[import as usize];
            let m = Atom::intern(cur.module.bytecode.atom(imp.module)).unwrap_or(atom::NIL);
            let n = Atom::intern(cur.module.bytecode.atom(imp.name)).unwrap_or(atom::NIL);
            let _ = (m, n);
            Err(Raise::error(Term::atom(atom::UNDEF)))
        }
    }
}

#[derive(Clone, Copy)]
enum Arith {
    Add,
    Sub,
    Mul,
}

/// `add`/`sub`/`mul`: small integers and floats inline, the BIF for the rest.
#[inline(always)]
fn arith_fast(p: &mut Process, op: Arith, x: Term, y: Term) -> Result<Term, Raise> {
    if let (Some(i), Some(j)) = (x.as_small(), y.as_small()) {
        return Ok(match op {
            Arith::Add => p.heap.int(i + j),
            Arith::Sub => p.heap.int(i - j),
            Arith::Mul => p.heap.int128(i as i128 * j as i128),
        });
    }
    let f = match op {
        Arith::Add => |a: f64, b: f64| a + b,
        Arith::Sub => |a: f64, b: f64| a - b,
        Arith::Mul => |a: f64, b: f64| a * b,
    };
    match float_op(x, y, f) {
        Some(r) => Ok(p.heap.float(r)),
        None => arith(p, op, x, y),
    }
}

/// The general case of `add`/`sub`/`mul`: the `:erlang` BIF (bignums, errors).
fn arith(p: &mut Process, op: Arith, x: Term, y: Term) -> Result<Term, Raise> {
    static BIFS: std::sync::OnceLock<[Option<crate::bif::BifFn>; 3]> = std::sync::OnceLock::new();
    let bifs = BIFS.get_or_init(|| {
        let erlang = Atom::intern("erlang").unwrap_or(atom::NIL);
        ["+", "-", "*"].map(|n| crate::bif::lookup(erlang, Atom::intern(n).unwrap_or(atom::NIL), 2))
    });
    match bifs[op as usize] {
        Some(f) => f(p, &[x, y]),
        None => Err(Raise::badarith()),
    }
}

fn undef_import(p: &mut Process, cur: &Cur, import: u32, b: usize, arity: usize) -> Raise {
    let imp = cur.module.bytecode.imports[import as usize];
    let m = atom(cur.module.bytecode.atom(imp.module));
    let n = atom(cur.module.bytecode.atom(imp.name));
    let args = p.heap.list(&p.stack[b..b + arity]);
    p.pending_top = Some(Box::new([m, n, args, Term::NIL]));
    Raise::error(Term::atom(atom::UNDEF))
}

fn fun_arity(t: Term) -> Option<usize> {
    match t.view() {
        crate::term::View::Fun { arity, .. } | crate::term::View::Export { arity, .. } => {
            Some(arity as usize)
        }
        _ => None,
    }
}

/// The function a call of `f` with `arity` arguments runs when `f` is a closure of that
/// arity whose module is loaded and has the function (its module, its index and the
/// captures); `None` for anything else, errors included (the slow path).
#[inline(always)]
fn closure_target<'a>(f: Term, arity: usize) -> Option<(&'static LoadedModule, u32, &'a [Term])> {
    let (module, index, a, env) = f.closure_parts()?;
    let lm = code::lookup(module).filter(|_| a as usize == arity)?;
    let info = lm.funs.get(usize::try_from(index).ok()?)?;
    (info.arity as usize == arity + env.len()).then_some((lm, index as u32, env))
}

#[inline(always)]
fn call_fun(
    p: &mut Process,
    cur: &mut Cur,
    b: usize,
    arity: usize,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    let Some((lm, idx, env)) = closure_target(p.stack[b], arity) else {
        return call_fun_slow(p, cur, b, arity, dst);
    };
    let at = b + 1 + arity;
    let need = at + env.len();
    if need > p.stack.len() {
        p.stack.resize(need.max(p.stack.len() * 2), Term::NIL);
    }
    // The captures are on the heap, not the stack that grew.
    for (i, &t) in env.iter().enumerate() {
        // SAFETY: `at + i < need <= stack.len()`.
        unsafe { *p.stack.get_unchecked_mut(at + i) = t };
    }
    match dst {
        Some(d) => {
            push_frame(p, cur, d);
            enter(p, cur, lm, idx, b + 1).map(|()| None)
        }
        None => {
            move_down(&mut p.stack, b + 1, cur.base, arity + env.len());
            let base = cur.base;
            enter(p, cur, lm, idx, base).map(|()| None)
        }
    }
}

/// `call_fun` of anything but a closure of the right arity: an external fun, or the
/// `badfun`/`badarity` error.
#[cold]
fn call_fun_slow(
    p: &mut Process,
    cur: &mut Cur,
    b: usize,
    arity: usize,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    let f = p.stack[b];
    match f.view() {
        crate::term::View::Export {
            module,
            function,
            arity: a,
        } if a as usize == arity => {
            move_down(&mut p.stack, b + 1, b, arity);
            dispatch_mfa(p, cur, module, function, b, arity, dst)
        }
        crate::term::View::Fun { arity: a, .. } if a as usize == arity => {
            Err(Raise::tagged(&mut p.heap, atom::BADFUN, f))
        }
        crate::term::View::Fun { .. } | crate::term::View::Export { .. } => {
            let args = p.heap.list(&p.stack[b + 1..b + 1 + arity]);
            let pair = p.heap.tuple(&[f, args]);
            Err(Raise::tagged(&mut p.heap, atom::BADARITY, pair))
        }
        _ => Err(Raise::tagged(&mut p.heap, atom::BADFUN, f)),
    }
}

/// A native set `p.trap`: its call becomes a call of that function (arguments at
/// `R[b..]`, the result to `dst`, or returned for a tail call).
fn trapped(
    p: &mut Process,
    cur: &mut Cur,
    b: usize,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    let Some(trap) = p.trap.take() else {
        return Err(Raise::badarg());
    };
    let (m, f, args) = *trap;
    let need = b + args.len() + 1;
    if need > p.stack.len() {
        p.stack.resize(need.max(p.stack.len() * 2), Term::NIL);
    }
    p.stack[b..b + args.len()].copy_from_slice(&args);
    dispatch_mfa(p, cur, m, f, b, args.len(), dst)
}

/// Calls `module.name` with the `arity` arguments at `R[b..]` (absolute index).
fn dispatch_mfa(
    p: &mut Process,
    cur: &mut Cur,
    module: Atom,
    name: Atom,
    b: usize,
    arity: usize,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    match resolve_mfa_cached(module, name, arity) {
        Some(Target::Native(f)) => {
            let v = match native(p, cur, f, b, arity) {
                Ok(v) => v,
                Err(_) if p.trap.is_some() => return trapped(p, cur, b, dst),
                Err(e) => {
                    let args: smallvec::SmallVec<[Term; 8]> =
                        p.stack[b..b + arity].iter().copied().collect();
                    record_bif_failure(p, Term::atom(module), Term::atom(name), &args, &e);
                    return Err(e);
                }
            };
            match dst {
                Some(d) => {
                    p.stack[cur.base + d as usize] = v;
                    Ok(None)
                }
                // A tail call of a native: the caller returns its value.
                None => Ok(Some(v)),
            }
        }
        Some(Target::Apply(n)) => apply_import(p, cur, b, n, dst),
        Some(Target::Code(lm, f)) => match dst {
            Some(d) => {
                push_frame(p, cur, d);
                enter(p, cur, lm, f, b).map(|()| None)
            }
            None => {
                move_down(&mut p.stack, b, cur.base, arity);
                let base = cur.base;
                enter(p, cur, lm, f, base).map(|()| None)
            }
        },
        None => {
            let args = p.heap.list(&p.stack[b..b + arity]);
            p.pending_top = Some(Box::new([
                Term::atom(module),
                Term::atom(name),
                args,
                Term::NIL,
            ]));
            Err(Raise::error(Term::atom(atom::UNDEF)))
        }
    }
}

fn apply(
    p: &mut Process,
    cur: &mut Cur,
    b: usize,
    dst: Option<u16>,
) -> Result<Option<Term>, Raise> {
    let (m, f, list) = (p.stack[b], p.stack[b + 1], p.stack[b + 2]);
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        return Err(Raise::badarg());
    };
    let mut args: smallvec::SmallVec<[Term; 8]> = smallvec::SmallVec::new();
    let mut l = list;
    while let Some((h, t)) = l.cons() {
        args.push(h);
        l = t;
        if args.len() > 255 {
            return Err(Raise::badarg());
        }
    }
    if !l.is_nil() {
        return Err(Raise::badarg());
    }
    let need = b + args.len();
    if need > p.stack.len() {
        p.stack.resize(need.max(p.stack.len() * 2), Term::NIL);
    }
    p.stack[b..need].copy_from_slice(&args);
    dispatch_mfa(p, cur, m, f, b, args.len(), dst)
}

fn type_test(t: Term, ty: u8) -> bool {
    match TypeTest::from_u8(ty) {
        Some(TypeTest::Integer) => t.is_integer(),
        Some(TypeTest::Float) => t.as_float().is_some(),
        Some(TypeTest::Number) => t.is_number(),
        Some(TypeTest::Atom) => t.is_atom(),
        Some(TypeTest::Boolean) => t.is(Term::TRUE) || t.is(Term::FALSE),
        Some(TypeTest::Binary) => crate::binary::bits(t).is_some_and(|b| b.is_binary()),
        Some(TypeTest::Bitstring) => t.is_bitstring(),
        Some(TypeTest::List) => t.is_list(),
        Some(TypeTest::Cons) => t.is_cons(),
        Some(TypeTest::Nil) => t.is_nil(),
        Some(TypeTest::Tuple) => t.tuple().is_some(),
        Some(TypeTest::Map) => t.is_map(),
        Some(TypeTest::Function) => t.is_fun(),
        Some(TypeTest::Pid) => t.is_pid(),
        Some(TypeTest::Port) => t.is_port(),
        Some(TypeTest::Reference) => t.is_reference(),
        None => false,
    }
}

/// The stack trace of an exception raised at `cur` (and its callers).
fn stacktrace(p: &mut Process, cur: &Cur, reason: Term) -> Term {
    let mut entries: Vec<(&'static LoadedModule, u32, u32)> =
        vec![(cur.module, cur.fun, cur.pc.saturating_sub(1))];
    for f in p.frames.iter().rev().take(BACKTRACE_DEPTH - 1) {
        entries.push((f.module, f.fun, f.ret_pc.saturating_sub(1)));
    }
    let mut items = Vec::with_capacity(entries.len() + 1);
    // An undefined function or a failing BIF is the first entry, as on the BEAM.
    let mut function_clause = reason.is(Term::atom(atom::FUNCTION_CLAUSE));
    if let Some(top) = p.pending_top.take() {
        items.push(p.heap.tuple(&top[..]));
        // The failing native's entry carries the arguments, not the caller's.
        function_clause = false;
    }
    // `error(reason, args, [error_info: info])`: args for the arity, the options'
    // `error_info` after the location. Args that are not a list (`:none` in OTP, and a
    // failed binary construction) leave the arity as it is.
    let (error_args, error_opts) = match p.pending_args.take() {
        Some([args, opts]) => (args.is_list().then_some(args), opts),
        None => (None, Term::NIL),
    };
    for (i, (m, f, pc)) in entries.into_iter().enumerate() {
        let info = m.funs[f as usize];
        let bf = &m.bytecode.functions[f as usize];
        let arity = if i == 0 && error_args.is_some() {
            error_args.unwrap_or(Term::NIL)
        } else if i == 0 && function_clause {
            let args: Vec<Term> = p.stack[cur.base..cur.base + info.arity as usize].to_vec();
            p.heap.list(&args)
        } else {
            Term::small(info.arity as i64).unwrap_or(Term::NIL)
        };
        let file: Vec<Term> = m
            .bytecode
            .file
            .chars()
            .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
            .collect();
        let file = p.heap.list(&file);
        let line = Term::small(bf.line_of(pc).unwrap_or(0) as i64).unwrap_or(Term::NIL);
        let kf = p.heap.tuple(&[atom("file"), file]);
        let kl = p.heap.tuple(&[atom("line"), line]);
        let mut loc = vec![kf, kl];
        if i == 0 {
            let mut o = error_opts;
            while let Some((h, t)) = o.cons() {
                if h.tuple()
                    .is_some_and(|x| x.len() == 2 && x[0].is(atom("error_info")))
                {
                    loc.push(h);
                }
                o = t;
            }
        }
        let loc = p.heap.list(&loc);
        let entry = p
            .heap
            .tuple(&[Term::atom(m.name), Term::atom(info.name), arity, loc]);
        items.push(entry);
    }
    p.heap.list(&items)
}

/// Finds a handler for the exception, from the current frame outwards.
fn unwind(
    p: &mut Process,
    cur: &mut Cur,
    class: Class,
    reason: Term,
    trace: Term,
) -> Result<(), Uncaught> {
    let class_atom = Term::atom(class.atom());
    let mut pc = cur.pc.saturating_sub(1);
    loop {
        let bf = &cur.module.bytecode.functions[cur.fun as usize];
        if let Some(h) = bf.handler_for(pc) {
            p.exc = [class_atom, reason, trace];
            cur.pc = h.target;
            return Ok(());
        }
        match p.frames.pop() {
            None => {
                return Err(Uncaught {
                    class,
                    reason,
                    trace,
                })
            }
            Some(f) => {
                *cur = Cur {
                    module: f.module,
                    fun: f.fun,
                    pc: f.ret_pc,
                    base: f.base,
                };
                pc = f.ret_pc.saturating_sub(1);
            }
        }
    }
}
