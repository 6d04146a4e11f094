//! Timers: the timeout of `receive ... after`, `Process.send_after/3` and
//! `:erlang.start_timer/3`.
//!
//! One timer thread owns an ordered set of deadlines. Adding, cancelling and reading a
//! timer take a lock for O(log n); cancelling removes the deadline at once, so the set
//! holds only live timers (a million `GenServer.call`s a second, each arming and
//! cancelling a 5-second receive timer, would otherwise pile up five million dead
//! entries). The thread sleeps until the earliest deadline, so an idle VM with no timers
//! uses no CPU. When a timer fires, its action runs on the timer thread: a
//! receive timeout becomes a `Timeout` signal to the waiting process, a message is sent
//! like any other.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::Msg;
use crate::term::Term;

/// What a timer does when it fires.
#[allow(missing_docs)]
pub enum Action {
    /// The receive timer `id` of process `pid` ran out.
    Timeout { pid: Term },
    /// Send `msg` to `dest` (a pid or a registered name).
    Send { dest: Term, msg: Msg },
}

struct Entry {
    at: Instant,
    action: Action,
}

#[derive(Default)]
struct State {
    queue: BTreeSet<(Instant, u64)>,
    /// When the timer thread wakes next (`None`: when a timer is added). A timer due
    /// later needs no wake-up: a `GenServer.call` arms and cancels a 5-second timer each
    /// time, and waking the thread for each would cost a context switch per call.
    wake_at: Option<Instant>,
    live: HashMap<u64, Entry>,
}

/// The timer service.
pub struct Timers {
    state: Mutex<State>,
    cv: Condvar,
    thread: OnceLock<()>,
}

impl Timers {
    /// No timers; the thread starts with the first one.
    pub fn new() -> Timers {
        Timers {
            state: Mutex::new(State::default()),
            cv: Condvar::new(),
            thread: OnceLock::new(),
        }
    }

    /// Starts timer `id` (a fresh reference number) firing `after` from now.
    pub fn add(&'static self, id: u64, after: Duration, action: Action) {
        self.thread.get_or_init(|| {
            std::thread::Builder::new()
                .name("beamlet-timers".into())
                .spawn(move || self.run())
                .expect("cannot start the timer thread");
        });
        let at = Instant::now() + after;
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let earliest = s.wake_at.is_none_or(|w| at < w);
        s.queue.insert((at, id));
        s.live.insert(id, Entry { at, action });
        drop(s);
        if earliest {
            self.cv.notify_one();
        }
    }

    /// Cancels timer `id`: the time it had left, or `None` if it already fired (or never was).
    pub fn cancel(&self, id: u64) -> Option<Duration> {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let e = s.live.remove(&id)?;
        s.queue.remove(&(e.at, id));
        Some(e.at.saturating_duration_since(Instant::now()))
    }

    /// The time timer `id` has left, or `None` if it fired or was cancelled.
    pub fn read(&self, id: u64) -> Option<Duration> {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let e = s.live.get(&id)?;
        Some(e.at.saturating_duration_since(Instant::now()))
    }

    fn run(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            let mut due = Vec::new();
            while let Some(&(at, id)) = s.queue.first() {
                if at > now {
                    break;
                }
                s.queue.pop_first();
                if let Some(e) = s.live.remove(&id) {
                    due.push((id, e.action));
                }
            }
            if !due.is_empty() {
                drop(s);
                for (id, action) in due {
                    fire(id, action);
                }
                s = self.state.lock().unwrap_or_else(|e| e.into_inner());
                continue;
            }
            s.wake_at = s.queue.first().map(|&(at, _)| at);
            s = match s.queue.first() {
                Some(&(at, _)) => {
                    let wait = at.saturating_duration_since(now);
                    self.cv
                        .wait_timeout(s, wait)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.cv.wait(s).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }
}

impl Default for Timers {
    fn default() -> Self {
        Timers::new()
    }
}

fn fire(id: u64, action: Action) {
    match action {
        Action::Timeout { pid } => {
            let _ = super::signal(pid, super::Signal::Timeout(id));
        }
        Action::Send { dest, msg } => {
            let pid = match dest.as_atom() {
                Some(name) => super::whereis(name),
                None => Some(dest),
            };
            if let Some(pid) = pid {
                let _ = super::signal(pid, super::Signal::Message(msg));
            }
        }
    }
}
