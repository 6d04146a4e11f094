//! The system clock, unique integers, the node name, the number of schedulers and
//! `:timer.sleep/1`.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::bif::atom_term;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

/// A time in nanoseconds (the native unit) in `unit`, as `erlang:convert_time_unit/3`
/// rounds it (towards minus infinity); `None` for a term that is not a time unit.
pub(super) fn in_unit(ns: i128, unit: Term) -> Option<i128> {
    let per_second: i128 = match unit.as_atom().map(|a| a.name()) {
        Some("second" | "seconds") => 1,
        Some("millisecond" | "milli_seconds") => 1_000,
        Some("microsecond" | "micro_seconds") => 1_000_000,
        Some("nanosecond" | "nano_seconds" | "native" | "perf_counter") => 1_000_000_000,
        _ => match unit.as_small() {
            Some(n) if n > 0 => n as i128,
            _ => return None,
        },
    };
    Some((ns * per_second).div_euclid(1_000_000_000))
}

/// Nanoseconds since the Unix epoch.
fn now_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// `:erlang.system_time/0` and `:os.system_time/0`: nanoseconds since the epoch. (The
/// BEAM's system time is the OS time corrected towards monotonic; without time warps
/// the two agree.)
pub(super) fn system_time0(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    Ok(p.heap.int128(now_ns()))
}

/// `:erlang.system_time/1` and `:os.system_time/1`.
pub(super) fn system_time1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [unit] = args else {
        return Err(Raise::badarg());
    };
    let t = in_unit(now_ns(), *unit).ok_or_else(Raise::badarg)?;
    Ok(p.heap.int128(t))
}

/// The last unique integer handed out (shared by all processes, so unique in the VM).
static UNIQUE: AtomicI64 = AtomicI64::new(0);

/// `:erlang.unique_integer/0`: unique, and like the BEAM's usually negative.
pub(super) fn unique_integer0(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    unique_integer1(p, &[Term::NIL])
}

/// `:erlang.unique_integer/1` with the modifiers `:positive` and `:monotonic`. One
/// counter serves all: its values are strictly increasing, so monotonic too.
pub(super) fn unique_integer1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [mods] = args else {
        return Err(Raise::badarg());
    };
    let mut positive = false;
    let mut l = *mods;
    while let Some((m, rest)) = l.cons() {
        match m.as_atom().map(|a| a.name()) {
            Some("positive") => positive = true,
            Some("monotonic") => {}
            _ => return Err(Raise::badarg()),
        }
        l = rest;
    }
    if !l.is_nil() {
        return Err(Raise::badarg());
    }
    let n = UNIQUE.fetch_add(1, Ordering::Relaxed) + 1;
    // The BEAM's plain unique integers start far below zero; positive ones at 1.
    let v = if positive { n } else { n - (1 << 59) };
    Ok(p.heap.int(v))
}

/// `:erlang.node/0`: a script's node is not distributed.
pub(super) fn node0(_p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    Ok(atom_term!("nonode@nohost"))
}

/// `:erlang.node/1`: the node of a pid, port or reference: this one.
pub(super) fn node1(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [t] = args else {
        return Err(Raise::badarg());
    };
    if t.is_pid() || t.is_port() || t.is_reference() {
        Ok(atom_term!("nonode@nohost"))
    } else {
        Err(Raise::badarg())
    }
}

/// `{{y, m, d}, {h, min, s}}` of a broken-down time.
fn datetime(p: &mut Process, t: &libc::tm) -> Term {
    let date = [t.tm_year + 1900, t.tm_mon + 1, t.tm_mday].map(|n| p.heap.int(n as i64));
    let time = [t.tm_hour, t.tm_min, t.tm_sec].map(|n| p.heap.int(n as i64));
    let date = p.heap.tuple(&date);
    let time = p.heap.tuple(&time);
    p.heap.tuple(&[date, time])
}

fn broken_down(local: bool) -> libc::tm {
    let now = (now_ns() / 1_000_000_000) as libc::time_t;
    // SAFETY: `tm` is plain data, filled by the reentrant libc calls.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if local {
            libc::localtime_r(&now, &mut tm);
        } else {
            libc::gmtime_r(&now, &mut tm);
        }
        tm
    }
}

/// `:erlang.localtime()`.
pub(super) fn localtime(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let tm = broken_down(true);
    Ok(datetime(p, &tm))
}

/// `:erlang.universaltime()`.
pub(super) fn universaltime(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let tm = broken_down(false);
    Ok(datetime(p, &tm))
}
