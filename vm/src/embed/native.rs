//! Native functions written in Rust and called from Beamlet code.
//!
//! Registering `Mod.fun/N` loads (or reloads) a module `Mod` whose functions call into a
//! registry of Rust closures: `:beamlet.host_native(index, args)` runs the closure on the
//! scheduler, in the calling process; a [`Native::dirty`] one goes through
//! `:beamlet_host.dirty/2`, which hands the call to a pool of Rust threads and waits for the
//! answer as a message, so that a long call does not hold a scheduler. A panic in the
//! closure becomes a `RuntimeError` in the calling process.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use super::value::Value;
use crate::exception::Raise;
use crate::heap::{Heap, HeapConfig, TermAlloc};
use crate::process::Process;
use crate::sched::{self, Msg, Signal};
use crate::term::Term;

/// The closure of a native function: arguments in, a value or an error reason out. An
/// `Err(reason)` raises `reason` as `:erlang.error/1` does (an exception struct raises
/// that exception; any other term an `ErlangError`).
pub type NativeFn = dyn Fn(&[Value]) -> Result<Value, Value> + Send + Sync + 'static;

/// A native function, ready to register with [`super::Runtime::register_native`].
#[derive(Clone)]
pub struct Native {
    pub(super) f: Arc<NativeFn>,
    pub(super) dirty: bool,
}

impl Native {
    /// A native that runs in the calling process, on its scheduler: for quick work (a
    /// scheduler runs nothing else while it runs).
    pub fn new(f: impl Fn(&[Value]) -> Result<Value, Value> + Send + Sync + 'static) -> Native {
        Native {
            f: Arc::new(f),
            dirty: false,
        }
    }

    /// Runs the native on a pool of Rust threads instead (the BEAM's dirty schedulers):
    /// the calling process waits as in a `receive`, and its scheduler runs other processes.
    pub fn dirty(mut self) -> Native {
        self.dirty = true;
        self
    }
}

/// A registered native: its name for messages, and the closure.
struct Entry {
    name: String,
    f: Arc<NativeFn>,
}

fn registry() -> &'static RwLock<Vec<Arc<Entry>>> {
    static R: OnceLock<RwLock<Vec<Arc<Entry>>>> = OnceLock::new();
    R.get_or_init(Default::default)
}

/// Adds a native; its index for the generated module.
pub(super) fn add(name: String, native: &Native) -> usize {
    let mut r = registry().write().unwrap_or_else(|e| e.into_inner());
    r.push(Arc::new(Entry {
        name,
        f: native.f.clone(),
    }));
    r.len() - 1
}

fn entry(index: Term) -> Option<Arc<Entry>> {
    let i = usize::try_from(index.as_small()?).ok()?;
    registry()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(i)
        .cloned()
}

fn args_of(list: Term) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    let mut rest = list;
    while let Some((h, t)) = rest.cons() {
        out.push(Value::from_term(h));
        rest = t;
    }
    rest.is_nil().then_some(out)
}

/// Runs the closure; a panic becomes `Err` with a `RuntimeError`.
fn call(e: &Entry, args: &[Value]) -> Result<Value, Value> {
    match catch_unwind(AssertUnwindSafe(|| (e.f)(args))) {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            Err(runtime_error(&format!(
                "native function {} panicked: {what}",
                e.name
            )))
        }
    }
}

/// `%RuntimeError{message: message}`.
pub(crate) fn runtime_error(message: &str) -> Value {
    Value::map([
        (Value::atom("__exception__"), Value::atom("true")),
        (
            Value::atom("__struct__"),
            Value::atom("Elixir.RuntimeError"),
        ),
        (Value::atom("message"), Value::from(message)),
    ])
}

fn raise(p: &mut Process, reason: &Value) -> Raise {
    match reason.to_term(&mut p.heap) {
        Ok(t) => Raise::error(t),
        Err(_) => Raise::system_limit(),
    }
}

/// `:beamlet.host_native(index, args)`.
pub(crate) fn host_native(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [index, list] = args else {
        return Err(Raise::badarg());
    };
    let e = entry(*index).ok_or_else(Raise::badarg)?;
    let values = args_of(*list).ok_or_else(Raise::badarg)?;
    match call(&e, &values) {
        Ok(v) => v.to_term(&mut p.heap).map_err(|_| Raise::system_limit()),
        Err(reason) => Err(raise(p, &reason)),
    }
}

/// A call waiting for a dirty thread.
type Job = Box<dyn FnOnce() + Send>;

/// The dirty threads' queue (started on first use: as many threads as schedulers).
fn dirty_pool() -> &'static Mutex<Sender<Job>> {
    static POOL: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..sched::schedulers().max(2) {
            let rx: Arc<Mutex<Receiver<Job>>> = rx.clone();
            let _ = std::thread::Builder::new()
                .name(format!("beamlet-dirty-{}", i + 1))
                .spawn(move || loop {
                    let job = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    match job {
                        Ok(job) => job(),
                        Err(_) => break,
                    }
                });
        }
        Mutex::new(tx)
    })
}

/// `:beamlet.host_native_dirty(index, args)`: queues the call and returns the reference
/// its answer (`{ref, :ok, value}` or `{ref, :error, reason}`) will carry.
pub(crate) fn host_native_dirty(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [index, list] = args else {
        return Err(Raise::badarg());
    };
    let e = entry(*index).ok_or_else(Raise::badarg)?;
    let values = args_of(*list).ok_or_else(Raise::badarg)?;
    let serial = sched::next_ref();
    let pid = p.pid;
    let job: Job = Box::new(move || {
        let (tag, v) = match call(&e, &values) {
            Ok(v) => ("ok", v),
            Err(r) => ("error", r),
        };
        let mut scratch = Heap::new(HeapConfig::default());
        let body = v
            .to_term(&mut scratch)
            .unwrap_or(Term::atom(crate::atom::SYSTEM_LIMIT));
        let tag = crate::atom::Atom::intern(tag).map_or(Term::NIL, Term::atom);
        let msg = scratch.tuple(&[Term::local_ref(serial), tag, body]);
        let _ = sched::signal(pid, Signal::Message(Msg::copy(msg)));
    });
    let sent = dirty_pool()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .send(job);
    if sent.is_err() {
        return Err(Raise::system_limit());
    }
    Ok(Term::local_ref(serial))
}
