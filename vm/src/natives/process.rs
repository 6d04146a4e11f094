//! The process BIFs of `:erlang`: spawn, send, links, monitors, exit signals, registered
//! names, the process dictionary, timers, flags, `process_info`, garbage collection and
//! hibernation (docs/internals/processes.md). The runtime side is `crate::sched`.

use super::a;
use crate::atom::{self, Atom};
use crate::exception::Raise;
use crate::heap::{copy_into, HeapConfig, TermAlloc};
use crate::process::{MaxHeap, Process};
use crate::sched::{self, Msg, Signal, SpawnOpts, Start};
use crate::term::{map, Term};

fn is(t: Term, name: &str) -> bool {
    t.as_atom().is_some_and(|x| x.name() == name)
}

fn list_items(l: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    let mut t = l;
    while let Some((h, rest)) = t.cons() {
        out.push(h);
        t = rest;
    }
    t.is_nil().then_some(out)
}

fn new_ref(p: &mut Process) -> Term {
    let r = Term::local_ref(sched::next_ref());
    p.mailbox.mark = Some((r, p.mailbox.queue.len()));
    r
}

/// `self()`.
pub(super) fn self_(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(p.pid)
}

/// `:beamlet.send_alias(pid, alias, msg)`: `msg` to `pid` if `alias` is still one of its
/// aliases when the message arrives (OTP sends to the alias itself).
pub(super) fn send_alias(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [to, r, msg] = *args else {
        return Err(Raise::badarg());
    };
    if !to.is_pid() || !r.is_reference() {
        return Err(Raise::badarg());
    }
    sched::send_alias(p, to, r, msg);
    Ok(msg)
}

/// `make_ref()`.
pub(super) fn make_ref(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(new_ref(p))
}

/// The pid a send goes to: a pid, or a registered name (`badarg` if it is not one).
fn destination(dest: Term) -> Result<Option<Term>, Raise> {
    if dest.is_pid() {
        return Ok(Some(dest));
    }
    if let Some(name) = dest.as_atom() {
        return match sched::whereis(name) {
            Some(pid) => Ok(Some(pid)),
            None => Err(Raise::badarg()),
        };
    }
    if let Some([name, _node]) = dest.tuple() {
        if let Some(n) = name.as_atom() {
            return Ok(sched::whereis(n));
        }
    }
    Err(Raise::badarg())
}

/// `send(dest, msg)`.
pub(super) fn send(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dest, msg] = *args else {
        return Err(Raise::badarg());
    };
    if let Some(pid) = destination(dest)? {
        sched::send(p, pid, msg);
    }
    Ok(msg)
}

/// `:erlang.send(dest, msg, options)`: `:ok`.
pub(super) fn send3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let opts = list_items(args[2]).ok_or_else(Raise::badarg)?;
    if !opts
        .iter()
        .all(|o| is(*o, "noconnect") || is(*o, "nosuspend"))
    {
        return Err(Raise::badarg());
    }
    send(p, &args[..2])?;
    Ok(Term::atom(atom::OK))
}

fn spawn_with(
    p: &mut Process,
    opts: SpawnOpts,
    start: impl FnOnce(&mut Process) -> Start,
) -> Result<Term, Raise> {
    sched::spawn(Some(p), opts, start).ok_or_else(sched::limit_error)
}

fn fun_start(f: Term) -> impl FnOnce(&mut Process) -> Start {
    move |c: &mut Process| Start::Fun(copy_into(&mut c.heap, f))
}

fn mfa_start(m: Term, f: Term, args: Term) -> Result<impl FnOnce(&mut Process) -> Start, Raise> {
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        return Err(Raise::badarg());
    };
    let items = list_items(args).ok_or_else(Raise::badarg)?;
    Ok(move |c: &mut Process| {
        let copied = items.iter().map(|&t| copy_into(&mut c.heap, t)).collect();
        Start::Mfa(m, f, copied)
    })
}

/// `spawn(fun)` takes any fun (one of another arity crashes the new process with
/// `badarity`, as on the BEAM); anything else is `badarg` here.
fn check_fun0(f: Term) -> Result<(), Raise> {
    if f.is_fun() {
        Ok(())
    } else {
        Err(Raise::badarg())
    }
}

/// `spawn(fun)`.
pub(super) fn spawn1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    check_fun0(args[0])?;
    spawn_with(p, SpawnOpts::default(), fun_start(args[0]))
}

/// `spawn(m, f, args)`.
pub(super) fn spawn3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let start = mfa_start(args[0], args[1], args[2])?;
    spawn_with(p, SpawnOpts::default(), start)
}

fn linked() -> SpawnOpts {
    SpawnOpts {
        link: true,
        ..SpawnOpts::default()
    }
}

/// `spawn_link(fun)`.
pub(super) fn spawn_link1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    check_fun0(args[0])?;
    spawn_with(p, linked(), fun_start(args[0]))
}

/// `spawn_link(m, f, args)`.
pub(super) fn spawn_link3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let start = mfa_start(args[0], args[1], args[2])?;
    spawn_with(p, linked(), start)
}

fn monitored(p: &mut Process) -> (SpawnOpts, Term) {
    let r = new_ref(p);
    (
        SpawnOpts {
            monitor: Some(r),
            ..SpawnOpts::default()
        },
        r,
    )
}

/// `spawn_monitor(fun)`: `{pid, ref}`.
pub(super) fn spawn_monitor1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    check_fun0(args[0])?;
    let (opts, r) = monitored(p);
    let pid = spawn_with(p, opts, fun_start(args[0]))?;
    Ok(p.heap.tuple(&[pid, r]))
}

/// `spawn_monitor(m, f, args)`: `{pid, ref}`.
pub(super) fn spawn_monitor3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let start = mfa_start(args[0], args[1], args[2])?;
    let (opts, r) = monitored(p);
    let pid = spawn_with(p, opts, start)?;
    Ok(p.heap.tuple(&[pid, r]))
}

/// The options of `spawn_opt`: `:link`, `:monitor`, `{:priority, p}`, `{:min_heap_size, n}`,
/// `{:max_heap_size, n}`, `{:fullsweep_after, n}`, `{:message_queue_data, _}`.
fn spawn_opts(p: &mut Process, opts: Term) -> Result<(SpawnOpts, Option<Term>), Raise> {
    let mut o = SpawnOpts::default();
    let mut mon = None;
    let mut heap = HeapConfig::default();
    for opt in list_items(opts).ok_or_else(Raise::badarg)? {
        if is(opt, "link") {
            o.link = true;
        } else if is(opt, "monitor") {
            let r = new_ref(p);
            o.monitor = Some(r);
            mon = Some(r);
        } else if let Some([k, v]) = opt.tuple() {
            let n = v.as_small().filter(|n| *n >= 0).map(|n| n as usize);
            match k.as_atom().map(|k| k.name()) {
                Some("priority") => o.priority = Some(priority(*v)?),
                Some("min_heap_size") => {
                    heap.min_heap_size =
                        crate::heap::sizes::next_heap_size(n.ok_or_else(Raise::badarg)?)
                }
                Some("max_heap_size") => o.max_heap_size = max_heap_size(*v, MaxHeap::default())?,
                Some("fullsweep_after") => {
                    heap.fullsweep_after =
                        n.ok_or_else(Raise::badarg)?.min(u32::MAX as usize) as u32
                }
                Some("message_queue_data") if is(*v, "on_heap") || is(*v, "off_heap") => {}
                Some("min_bin_vheap_size") if n.is_some() => {}
                _ => return Err(Raise::badarg()),
            }
        } else {
            return Err(Raise::badarg());
        }
    }
    o.heap = Some(heap);
    Ok((o, mon))
}

fn priority(v: Term) -> Result<Atom, Raise> {
    match v.as_atom() {
        Some(x) if matches!(x.name(), "low" | "normal" | "high" | "max") => Ok(x),
        _ => Err(Raise::badarg()),
    }
}

/// `max_heap_size`: words, or a map `%{size: n, kill: _, error_logger: _}` (missing
/// keys keep their values in `old`).
fn max_heap_size(v: Term, old: MaxHeap) -> Result<MaxHeap, Raise> {
    if let Some(n) = v.as_small().filter(|n| *n >= 0) {
        return Ok(MaxHeap {
            size: n as usize,
            ..old
        });
    }
    if !v.is_map() {
        return Err(Raise::badarg());
    }
    let mut m = old;
    if let Some(s) = map::get(v, a("size")) {
        m.size = s.as_small().filter(|n| *n >= 0).ok_or_else(Raise::badarg)? as usize;
    }
    let flag = |k: &str, d: bool| match map::get(v, a(k)) {
        None => Ok(d),
        Some(t) if t.is(Term::TRUE) => Ok(true),
        Some(t) if t.is(Term::FALSE) => Ok(false),
        Some(_) => Err(Raise::badarg()),
    };
    m.kill = flag("kill", m.kill)?;
    m.error_logger = flag("error_logger", m.error_logger)?;
    Ok(m)
}

/// `:erlang.spawn_opt(fun, opts)`.
pub(super) fn spawn_opt2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    check_fun0(args[0])?;
    let (o, mon) = spawn_opts(p, args[1])?;
    let pid = spawn_with(p, o, fun_start(args[0]))?;
    Ok(match mon {
        Some(r) => p.heap.tuple(&[pid, r]),
        None => pid,
    })
}

/// `:erlang.spawn_opt(m, f, args, opts)`.
pub(super) fn spawn_opt4(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let start = mfa_start(args[0], args[1], args[2])?;
    let (o, mon) = spawn_opts(p, args[3])?;
    let pid = spawn_with(p, o, start)?;
    Ok(match mon {
        Some(r) => p.heap.tuple(&[pid, r]),
        None => pid,
    })
}

/// `Process.link(pid)`: `true`. Linking to a process that is gone: an `{:EXIT, pid,
/// :noproc}` message when trapping exits, else the `noproc` error.
pub(super) fn link(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let pid = args[0];
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    if pid.is(p.pid) || p.links.iter().any(|l| l.is(pid)) {
        return Ok(Term::TRUE);
    }
    match sched::signal(pid, Signal::Link { from: p.pid }) {
        Ok(()) => p.links.push(pid),
        Err(_) if p.trap_exit => {
            let m = p.heap.tuple(&[a("EXIT"), pid, a("noproc")]);
            p.mailbox.queue.push_back(m);
        }
        Err(_) => return Err(Raise::error(a("noproc"))),
    }
    Ok(Term::TRUE)
}

/// `Process.unlink(pid)`: `true`.
pub(super) fn unlink(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let pid = args[0];
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    if let Some(i) = p.links.iter().position(|l| l.is(pid)) {
        p.links.swap_remove(i);
        let _ = sched::signal(pid, Signal::Unlink { from: p.pid });
    }
    Ok(Term::TRUE)
}

/// `:erlang.monitor(:process, pid_or_name)`: a reference; `{:DOWN, ref, :process, item,
/// :noproc}` at once if there is no such process.
pub(super) fn monitor(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    monitor3(p, &[args[0], args[1], Term::NIL])
}

/// `:erlang.monitor(:process, item, opts)`: `{:alias, :demonitor}` makes the reference an
/// alias of the caller too, active until the monitor is removed.
pub(super) fn monitor3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [kind, item, opts] = *args else {
        return Err(Raise::badarg());
    };
    let mut alias = false;
    let mut o = opts;
    while let Some((h, t)) = o.cons() {
        match h.tuple() {
            Some(&[k, v])
                if k.is(Term::atom(atom::ALIAS))
                    && (v.is(Term::atom(atom::DEMONITOR))
                        || v.is(Term::atom(atom::EXPLICIT_UNALIAS))) =>
            {
                alias = true
            }
            Some(&[k, _]) if k.is(Term::atom(atom::TAG)) => {}
            _ => return Err(Raise::badarg()),
        }
        o = t;
    }
    if !o.is_nil() {
        return Err(Raise::badarg());
    }
    if !kind.is(Term::atom(atom::PROCESS)) {
        return Err(Raise::badarg());
    }
    let (target, shown) = if item.is_pid() {
        (Some(item), item)
    } else if let Some(name) = item.as_atom() {
        let node = a("nonode@nohost");
        let shown = p.heap.tuple(&[item, node]);
        (sched::whereis(name), shown)
    } else {
        return Err(Raise::badarg());
    };
    let r = new_ref(p);
    let delivered = match target {
        Some(pid) if pid.is(p.pid) => true,
        Some(pid) => sched::add_monitor(pid, p.pid, r),
        None => false,
    };
    // The alias lives as long as the monitor (a `:DOWN` signal or `demonitor` ends both);
    // a monitor that is over at once (`:noproc`) leaves none.
    if alias && delivered {
        p.aliases.push(r);
    }
    match (delivered, target) {
        (true, Some(pid)) if !pid.is(p.pid) => p.monitors.push((r, pid)),
        (true, _) => {}
        (false, _) => {
            let m = p
                .heap
                .tuple(&[a("DOWN"), r, a("process"), shown, a("noproc")]);
            p.mailbox.queue.push_back(m);
        }
    }
    Ok(r)
}

/// `Process.demonitor(ref)`.
pub(super) fn demonitor1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    demonitor2(p, &[args[0], Term::NIL])
}

/// `Process.demonitor(ref, opts)`: `:flush` drops a `:DOWN` already received, `:info`
/// returns whether the monitor was still there.
pub(super) fn demonitor2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [r, opts] = *args else {
        return Err(Raise::badarg());
    };
    if !r.is_reference() {
        return Err(Raise::badarg());
    }
    let (mut flush, mut info) = (false, false);
    let mut o = opts;
    while let Some((h, t)) = o.cons() {
        if h.is(Term::atom(atom::FLUSH)) {
            flush = true;
        } else if h.is(Term::atom(atom::INFO)) {
            info = true;
        } else {
            return Err(Raise::badarg());
        }
        o = t;
    }
    if !o.is_nil() {
        return Err(Raise::badarg());
    }
    p.aliases.retain(|x| !x.is(r));
    let found = match p.monitors.iter().position(|(x, _)| x.is(r)) {
        Some(i) => {
            let (_, target) = p.monitors.swap_remove(i);
            sched::remove_monitor(target, r);
            true
        }
        None => false,
    };
    if flush {
        sched::drain_in_bif(p);
        let down = Term::atom(atom::DOWN);
        let before = p.mailbox.queue.len();
        p.mailbox.queue.retain(|m| {
            !m.tuple()
                .is_some_and(|t| t.len() == 5 && t[0].is(down) && t[1].is(r))
        });
        if p.mailbox.queue.len() != before {
            p.mailbox.save = 0;
        }
    }
    Ok(if info {
        Term::boolean(found)
    } else {
        Term::TRUE
    })
}

/// `Process.exit(pid, reason)`: an exit signal. To itself, it takes effect at once.
pub(super) fn exit2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [pid, reason] = *args else {
        return Err(Raise::badarg());
    };
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    if pid.is(p.pid) {
        let kill = is(reason, "kill");
        if kill {
            p.exit_now = Some(a("killed"));
            p.slice_end = 0;
        } else if p.trap_exit {
            let m = p.heap.tuple(&[a("EXIT"), p.pid, reason]);
            p.mailbox.queue.push_back(m);
        } else {
            p.exit_now = Some(reason);
            p.slice_end = 0;
        }
        return Ok(Term::TRUE);
    }
    let _ = sched::signal(
        pid,
        Signal::Exit {
            from: p.pid,
            reason: Msg::copy(reason),
            link: false,
        },
    );
    Ok(Term::TRUE)
}

/// `Process.flag(flag, value)`: the old value.
pub(super) fn process_flag(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [flag, v] = *args else {
        return Err(Raise::badarg());
    };
    match flag.as_atom().map(|f| f.name()) {
        Some("trap_exit") => {
            let old = Term::boolean(p.trap_exit);
            p.trap_exit = match v {
                _ if v.is(Term::TRUE) => true,
                _ if v.is(Term::FALSE) => false,
                _ => return Err(Raise::badarg()),
            };
            Ok(old)
        }
        Some("priority") => {
            let old = Term::atom(p.priority);
            let new = priority(v)?;
            sched::set_priority(p, new);
            Ok(old)
        }
        Some("min_heap_size") => {
            let n = v.as_small().filter(|n| *n >= 0).ok_or_else(Raise::badarg)?;
            let old = p.heap.config().min_heap_size;
            p.heap
                .set_min_heap_size(crate::heap::sizes::next_heap_size(n as usize));
            Ok(p.heap.int(old as i64))
        }
        Some("max_heap_size") => {
            let old = p.max_heap_size;
            p.max_heap_size = max_heap_size(v, old)?;
            Ok(max_heap_size_term(p, old))
        }
        Some("fullsweep_after") => {
            let n = v.as_small().filter(|n| *n >= 0).ok_or_else(Raise::badarg)?;
            let old = p.heap.config().fullsweep_after;
            p.heap.set_fullsweep_after(n.min(u32::MAX as i64) as u32);
            Ok(p.heap.int(old as i64))
        }
        Some("message_queue_data") if is(v, "on_heap") || is(v, "off_heap") => Ok(a("on_heap")),
        Some("sensitive" | "save_calls") => Ok(Term::FALSE),
        _ => Err(Raise::badarg()),
    }
}

fn max_heap_size_term(p: &mut Process, m: MaxHeap) -> Term {
    let size = p.heap.int(m.size as i64);
    map::from_pairs(
        &mut p.heap,
        &[
            (a("error_logger"), Term::boolean(m.error_logger)),
            (a("kill"), Term::boolean(m.kill)),
            (a("size"), size),
        ],
    )
}

/// `Process.register(pid, name)`.
pub(super) fn register(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [name, pid] = *args else {
        return Err(Raise::badarg());
    };
    let Some(n) = name.as_atom().filter(|n| n.name() != "undefined") else {
        return Err(Raise::badarg());
    };
    if !pid.is_pid() || !sched::register(n, pid) {
        return Err(Raise::badarg());
    }
    Ok(Term::TRUE)
}

/// `Process.unregister(name)`.
pub(super) fn unregister(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    match args[0].as_atom() {
        Some(n) if sched::unregister(n) => Ok(Term::TRUE),
        _ => Err(Raise::badarg()),
    }
}

/// `:erlang.whereis(name)`: the pid or `:undefined`.
pub(super) fn whereis(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let n = args[0].as_atom().ok_or_else(Raise::badarg)?;
    Ok(sched::whereis(n).unwrap_or_else(|| a("undefined")))
}

/// `:erlang.registered()`.
pub(super) fn registered(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    let names: Vec<Term> = sched::registered().into_iter().map(Term::atom).collect();
    Ok(p.heap.list(&names))
}

/// `Process.alive?(pid)`.
pub(super) fn is_process_alive(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let pid = args[0];
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    Ok(Term::boolean(pid.is(p.pid) || sched::alive(pid)))
}

/// `Process.list()`.
pub(super) fn processes(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    let mut pids = sched::pids();
    pids.sort_by_key(|t| t.as_pid().map(|x| x & ((1 << 28) - 1)));
    Ok(p.heap.list(&pids))
}

// The process dictionary.

/// `Process.put(key, value)`: the old value or `:undefined`.
pub(super) fn put(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [k, v] = *args else {
        return Err(Raise::badarg());
    };
    for e in p.dict.iter_mut() {
        if crate::term::order::exact_eq(e.0, k) {
            return Ok(std::mem::replace(&mut e.1, v));
        }
    }
    p.dict.push((k, v));
    Ok(a("undefined"))
}

/// `:erlang.get(key)`.
pub(super) fn get1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    Ok(p.dict
        .iter()
        .find(|e| crate::term::order::exact_eq(e.0, args[0]))
        .map_or_else(|| a("undefined"), |e| e.1))
}

/// `:erlang.get()`: `[{key, value}]`, newest first as on the BEAM.
pub(super) fn get0(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    let pairs: Vec<(Term, Term)> = p.dict.iter().rev().copied().collect();
    let items: Vec<Term> = pairs.iter().map(|&(k, v)| p.heap.tuple(&[k, v])).collect();
    Ok(p.heap.list(&items))
}

/// `:erlang.get_keys()`.
pub(super) fn get_keys0(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    let keys: Vec<Term> = p.dict.iter().rev().map(|e| e.0).collect();
    Ok(p.heap.list(&keys))
}

/// `:erlang.get_keys(value)`.
pub(super) fn get_keys1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let keys: Vec<Term> = p
        .dict
        .iter()
        .rev()
        .filter(|e| crate::term::order::exact_eq(e.1, args[0]))
        .map(|e| e.0)
        .collect();
    Ok(p.heap.list(&keys))
}

/// `:erlang.erase(key)`: the old value or `:undefined`.
pub(super) fn erase1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    match p
        .dict
        .iter()
        .position(|e| crate::term::order::exact_eq(e.0, args[0]))
    {
        Some(i) => Ok(p.dict.remove(i).1),
        None => Ok(a("undefined")),
    }
}

/// `:erlang.erase()`: the whole dictionary, which is emptied.
pub(super) fn erase0(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let all = get0(p, args)?;
    p.dict.clear();
    Ok(all)
}

// Timers.

fn timer_ms(t: Term) -> Result<u64, Raise> {
    t.as_small()
        .filter(|&n| (0..=u32::MAX as i64).contains(&n))
        .map(|n| n as u64)
        .ok_or_else(Raise::badarg)
}

fn timer_dest(dest: Term) -> Result<Term, Raise> {
    if dest.is_pid() || dest.is_atom() {
        Ok(dest)
    } else {
        Err(Raise::badarg())
    }
}

/// `:erlang.send_after(ms, dest, msg)`: a timer reference.
pub(super) fn send_after(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let ms = timer_ms(args[0])?;
    let dest = timer_dest(args[1])?;
    Ok(Term::local_ref(sched::send_after(dest, args[2], ms)))
}

/// `:erlang.start_timer(ms, dest, msg)`: sends `{:timeout, ref, msg}`.
pub(super) fn start_timer(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let ms = timer_ms(args[0])?;
    let dest = timer_dest(args[1])?;
    let id = sched::next_ref();
    let r = Term::local_ref(id);
    let msg = p.heap.tuple(&[a("timeout"), r, args[2]]);
    sched::send_after_id(id, dest, msg, ms);
    Ok(r)
}

fn timer_id(r: Term) -> Result<u64, Raise> {
    r.as_local_ref().ok_or_else(Raise::badarg)
}

/// `:erlang.cancel_timer(ref)`: the milliseconds it had left, or `false`.
pub(super) fn cancel_timer(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let id = timer_id(args[0])?;
    Ok(match sched::cancel_timer(id) {
        Some(ms) => p.heap.int(ms as i64),
        None => Term::FALSE,
    })
}

/// `:erlang.cancel_timer(ref, opts)`: `async: true` returns `:ok`; `info: false` too.
pub(super) fn cancel_timer2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let left = cancel_timer(p, &args[..1])?;
    let opts = list_items(args[1]).ok_or_else(Raise::badarg)?;
    let flag = |name: &str| {
        opts.iter().find_map(|o| match o.tuple() {
            Some([k, v]) if is(*k, name) => Some(v.is(Term::TRUE)),
            _ => None,
        })
    };
    if flag("async") == Some(true) || flag("info") == Some(false) {
        return Ok(Term::atom(atom::OK));
    }
    Ok(left)
}

/// `:erlang.read_timer(ref)`: the milliseconds left, or `false`.
pub(super) fn read_timer(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let id = timer_id(args[0])?;
    Ok(match sched::read_timer(id) {
        Some(ms) => p.heap.int(ms as i64),
        None => Term::FALSE,
    })
}

// Garbage collection, hibernation, yielding.

/// `:erlang.garbage_collect()`: a major collection of this process, now.
pub(super) fn garbage_collect0(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    p.gc_requested = true;
    p.slice_end = 0;
    Ok(Term::TRUE)
}

/// `:erlang.garbage_collect(pid)`: `true` once the process has collected (`false` if it is
/// gone). Another process collects before it next runs, when all its frames are known;
/// the caller waits for its answer in `Process.__gc__/1` (a BIF trap).
pub(super) fn garbage_collect1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let pid = args[0];
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    if pid.is(p.pid) {
        return garbage_collect0(p, &[]);
    }
    let m = Atom::intern("Elixir.Process").unwrap_or(atom::NIL);
    let f = Atom::intern("__gc__").unwrap_or(atom::NIL);
    p.trap = Some(Box::new((m, f, vec![pid])));
    Err(Raise::badarg())
}

/// `:beamlet.gc_request(pid, ref)`: asks `pid` to collect and answer `{ref, true}`;
/// false if it is gone.
pub(super) fn gc_request(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [pid, r] = *args else {
        return Err(Raise::badarg());
    };
    let from = p.pid;
    let req: sched::Request = Box::new(move |q: &mut Process| {
        q.gc_requested = true;
        q.slice_end = 0;
        q.gc_waiters.push((from, r));
    });
    Ok(Term::boolean(
        sched::signal(pid, Signal::Request(req)).is_ok(),
    ))
}

/// `:erlang.hibernate(m, f, args)`: never returns; the process sleeps with its heap at
/// its live size and continues in `m.f(args)` when a message comes.
pub(super) fn hibernate(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m, f, xs] = *args else {
        return Err(Raise::badarg());
    };
    if !m.is_atom() || !f.is_atom() || list_items(xs).is_none() {
        return Err(Raise::badarg());
    }
    p.hibernate = Some(Box::new([m, f, xs]));
    p.slice_end = 0;
    Ok(Term::TRUE)
}

/// `:erlang.yield()`: gives the scheduler to others.
pub(super) fn yield_(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    p.slice_end = 0;
    Ok(Term::TRUE)
}

/// `:erlang.group_leader()`.
pub(super) fn group_leader(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(if p.group_leader.is_pid() {
        p.group_leader
    } else {
        p.pid
    })
}

// process_info.

/// The keys of `Process.info/1`, in the BEAM's order.
const INFO_KEYS: &[&str] = &[
    "registered_name",
    "current_function",
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "error_handler",
    "priority",
    "group_leader",
    "total_heap_size",
    "heap_size",
    "stack_size",
    "reductions",
    "garbage_collection",
    "suspending",
];

/// One `process_info` item of `p` itself: `None` for an unknown key.
pub fn info_item(p: &mut Process, key: Atom, status: &str) -> Option<Term> {
    let words = |p: &mut Process, n: usize| p.heap.int(n as i64);
    let v = match key.name() {
        "registered_name" => match sched::name_of(p.pid) {
            Some(n) => Term::atom(n),
            None => Term::NIL,
        },
        "current_function" => {
            let cf = crate::interp::current_function(p);
            p.heap.tuple(&cf)
        }
        "initial_call" => {
            let ic = p.initial_call;
            p.heap.tuple(&ic)
        }
        "status" => a(status),
        "message_queue_len" => {
            take_inbox_if_self(p, status);
            words(p, p.mailbox.queue.len())
        }
        "messages" => {
            take_inbox_if_self(p, status);
            let ms: Vec<Term> = p.mailbox.queue.iter().copied().collect();
            p.heap.list(&ms)
        }
        "links" => {
            let ls = p.links.clone();
            p.heap.list(&ls)
        }
        "monitors" => {
            let ms: Vec<Term> = p.monitors.iter().map(|&(_, t)| t).collect();
            let items: Vec<Term> = ms
                .into_iter()
                .map(|t| p.heap.tuple(&[a("process"), t]))
                .collect();
            p.heap.list(&items)
        }
        "monitored_by" => {
            let ws = sched::monitored_by(p);
            p.heap.list(&ws)
        }
        "dictionary" => get0(p, &[]).ok()?,
        "trap_exit" => Term::boolean(p.trap_exit),
        "error_handler" => a("error_handler"),
        "priority" => Term::atom(p.priority),
        "group_leader" => group_leader(p, &[]).ok()?,
        "total_heap_size" => {
            let n = p.heap.total_heap_size() + p.heap.fragment_words();
            words(p, n)
        }
        "heap_size" => {
            let n = p.heap.heap_size();
            words(p, n)
        }
        "stack_size" => {
            let n = crate::interp::stack_words(p);
            words(p, n)
        }
        "reductions" => p.heap.int(p.reductions as i64),
        "memory" => {
            let n = process_memory(p);
            words(p, n)
        }
        "garbage_collection" => {
            let c = p.heap.config();
            let s = p.heap.stats();
            let max = max_heap_size_term(p, p.max_heap_size);
            let pairs = [
                ("max_heap_size", max),
                ("min_bin_vheap_size", p.heap.int(46422)),
                ("min_heap_size", p.heap.int(c.min_heap_size as i64)),
                ("fullsweep_after", p.heap.int(c.fullsweep_after as i64)),
                ("minor_gcs", p.heap.int(s.minor_gcs as i64)),
            ];
            let items: Vec<Term> = pairs
                .iter()
                .map(|&(k, v)| p.heap.tuple(&[a(k), v]))
                .collect();
            p.heap.list(&items)
        }
        "suspending" => Term::NIL,
        "message_queue_data" => a("on_heap"),
        "min_heap_size" => {
            let n = p.heap.config().min_heap_size;
            words(p, n)
        }
        "min_bin_vheap_size" => p.heap.int(46422),
        "max_heap_size" => max_heap_size_term(p, p.max_heap_size),
        "fullsweep_after" => {
            let n = p.heap.config().fullsweep_after as usize;
            words(p, n)
        }
        "binary" => Term::NIL,
        "catchlevel" => p.heap.int(0),
        "current_stacktrace" => Term::NIL,
        "last_calls" => Term::FALSE,
        "trace" => p.heap.int(0),
        "sequential_trace_token" => Term::NIL,
        "parent" => a("undefined"),
        _ => return None,
    };
    Some(v)
}

/// The process asks about itself (`status` is `running`): messages still in its inbox
/// count. Answering another's request, it is inside `sched::drain` already, which must not
/// run again there (signals would be handled out of order).
fn take_inbox_if_self(p: &mut Process, status: &str) {
    if status == "running" {
        sched::drain_in_bif(p);
    }
}

/// Bytes the process takes: its heap, stacks and mailbox, and the process structure.
pub fn process_memory(p: &Process) -> usize {
    p.heap.memory_bytes()
        + p.stack.capacity() * 8
        + p.frames.capacity() * std::mem::size_of::<crate::interp::Frame>()
        + p.mailbox.queue.capacity() * 8
        // The runtime's record, which holds the `Process`.
        + std::mem::size_of::<sched::Proc>()
}

/// `process_info(p, spec)` computed in `p` itself: `spec` is a key or a list of keys; a
/// key is answered `{key, value}` (`registered_name` with no name: `[]`).
pub fn info_of(p: &mut Process, spec: Term, status: &str) -> Result<Term, Raise> {
    if spec.is_nil() || spec.is_cons() {
        let keys = list_items(spec).ok_or_else(Raise::badarg)?;
        let mut items = Vec::with_capacity(keys.len());
        for k in keys {
            let key = k.as_atom().ok_or_else(Raise::badarg)?;
            let v = info_item(p, key, status).ok_or_else(Raise::badarg)?;
            items.push(p.heap.tuple(&[k, v]));
        }
        return Ok(p.heap.list(&items));
    }
    let key = spec.as_atom().ok_or_else(Raise::badarg)?;
    let v = info_item(p, key, status).ok_or_else(Raise::badarg)?;
    if key.name() == "registered_name" && v.is_nil() {
        return Ok(Term::NIL);
    }
    Ok(p.heap.tuple(&[spec, v]))
}

/// The default keys of `process_info/1` (`registered_name` only when there is one).
pub fn info_all(p: &mut Process, status: &str) -> Result<Term, Raise> {
    let mut items = Vec::new();
    for k in INFO_KEYS {
        let key = Atom::intern(k).unwrap_or(atom::NIL);
        let v = info_item(p, key, status).ok_or_else(Raise::badarg)?;
        if *k == "registered_name" && v.is_nil() {
            continue;
        }
        items.push(p.heap.tuple(&[Term::atom(key), v]));
    }
    Ok(p.heap.list(&items))
}

/// `:beamlet.process_info(pid, spec)`: for this process, the answer; for another, a
/// request it answers with the message `{ref, answer}` (the caller receives it:
/// `Process.info/1,2` in the library), and `{:"$beamlet_wait", ref}`; `:undefined` for a
/// process that is gone. `spec` `[]` means the default keys of `process_info/1`.
pub(super) fn process_info_request(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [pid, spec, all] = *args else {
        return Err(Raise::badarg());
    };
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    let all = all.is(Term::TRUE);
    if pid.is(p.pid) {
        let r = if all {
            info_all(p, "running")
        } else {
            info_of(p, spec, "running")
        };
        if let Err(e) = &r {
            crate::interp::record_bif_failure(p, a("erlang"), a("process_info"), &[pid, spec], e);
        }
        return r;
    }
    if !all {
        // Check the spec here, so a bad key raises in the caller, as a failure of
        // `:erlang.process_info/2`.
        let keys = if spec.is_atom() {
            Some(vec![spec])
        } else {
            list_items(spec)
        };
        let ok = keys.is_some_and(|keys| {
            keys.iter().all(|k| {
                k.as_atom()
                    .is_some_and(|k| INFO_KEYS.contains(&k.name()) || is_extra_key(k.name()))
            })
        });
        if !ok {
            let e = Raise::badarg();
            crate::interp::record_bif_failure(p, a("erlang"), a("process_info"), &[pid, spec], &e);
            return Err(e);
        }
    }
    let r = Term::local_ref(sched::next_ref());
    p.mailbox.mark = Some((r, p.mailbox.queue.len()));
    let spec_msg = Msg::copy(spec);
    let from = p.pid;
    let req: sched::Request = Box::new(move |q: &mut Process| {
        let spec = spec_msg.into_heap(&mut q.heap);
        let status = if q.hibernated { "waiting" } else { "runnable" };
        let status = if q.wait_timer.is_some() || q.resume_is_wait() {
            "waiting"
        } else {
            status
        };
        let answer = if all {
            info_all(q, status)
        } else {
            info_of(q, spec, status)
        }
        .unwrap_or_else(|_| a("undefined"));
        let reply = q.heap.tuple(&[r, answer]);
        let _ = sched::signal(from, Signal::Message(Msg::copy(reply)));
    });
    match sched::signal(pid, Signal::Request(req)) {
        Ok(()) => Ok(p.heap.tuple(&[a("$beamlet_wait"), r])),
        Err(_) => Ok(a("undefined")),
    }
}

fn is_extra_key(k: &str) -> bool {
    matches!(
        k,
        "messages"
            | "monitors"
            | "monitored_by"
            | "memory"
            | "message_queue_data"
            | "min_heap_size"
            | "min_bin_vheap_size"
            | "max_heap_size"
            | "fullsweep_after"
            | "binary"
            | "catchlevel"
            | "current_stacktrace"
            | "last_calls"
            | "trace"
            | "sequential_trace_token"
            | "parent"
    )
}

/// `:erlang.process_info(pid)` / `(pid, spec)` called directly: this process only
/// (another process answers `Process.info/1,2`, which waits for it).
pub(super) fn process_info1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    process_info_direct(p, args[0], None)
}

/// See [`process_info1`].
pub(super) fn process_info2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    process_info_direct(p, args[0], Some(args[1]))
}

fn process_info_direct(p: &mut Process, pid: Term, spec: Option<Term>) -> Result<Term, Raise> {
    if !pid.is_pid() {
        return Err(Raise::badarg());
    }
    if !pid.is(p.pid) {
        // Another process answers with a message: continue in `Process.__ask__/3`,
        // which sends the request and waits for the answer.
        let (spec, all) = match spec {
            Some(s) => (s, Term::FALSE),
            None => (Term::NIL, Term::TRUE),
        };
        let m = Atom::intern("Elixir.Process").unwrap_or(atom::NIL);
        let f = Atom::intern("__ask__").unwrap_or(atom::NIL);
        p.trap = Some(Box::new((m, f, vec![pid, spec, all])));
        return Err(Raise::badarg());
    }
    match spec {
        None => info_all(p, "running"),
        Some(s) => info_of(p, s, "running"),
    }
}

// Whole-system queries.

/// `:erlang.system_info(item)` for the process and scheduler items.
pub(super) fn system_info(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let n = |p: &mut Process, v: usize| p.heap.int(v as i64);
    match args[0].as_atom().map(|x| x.name()) {
        Some(
            "schedulers"
            | "schedulers_online"
            | "logical_processors"
            | "logical_processors_available"
            | "logical_processors_online"
            | "dirty_cpu_schedulers"
            | "dirty_cpu_schedulers_online",
        ) => Ok(n(p, sched::schedulers())),
        Some("process_count") => Ok(n(p, sched::process_count())),
        Some("process_limit") => Ok(n(p, sched::process_limit())),
        Some("atom_count") => Ok(n(p, crate::atom::count())),
        Some("atom_limit") => Ok(n(p, crate::atom::ATOM_LIMIT)),
        Some("otp_release") => {
            let s: Vec<Term> = "25"
                .chars()
                .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
                .collect();
            Ok(p.heap.list(&s))
        }
        Some("wordsize") => Ok(n(p, 8)),
        Some("thread_pool_size") => Ok(n(p, 1)),
        Some("smp_support" | "threads") => Ok(Term::TRUE),
        Some("version") => {
            let s: Vec<Term> = "13.0"
                .chars()
                .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
                .collect();
            Ok(p.heap.list(&s))
        }
        _ => Err(Raise::badarg()),
    }
}

/// `:erlang.memory()` / `:erlang.memory(kind)`: bytes. `processes` sums every process
/// as of its last time slice; `binary` counts the shared binary buffers.
pub(super) fn memory0(p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    let kinds = [
        "total",
        "processes",
        "processes_used",
        "system",
        "atom",
        "atom_used",
        "binary",
        "code",
        "ets",
    ];
    let mut items = Vec::new();
    for k in kinds {
        let v = memory_of(p, k).ok_or_else(Raise::badarg)?;
        let v = p.heap.int(v as i64);
        items.push(p.heap.tuple(&[a(k), v]));
    }
    Ok(p.heap.list(&items))
}

fn memory_of(p: &mut Process, kind: &str) -> Option<usize> {
    sched::note_memory(p);
    let procs = sched::process_memory_total();
    let bin = crate::offheap::live_buffers().1;
    let atoms = crate::atom::count() * 48;
    let code = 1 << 20;
    Some(match kind {
        "total" => procs + bin + atoms + code,
        "processes" | "processes_used" => procs,
        "system" => bin + atoms + code,
        "atom" | "atom_used" => atoms,
        "binary" => bin,
        "code" => code,
        "ets" => 0,
        _ => return None,
    })
}

/// `:erlang.memory(kind)`.
pub(super) fn memory1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    if let Some(kinds) = list_items(args[0]).filter(|_| args[0].is_cons()) {
        let mut items = Vec::new();
        for k in kinds {
            let name = k.as_atom().ok_or_else(Raise::badarg)?;
            let v = memory_of(p, name.name()).ok_or_else(Raise::badarg)?;
            let v = p.heap.int(v as i64);
            items.push(p.heap.tuple(&[k, v]));
        }
        return Ok(p.heap.list(&items));
    }
    let name = args[0].as_atom().ok_or_else(Raise::badarg)?;
    let v = memory_of(p, name.name()).ok_or_else(Raise::badarg)?;
    Ok(p.heap.int(v as i64))
}

/// `:erlang.statistics(item)`.
pub(super) fn statistics(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let name = args[0].as_atom().ok_or_else(Raise::badarg)?;
    let ms = |d: std::time::Duration| d.as_millis() as i64;
    match name.name() {
        "reductions" | "exact_reductions" => {
            let total = p.heap.int(sched::total_reductions(p) as i64);
            let zero = p.heap.int(0);
            Ok(p.heap.tuple(&[total, zero]))
        }
        "run_queue" => Ok(p.heap.int(sched::run_queue_len() as i64)),
        "total_run_queue_lengths" | "total_active_tasks" => {
            Ok(p.heap.int(sched::run_queue_len() as i64))
        }
        "runtime" | "wall_clock" => {
            let t = ms(super::epoch_elapsed());
            let t = p.heap.int(t);
            let zero = p.heap.int(0);
            Ok(p.heap.tuple(&[t, zero]))
        }
        "context_switches" => {
            let n = p.heap.int(sched::context_switches() as i64);
            let zero = p.heap.int(0);
            Ok(p.heap.tuple(&[n, zero]))
        }
        "garbage_collection" => {
            // As on the BEAM: every collection in the system, the words reclaimed, 0.
            let (gcs, words) = crate::heap::gc::global_stats();
            let n = p.heap.int(gcs as i64);
            let w = p.heap.int(words as i64);
            Ok(p.heap.tuple(&[n, w, Term::ZERO]))
        }
        _ => Err(Raise::badarg()),
    }
}

/// `:beamlet.set_log_level(level)` (`Logger.configure(level: _)`): crash reports are
/// printed at `:error` and below; `:all` is `:debug`, `:warn` is `:warning`.
pub(super) fn set_log_level(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let level = args[0].as_atom().ok_or_else(Raise::badarg)?;
    let name = match level.name() {
        "all" => "debug",
        "warn" => "warning",
        n => n,
    };
    let index = sched::LOG_LEVELS
        .iter()
        .position(|l| *l == name)
        .ok_or_else(Raise::badarg)?;
    sched::set_log_level(index as u8);
    Ok(Term::atom(atom::OK))
}

/// `:beamlet.log_level()`.
pub(super) fn log_level(_p: &mut Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(a(sched::LOG_LEVELS[sched::log_level() as usize]))
}
