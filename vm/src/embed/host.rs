//! Host processes: a pid whose messages a Rust thread receives.
//!
//! A host process is an ordinary Beamlet process (`:beamlet_host.relay/1`, trapping exits)
//! that hands every message to a Rust-side inbox through the native
//! `:beamlet.host_deliver/2`. Links, monitors and exit signals therefore behave as for
//! any process; the Rust side asks the relay to link or monitor with control messages.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::value::{Pid, Ref, Value};
use super::{module_atom, Dest, Error, Runtime};
use crate::exception::Raise;
use crate::process::Process;
use crate::sched;
use crate::term::Term;

/// The tag of control messages between the Rust side and a relay.
const CONTROL: &str = "$beamlet_host";

/// How often a waiting receiver looks whether its relay is still alive.
const LIVENESS_POLL: Duration = Duration::from_millis(50);

/// The Rust side of a host process's mailbox.
#[derive(Default)]
struct Inbox {
    queue: Mutex<VecDeque<Value>>,
    ready: Condvar,
}

fn inboxes() -> &'static Mutex<HashMap<u64, Arc<Inbox>>> {
    static I: OnceLock<Mutex<HashMap<u64, Arc<Inbox>>>> = OnceLock::new();
    I.get_or_init(Default::default)
}

/// `:beamlet.host_deliver(id, msg)`: the relay `id` hands over a message.
pub(crate) fn host_deliver(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [id, msg] = args else {
        return Err(Raise::badarg());
    };
    let id = id.as_small().ok_or_else(Raise::badarg)? as u64;
    let inbox = inboxes()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&id)
        .cloned();
    if let Some(inbox) = inbox {
        let v = Value::from_term(*msg);
        inbox
            .queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(v);
        inbox.ready.notify_all();
    }
    Ok(Term::atom(crate::atom::OK))
}

/// A process whose messages a Rust thread receives: it has a pid that Beamlet code can
/// send to, link to and monitor. It traps exits, so the exit signal of a linked process
/// arrives as the message `{:EXIT, pid, reason}`. Dropping it ends the process.
///
/// ```
/// use beamlet_vm::embed::{Runtime, Value};
/// use std::time::Duration;
/// let rt = Runtime::shared();
/// let host = rt.host().unwrap();
/// rt.eval_with("send(to, {:hello, 42})", vec![("to".into(), Value::Pid(host.pid()))]).unwrap();
/// let msg = host.recv(Some(Duration::from_secs(5))).unwrap();
/// assert_eq!(msg.to_string(), "{:hello, 42}");
/// ```
pub struct Host {
    rt: Runtime,
    pid: Pid,
    id: u64,
    inbox: Arc<Inbox>,
}

impl Host {
    pub(super) fn start(rt: &Runtime) -> Result<Host, Error> {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        let inbox = Arc::new(Inbox::default());
        inboxes()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, inbox.clone());
        match rt.spawn(":beamlet_host", "relay", vec![Value::Int(id as i64)]) {
            Ok(pid) => Ok(Host {
                rt: rt.clone(),
                pid,
                id,
                inbox,
            }),
            Err(e) => {
                inboxes()
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&id);
                Err(e)
            }
        }
    }

    /// The host process's pid.
    pub fn pid(&self) -> Pid {
        self.pid
    }

    /// Sends `msg` to `to` (a pid or a registered name), as `send/2` does.
    pub fn send(&self, to: impl Into<Dest>, msg: impl Into<Value>) -> Result<(), Error> {
        self.rt.send(to, msg)
    }

    /// The oldest message, waiting up to `timeout` (`None`: as long as it takes).
    /// [`Error::Timeout`] when none came; [`Error::HostDown`] when the host process ended.
    pub fn recv(&self, timeout: Option<Duration>) -> Result<Value, Error> {
        self.recv_match(timeout, |_| true)
    }

    /// The oldest message `pred` accepts, as a selective `receive` takes it; the others
    /// stay in the mailbox in their order.
    pub fn recv_match(
        &self,
        timeout: Option<Duration>,
        mut pred: impl FnMut(&Value) -> bool,
    ) -> Result<Value, Error> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut q = self.inbox.queue.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(i) = q.iter().position(&mut pred) {
                if let Some(v) = q.remove(i) {
                    return Ok(v);
                }
            }
            let wait = match deadline {
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => left.min(LIVENESS_POLL),
                    _ => return Err(Error::Timeout),
                },
                None => LIVENESS_POLL,
            };
            let (g, res) = self
                .inbox
                .ready
                .wait_timeout(q, wait)
                .unwrap_or_else(|e| e.into_inner());
            q = g;
            if res.timed_out() && !sched::alive(self.pid.term()) && !q.iter().any(&mut pred) {
                return Err(Error::HostDown);
            }
        }
    }

    /// Messages waiting in the mailbox.
    pub fn pending(&self) -> usize {
        self.inbox
            .queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    /// Links the host process to `pid` (`Process.link/1`).
    pub fn link(&self, pid: Pid) -> Result<(), Error> {
        self.control("link", Value::Pid(pid)).map(drop)
    }

    /// Removes a link (`Process.unlink/1`).
    pub fn unlink(&self, pid: Pid) -> Result<(), Error> {
        self.control("unlink", Value::Pid(pid)).map(drop)
    }

    /// Monitors `pid` (`Process.monitor/1`): its end arrives as
    /// `{:DOWN, ref, :process, pid, reason}`.
    pub fn monitor(&self, pid: Pid) -> Result<Ref, Error> {
        match self.control("monitor", Value::Pid(pid))? {
            Value::Ref(r) => Ok(r),
            other => Err(Error::Convert(super::ConvertError::new(
                "a reference",
                &other,
            ))),
        }
    }

    /// Removes a monitor and any `:DOWN` of it already in the mailbox.
    pub fn demonitor(&self, r: Ref) -> Result<(), Error> {
        self.control("demonitor", Value::Ref(r))?;
        let mut q = self.inbox.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.retain(|m| !is_down_of(m, &Value::Ref(r)));
        Ok(())
    }

    /// Asks the relay to do `op` and waits for its answer.
    pub(super) fn control(&self, op: &str, arg: Value) -> Result<Value, Error> {
        let tag = Value::Ref(Ref(sched::next_ref()));
        let msg = Value::tuple([Value::atom(CONTROL), Value::atom(op), arg, tag.clone()]);
        self.rt.send(self.pid, msg)?;
        let reply = self.recv_match(None, |m| match m {
            Value::Tuple(t) => t.len() == 3 && t[0].is_atom(CONTROL) && t[1] == tag,
            _ => false,
        })?;
        let Value::Tuple(mut t) = reply else {
            return Err(Error::HostDown);
        };
        let result = t.pop().unwrap_or(Value::nil());
        match result {
            Value::Tuple(mut r) if r.len() == 2 && r[0].is_atom("ok") => {
                Ok(r.pop().unwrap_or(Value::nil()))
            }
            Value::Tuple(r) if r.len() == 3 && r[0].is_atom("error") => Err(Error::Raised {
                kind: match &r[1] {
                    Value::Atom(a) => a.clone(),
                    _ => "error".into(),
                },
                reason: r[2].clone(),
                report: format!("** ({}) {}", super::kind_name(&r[1]), r[2]),
            }),
            other => Ok(other),
        }
    }

    /// Runs `module.fun(args)` in a new process and waits for its value.
    pub(super) fn run(&self, module: &str, fun: &str, args: Vec<Value>) -> Result<Value, Error> {
        let tag = Value::Ref(Ref(sched::next_ref()));
        let m = Value::Atom(module_atom(module));
        let req = Value::tuple([tag.clone(), m, Value::atom(fun), Value::List(args)]);
        let mref = match self.control("run", req)? {
            Value::Tuple(t) if t.len() == 2 => t[1].clone(),
            _ => return Err(Error::HostDown),
        };
        let reply = self.recv_match(None, |msg| match msg {
            Value::Tuple(t) if t.len() == 2 && t[0] == tag => true,
            m => is_down_of(m, &mref),
        })?;
        let Value::Tuple(mut t) = reply else {
            return Err(Error::HostDown);
        };
        if t.len() == 5 {
            // `{:DOWN, ref, :process, pid, reason}`: it ended without answering.
            return Err(Error::Exited(t.pop().unwrap_or(Value::nil())));
        }
        // The answer came: its normal `:DOWN` follows and is dropped.
        let mref2 = mref.clone();
        let _ = self.recv_match(Some(Duration::from_secs(5)), |m| is_down_of(m, &mref2));
        match t.pop() {
            Some(Value::Tuple(mut r)) if r.len() == 2 && r[0].is_atom("ok") => {
                Ok(r.pop().unwrap_or(Value::nil()))
            }
            Some(Value::Tuple(r)) if r.len() == 4 && r[0].is_atom("raised") => Err(Error::Raised {
                kind: match &r[1] {
                    Value::Atom(a) => a.clone(),
                    _ => "error".into(),
                },
                reason: r[2].clone(),
                report: r[3].as_str().unwrap_or_default().to_string(),
            }),
            _ => Err(Error::HostDown),
        }
    }
}

fn is_down_of(m: &Value, mref: &Value) -> bool {
    matches!(m, Value::Tuple(t) if t.len() == 5 && t[0].is_atom("DOWN") && t[1] == *mref)
}

impl Drop for Host {
    fn drop(&mut self) {
        inboxes()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
        let _ = sched::kill(self.pid.term());
    }
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Host").field("pid", &self.pid).finish()
    }
}
