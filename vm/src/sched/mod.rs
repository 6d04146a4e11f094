//! Processes and schedulers: the process table, signals between processes, and one
//! scheduler thread per core (docs/internals/scheduler.md, processes.md, receive.md).
//!
//! A process ([`Proc`]) has a shared part that any thread may touch (its pid, its run
//! state, its [`Inbox`]) and a private part (the [`Process`]: heap, stacks, mailbox,
//! links, ...) that only the scheduler running it touches. Ownership of the private part
//! moves with the run state:
//!
//! ```text
//!   RUNNABLE --(a scheduler pops it)--> RUNNING --(slice spent)--> RUNNABLE (queued again)
//!                                          |  \--(receive finds nothing)--> WAITING
//!                                          \--(exit)--> EXITED             |
//!   WAITING --(a signal arrives: CAS WAITING->RUNNABLE, then queue it)------/
//! ```
//!
//! Exactly one party queues a process: the one whose CAS takes it out of `WAITING` (or
//! the scheduler that ran it, when it yields). The wake-up handshake: a sender pushes to
//! the inbox, then tries `WAITING -> RUNNABLE`; a process about to wait stores `WAITING`,
//! then looks at its inbox again and takes itself back (`WAITING -> RUNNING`) if something
//! came. All four steps are `SeqCst`, so one side always sees the other: no lost wake-up.
//!
//! The process table maps a pid's index to its `Proc` (pids carry a serial, so a stale
//! pid never reaches a newer process in the same slot). Senders look processes up under a
//! crossbeam-epoch guard; an exiting process leaves the table and is freed once no thread
//! can still hold a pointer to it.

pub mod inbox;
pub mod timer;

use std::cell::{RefCell, UnsafeCell};
use std::collections::HashMap;
use std::sync::atomic::{fence, AtomicPtr, AtomicU64, AtomicU8, AtomicUsize, Ordering::*};
use std::sync::{Condvar, Mutex, OnceLock, RwLock};
use std::time::Duration;

use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use crossbeam_epoch as epoch;

use crate::atom::{self, Atom};
use crate::exception::Raise;
use crate::heap::{Fragment, Heap, HeapConfig, TermAlloc};
use crate::interp::{self, Stop, Uncaught};
use crate::process::Process;
use crate::term::Term;

pub use inbox::Inbox;

/// The first young block of a spawned process, in words (the smallest heap size: 96
/// bytes; a process that allocates more grows by the usual rules at its first collection).
const INITIAL_YOUNG_WORDS: usize = 12;

/// Reductions in one time slice (the BEAM's `CONTEXT_REDS`).
pub const SLICE: u64 = 4000;

/// Bits of a pid's payload that hold the table index; the serial is above them.
const INDEX_BITS: u32 = 28;
const INDEX_MASK: u64 = (1 << INDEX_BITS) - 1;
/// The BEAM's default process limit (`+P`).
pub const DEFAULT_PROCESS_LIMIT: usize = 262_144;
/// The most `+P` may ask for (the BEAM's maximum).
pub const MAX_PROCESS_LIMIT: usize = 134_217_727;

use inbox::{EXITED, RUNNABLE, RUNNING};

/// A message in flight: a term in its own heap fragment (none for an immediate or a
/// literal). The receiver attaches the fragment to its heap.
pub struct Msg {
    frag: Option<Fragment>,
    term: Term,
}

// SAFETY: the term points into the fragment that travels with it (or needs no heap).
unsafe impl Send for Msg {}

impl Msg {
    /// A copy of `t`, independent of the heap `t` is on.
    pub fn copy(t: Term) -> Msg {
        let words = crate::heap::size_of(t);
        if words == 0 {
            return Msg {
                frag: None,
                term: t,
            };
        }
        let (frag, term) = Fragment::copy_of_sized(t, words);
        Msg {
            frag: Some(frag),
            term,
        }
    }

    /// The term, now part of `heap` (its fragment attached).
    pub fn into_heap(self, heap: &mut Heap) -> Term {
        if let Some(f) = self.frag {
            heap.attach(f);
        }
        self.term
    }
}

/// Code that another process asks this one to run (`Process.info` of another process,
/// `:erlang.garbage_collect(pid)`).
pub type Request = Box<dyn FnOnce(&mut Process) + Send>;

/// What travels through an inbox. Between a pair of processes, signals arrive in the order
/// they were sent.
#[allow(missing_docs)]
pub enum Signal {
    /// A message.
    Message(Msg),
    /// An exit signal from `from`: `link` when it comes from a linked process that ended,
    /// else from `Process.exit/2`.
    Exit { from: Term, reason: Msg, link: bool },
    /// `from` linked to this process.
    Link { from: Term },
    /// `from` removed its link.
    Unlink { from: Term },
    /// A message sent to the alias `r`: delivered only while the alias is active.
    AliasMessage { r: Term, msg: Msg },
    /// The `{:DOWN, r, ...}` of the monitor `r`: dropped if the monitor was removed since
    /// (after `demonitor` returns, no DOWN of it arrives, as on the BEAM).
    Down { r: Term, msg: Msg },
    /// The receive timer with this id ran out.
    Timeout(u64),
    /// Run this in the process.
    Request(Request),
}

/// A process as the runtime sees it. `repr(C)`: the shared fields a sender touches (pid,
/// state, inbox) share the first cache line (a ring of 10,000 processes is bound by the
/// cache misses of each hop).
#[repr(C)]
pub struct Proc {
    pid: Term,
    state: AtomicU8,
    /// Signals from other threads.
    pub inbox: Inbox<Signal>,
    /// Bytes the process took at the end of its last slice (`:erlang.memory/1`).
    mem: AtomicUsize,
    /// Its priority (`PRIO_*`), readable by whoever queues it.
    prio: AtomicU8,
    /// It was given a registered name (its exit then removes it).
    named: std::sync::atomic::AtomicBool,
    /// The monitors on this process, which the watchers add and remove themselves (see
    /// [`add_monitor`]).
    watchers: Watchers,
    local: UnsafeCell<Process>,
}

/// The monitors on a process, `(reference, watcher)`, behind a one-byte spin lock (the
/// critical sections are a push or a short scan; a `Mutex` and a `Vec` in every process
/// would cost 40 bytes where this costs 9). Closed once the process exited: a monitor
/// added then is `noproc`.
#[derive(Default)]
struct Watchers {
    /// `UNLOCKED`, `LOCKED` or `CLOSED` (then nobody touches `list` again).
    lock: AtomicU8,
    list: UnsafeCell<Option<Box<WatcherList>>>,
}

/// `(reference, watcher)` pairs, oldest first.
type WatcherList = Vec<(Term, Term)>;

const UNLOCKED: u8 = 0;
const LOCKED: u8 = 1;
const CLOSED: u8 = 2;

impl Watchers {
    fn new(list: Vec<(Term, Term)>) -> Watchers {
        Watchers {
            lock: AtomicU8::new(UNLOCKED),
            list: UnsafeCell::new((!list.is_empty()).then(|| Box::new(list))),
        }
    }

    /// Runs `f` on the list (`None` until the first monitor) under the lock; `None` when
    /// closed. `close` closes it after.
    fn with<R>(
        &self,
        close: bool,
        f: impl FnOnce(&mut Option<Box<WatcherList>>) -> R,
    ) -> Option<R> {
        loop {
            match self
                .lock
                .compare_exchange_weak(UNLOCKED, LOCKED, Acquire, Relaxed)
            {
                Ok(_) => break,
                Err(CLOSED) => return None,
                Err(_) => std::hint::spin_loop(),
            }
        }
        // SAFETY: the lock is ours.
        let r = f(unsafe { &mut *self.list.get() });
        self.lock
            .store(if close { CLOSED } else { UNLOCKED }, Release);
        Some(r)
    }
}

// SAFETY: `local` is touched only by the scheduler that owns the process (see the state
// machine above); the rest is atomic.
unsafe impl Sync for Proc {}
// SAFETY: as above.
unsafe impl Send for Proc {}

/// A runnable process in a run queue.
#[derive(Clone, Copy)]
struct Task(*const Proc);
// SAFETY: a queued process is alive (it is freed only after it exits, and a process exits
// only while running, so never while queued), and whoever pops it owns it.
unsafe impl Send for Task {}

const CHUNK_BITS: u32 = 12;
const CHUNK: usize = 1 << CHUNK_BITS;
type Chunk = [AtomicPtr<Proc>; CHUNK];

/// Pids to processes: chunks of slots made on first use (an empty table costs a few KiB).
///
/// Pids are numbered as the BEAM numbers them: a counter gives each new process the next
/// number `n`, whose low bits (as many as the process limit needs) are its slot and whose
/// high bits count the laps around the table, so pids compare in creation order (a
/// `DynamicSupervisor`'s children are listed in start order) and a slot's next process
/// has a new pid. A slot still taken when the counter comes round again is skipped.
struct Table {
    chunks: Box<[AtomicPtr<Chunk>]>,
    /// The next process number.
    next: AtomicU64,
    limit: AtomicUsize,
    count: AtomicUsize,
}

/// A slot reserved for a process being made (never a `Proc`'s address: no allocation is
/// at the lowest aligned address).
fn reserved() -> *mut Proc {
    std::ptr::dangling_mut::<Proc>()
}

impl Table {
    fn new() -> Table {
        let n = (MAX_PROCESS_LIMIT + 1).div_ceil(CHUNK);
        Table {
            chunks: (0..n)
                .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                .collect(),
            next: AtomicU64::new(0),
            limit: AtomicUsize::new(DEFAULT_PROCESS_LIMIT),
            count: AtomicUsize::new(0),
        }
    }

    /// The bits of a process number that are its slot: enough for the process limit.
    fn slot_bits(&self) -> u32 {
        let limit = self.limit.load(Relaxed).max(CHUNK);
        (usize::BITS - (limit - 1).leading_zeros()).min(INDEX_BITS)
    }

    /// The slots that may hold a process.
    fn slots_in_use(&self) -> usize {
        (self.next.load(Relaxed) as usize).min(1 << self.slot_bits())
    }

    fn slot(&self, index: usize) -> Option<&AtomicPtr<Proc>> {
        let c = self.chunks.get(index >> CHUNK_BITS)?;
        let mut chunk = c.load(Acquire);
        if chunk.is_null() {
            let fresh: Box<Chunk> =
                Box::new(std::array::from_fn(
                    |_| AtomicPtr::new(std::ptr::null_mut()),
                ));
            let fresh = Box::into_raw(fresh);
            match c.compare_exchange(std::ptr::null_mut(), fresh, AcqRel, Acquire) {
                Ok(_) => chunk = fresh,
                Err(other) => {
                    // SAFETY: ours, never published.
                    drop(unsafe { Box::from_raw(fresh) });
                    chunk = other;
                }
            }
        }
        // SAFETY: chunks are never freed.
        Some(unsafe { &(*chunk)[index & (CHUNK - 1)] })
    }

    /// A payload for a new process, its slot reserved, or `None` at the process limit.
    fn reserve(&self) -> Option<u64> {
        let limit = self.limit.load(Relaxed);
        if self.count.fetch_add(1, AcqRel) >= limit {
            self.count.fetch_sub(1, AcqRel);
            return None;
        }
        let bits = self.slot_bits();
        loop {
            let n = self.next.fetch_add(1, Relaxed);
            let index = n & ((1 << bits) - 1);
            let lap = (n >> bits) & ((1 << (60 - INDEX_BITS)) - 1);
            let Some(slot) = self.slot(index as usize) else {
                self.count.fetch_sub(1, AcqRel);
                return None;
            };
            // Fewer live processes than slots: a free one comes within a lap.
            if slot
                .compare_exchange(std::ptr::null_mut(), reserved(), AcqRel, Relaxed)
                .is_ok()
            {
                return Some((lap << INDEX_BITS) | index);
            }
        }
    }

    fn lookup<'g>(&self, pid: Term, _guard: &'g epoch::Guard) -> Option<&'g Proc> {
        let payload = pid.as_pid()?;
        let slot = self.slot((payload & INDEX_MASK) as usize)?;
        let p = slot.load(Acquire);
        if p.is_null() || p == reserved() {
            return None;
        }
        // SAFETY: a process in the table is freed only through the epoch, after the
        // guard we hold is dropped.
        let proc = unsafe { &*p };
        proc.pid.is(pid).then_some(proc)
    }

    fn remove(&self, pid: Term) {
        let Some(payload) = pid.as_pid() else { return };
        if let Some(slot) = self.slot((payload & INDEX_MASK) as usize) {
            slot.store(std::ptr::null_mut(), Release);
        }
        self.count.fetch_sub(1, AcqRel);
    }

    /// Every live process (a snapshot).
    fn pids(&self) -> Vec<Term> {
        let guard = epoch::pin();
        let mut out = Vec::new();
        for i in 0..self.slots_in_use() {
            if let Some(slot) = self.slot(i) {
                let p = slot.load(Acquire);
                if !p.is_null() && p != reserved() {
                    // SAFETY: as in `lookup`.
                    let proc = unsafe { &*p };
                    if proc.state.load(Acquire) != EXITED {
                        out.push(proc.pid);
                    }
                }
            }
        }
        drop(guard);
        out
    }
}

/// Parked schedulers and the tokens that wake them.
struct Sleep {
    state: Mutex<(usize, usize)>,
    cv: Condvar,
    sleepers: AtomicUsize,
}

/// How the main process of a script ended.
pub enum MainExit {
    /// It returned.
    Returned,
    /// An exception escaped: the report Elixir prints, and the exit status when it was an
    /// exit that `elixir` takes as a clean stop (`:normal`, `:shutdown`, ...).
    Raised(String, Option<i32>),
    /// An exit signal ended it: the reason, as Elixir prints it.
    Killed(String),
}

/// The runtime: one per OS process.
pub struct Runtime {
    table: Table,
    injector: Injector<Task>,
    /// Runnable processes of priority `:max`, `:high` and `:low` (normal ones are in the
    /// schedulers' own queues and the injector).
    max_q: Injector<Task>,
    high_q: Injector<Task>,
    low_q: Injector<Task>,
    stealers: OnceLock<Vec<Stealer<Task>>>,
    sleep: Sleep,
    names: RwLock<HashMap<Atom, Term>>,
    pub(crate) timers: timer::Timers,
    schedulers: AtomicUsize,
    started: OnceLock<()>,
    main: Mutex<Option<(Term, Option<MainExit>)>>,
    main_cv: Condvar,
}

static RT: OnceLock<Runtime> = OnceLock::new();
/// Logger's levels, least severe first, then `:none`.
pub const LOG_LEVELS: [&str; 9] = [
    "debug",
    "info",
    "notice",
    "warning",
    "error",
    "critical",
    "alert",
    "emergency",
    "none",
];
const LOG_ERROR: u8 = 4;
/// `Logger.configure(level: _)`: the index in [`LOG_LEVELS`] of the least severe level
/// printed (Elixir's default is `:debug`, everything).
static LOG_LEVEL: AtomicU8 = AtomicU8::new(0);

/// Sets the logger's level (`Logger.configure/1`), an index in [`LOG_LEVELS`].
pub fn set_log_level(level: u8) {
    LOG_LEVEL.store(level.min(LOG_LEVELS.len() as u8 - 1), Relaxed);
}

/// The logger's level, an index in [`LOG_LEVELS`].
pub fn log_level() -> u8 {
    LOG_LEVEL.load(Relaxed)
}

/// True when crash reports (errors) are silenced.
pub fn quiet() -> bool {
    log_level() > LOG_ERROR
}

/// Per-scheduler statistics (slices run, reductions of finished slices), each on its own
/// cache line: a shared counter bumped by every slice on every core would bounce.
#[repr(align(128))]
#[derive(Default)]
struct SchedStats {
    switches: AtomicU64,
    reductions: AtomicU64,
}

/// The statistics of every scheduler (and one slot for threads that are not).
static STATS: OnceLock<Box<[SchedStats]>> = OnceLock::new();

thread_local! {
    /// This thread's slot in `STATS` (the last one for threads that are not schedulers).
    static STATS_SLOT: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
}

fn my_stats() -> &'static SchedStats {
    let all = STATS.get_or_init(|| (0..=1024).map(|_| SchedStats::default()).collect());
    let i = STATS_SLOT.with(|s| s.get()).min(all.len() - 1);
    &all[i]
}

fn rt() -> &'static Runtime {
    RT.get_or_init(|| Runtime {
        table: Table::new(),
        injector: Injector::new(),
        max_q: Injector::new(),
        high_q: Injector::new(),
        low_q: Injector::new(),
        stealers: OnceLock::new(),
        sleep: Sleep {
            state: Mutex::new((0, 0)),
            cv: Condvar::new(),
            sleepers: AtomicUsize::new(0),
        },
        names: RwLock::new(HashMap::new()),
        timers: timer::Timers::new(),
        schedulers: AtomicUsize::new(0),
        started: OnceLock::new(),
        main: Mutex::new(None),
        main_cv: Condvar::new(),
    })
}

thread_local! {
    /// The run queue of the scheduler on this thread (none on other threads).
    static LOCAL: RefCell<Option<Worker<Task>>> = const { RefCell::new(None) };
}

/// A fresh reference number (`make_ref`, monitors, timers).
pub fn next_ref() -> u64 {
    crate::offheap::next_ref_serial()
}

/// Sets the number of scheduler threads (before the runtime starts; `0` means one per
/// core). Returns false once the runtime runs.
pub fn set_schedulers(n: usize) -> bool {
    if rt().started.get().is_some() {
        return false;
    }
    rt().schedulers.store(n, Relaxed);
    true
}

/// Sets the process limit (`+P`), clamped to the BEAM's range.
pub fn set_process_limit(n: usize) {
    rt().table
        .limit
        .store(n.clamp(1024, MAX_PROCESS_LIMIT), Relaxed);
}

/// The process limit.
pub fn process_limit() -> usize {
    rt().table.limit.load(Relaxed)
}

/// The number of live processes.
pub fn process_count() -> usize {
    rt().table.count.load(Relaxed)
}

/// The number of scheduler threads (once started; before, what will start).
pub fn schedulers() -> usize {
    let n = rt().schedulers.load(Relaxed);
    if n == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        n
    }
}

fn start() {
    let rt = rt();
    rt.started.get_or_init(|| {
        let n = schedulers();
        rt.schedulers.store(n, Relaxed);
        let workers: Vec<Worker<Task>> = (0..n).map(|_| Worker::new_fifo()).collect();
        let _ = rt
            .stealers
            .set(workers.iter().map(Worker::stealer).collect());
        for (i, w) in workers.into_iter().enumerate() {
            std::thread::Builder::new()
                .name(format!("beamlet-sched-{}", i + 1))
                .stack_size(16 << 20)
                .spawn(move || scheduler_loop(i, w))
                .expect("cannot start a scheduler thread");
        }
    });
}

/// Queues a runnable process: on this thread's run queue if it is a scheduler, else on
/// the global injector; wakes a parked scheduler if one sleeps.
/// Processes queued in the `max`, `high` and `low` queues.
static PRIO_QUEUED: AtomicUsize = AtomicUsize::new(0);

const PRIO_LOW: u8 = 0;
const PRIO_NORMAL: u8 = 1;
const PRIO_HIGH: u8 = 2;
const PRIO_MAX: u8 = 3;

fn prio_of(a: Atom) -> u8 {
    match a.name() {
        "low" => PRIO_LOW,
        "high" => PRIO_HIGH,
        "max" => PRIO_MAX,
        _ => PRIO_NORMAL,
    }
}

/// Records a new priority of the running process (`Process.flag(:priority, p)`).
pub fn set_priority(p: &mut Process, a: Atom) {
    p.priority = a;
    // SAFETY: set by `spawn` to the record that owns this process.
    if let Some(proc) = unsafe { p.proc.as_ref() } {
        proc.prio.store(prio_of(a), Relaxed);
    }
}

fn enqueue(t: Task) {
    // SAFETY: a process being queued is alive (see `Task`).
    let prio = unsafe { &*t.0 }.prio.load(Relaxed);
    if prio != PRIO_NORMAL {
        // Priorities as on the BEAM: `:max` before `:high` before the rest, on every
        // scheduler; `:low` after normal work (and every 8th pick, so it is not starved).
        let rt = rt();
        PRIO_QUEUED.fetch_add(1, SeqCst);
        match prio {
            PRIO_MAX => rt.max_q.push(t),
            PRIO_HIGH => rt.high_q.push(t),
            _ => rt.low_q.push(t),
        }
        wake_one();
        return;
    }
    // On a scheduler, the local queue; a sleeping scheduler is woken only when this one
    // has more than the next process to run (a woken receiver runs here soon, and waking
    // another core for it costs more than the message).
    let spare = LOCAL.with(|l| match &*l.borrow() {
        Some(w) => {
            w.push(t);
            Some(w.len() > 1)
        }
        None => None,
    });
    match spare {
        Some(false) => return,
        Some(true) => {}
        None => rt().injector.push(t),
    }
    wake_one();
}

/// Wakes a parked scheduler, if one sleeps.
fn wake_one() {
    fence(SeqCst);
    let s = &rt().sleep;
    if s.sleepers.load(SeqCst) > 0 {
        let mut g = s.state.lock().unwrap_or_else(|e| e.into_inner());
        if g.0 > g.1 {
            g.1 += 1;
            s.cv.notify_one();
        }
    }
}

/// Idle rounds after which a scheduler also steals the only process another one has
/// queued (before, it leaves it: its owner runs it as soon as the running process stops,
/// with a warm cache, and a ping-pong does not bounce between cores).
const STEAL_LONE_AFTER: u32 = 16;

fn find_task(me: usize, w: &Worker<Task>, tick: u32, idle: u32) -> Option<Task> {
    let rt = rt();
    // Most of the time no process of another priority than normal is queued: one load.
    let prio = PRIO_QUEUED.load(Relaxed) > 0;
    if prio {
        for q in [&rt.max_q, &rt.high_q] {
            if let Steal::Success(t) = q.steal() {
                PRIO_QUEUED.fetch_sub(1, SeqCst);
                return Some(t);
            }
        }
    }
    if prio && tick.is_multiple_of(8) {
        if let Steal::Success(t) = rt.low_q.steal() {
            PRIO_QUEUED.fetch_sub(1, SeqCst);
            return Some(t);
        }
    }
    // Now and then the global queue first, so that processes woken by the timer thread
    // are not starved by busy local ones.
    if tick.is_multiple_of(31) {
        if let Steal::Success(t) = rt.injector.steal_batch_and_pop(w) {
            return Some(t);
        }
    }
    if let Some(t) = w.pop() {
        return Some(t);
    }
    loop {
        let mut retry = false;
        match rt.injector.steal_batch_and_pop(w) {
            Steal::Success(t) => return Some(t),
            Steal::Retry => retry = true,
            Steal::Empty => {}
        }
        if let Some(stealers) = rt.stealers.get() {
            let n = stealers.len();
            for k in 1..n {
                let victim = &stealers[(me + k) % n];
                if victim.len() < 2 && idle < STEAL_LONE_AFTER {
                    continue;
                }
                match victim.steal_batch_and_pop(w) {
                    Steal::Success(t) => return Some(t),
                    Steal::Retry => retry = true,
                    Steal::Empty => {}
                }
            }
        }
        if !retry {
            return match rt.low_q.steal() {
                Steal::Success(t) => {
                    PRIO_QUEUED.fetch_sub(1, SeqCst);
                    Some(t)
                }
                _ => None,
            };
        }
    }
}

fn any_work() -> bool {
    let rt = rt();
    !rt.injector.is_empty()
        || !rt.max_q.is_empty()
        || !rt.high_q.is_empty()
        || !rt.low_q.is_empty()
        || rt
            .stealers
            .get()
            .is_some_and(|s| s.iter().any(|s| !s.is_empty()))
}

/// Processes that exited since memory was last handed back to the OS.
static EXITS_SINCE_TRIM: AtomicUsize = AtomicUsize::new(0);
/// Bumped when enough processes exited: each scheduler then releases its memory once.
static TRIM_EPOCH: AtomicUsize = AtomicUsize::new(0);
/// How to hand free memory back to the OS (the embedder's allocator; glibc's
/// `malloc_trim` when none is set).
static RELEASE: OnceLock<fn()> = OnceLock::new();

thread_local! {
    /// The `TRIM_EPOCH` this thread last released memory for.
    static TRIMMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Sets how idle schedulers hand free memory back to the OS after many processes exited
/// (the `vm` binary sets mimalloc's `mi_collect`).
pub fn set_memory_release(f: fn()) {
    let _ = RELEASE.set(f);
}

/// After many processes exited, each scheduler, when idle, frees the exited processes it
/// still defers and hands free memory back to the OS, so memory comes back near where it
/// was (the allocator would keep it otherwise).
fn trim_if_due() {
    if EXITS_SINCE_TRIM.load(Relaxed) >= 10_000 {
        EXITS_SINCE_TRIM.store(0, Relaxed);
        TRIM_EPOCH.fetch_add(1, Relaxed);
    }
    let epoch_now = TRIM_EPOCH.load(Relaxed);
    if TRIMMED.with(|t| t.replace(epoch_now)) == epoch_now {
        return;
    }
    epoch::pin().flush();
    match RELEASE.get() {
        Some(f) => f(),
        #[cfg(target_os = "linux")]
        // SAFETY: malloc_trim only releases free memory.
        None => unsafe {
            libc::malloc_trim(0);
        },
        #[cfg(not(target_os = "linux"))]
        None => {}
    }
}

fn park() {
    trim_if_due();
    let s = &rt().sleep;
    let mut g = s.state.lock().unwrap_or_else(|e| e.into_inner());
    g.0 += 1;
    s.sleepers.fetch_add(1, SeqCst);
    fence(SeqCst);
    if !any_work() {
        while g.1 == 0 {
            g = s.cv.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        g.1 -= 1;
    }
    g.0 -= 1;
    s.sleepers.fetch_sub(1, SeqCst);
}

/// Rounds of looking for work (about 20 us in all) before a scheduler parks: parking and
/// waking cost a futex call each, more than a burst of spawns or messages takes.
const SPIN_ROUNDS: u32 = 64;

fn scheduler_loop(me: usize, w: Worker<Task>) {
    LOCAL.with(|l| *l.borrow_mut() = Some(w));
    STATS_SLOT.with(|s| s.set(me));
    let mut tick: u32 = 0;
    let mut idle: u32 = 0;
    loop {
        tick = tick.wrapping_add(1);
        let task = LOCAL.with(|l| {
            l.borrow()
                .as_ref()
                .and_then(|w| find_task(me, w, tick, idle))
        });
        match task {
            Some(t) => {
                idle = 0;
                run(t)
            }
            None if idle < SPIN_ROUNDS => {
                idle += 1;
                for _ in 0..32 {
                    std::hint::spin_loop();
                }
                if idle.is_multiple_of(8) {
                    std::thread::yield_now();
                }
            }
            None => {
                idle = 0;
                park()
            }
        }
    }
}

/// Runs a process for one slice.
fn run(t: Task) {
    // SAFETY: a queued process is alive and ours now (see `Task`).
    let proc = unsafe { &*t.0 };
    // Nobody waits on RUNNING (senders only move a process out of WAITING), and the
    // queue we popped it from ordered everything before.
    proc.state.store(RUNNING, Release);
    // SAFETY: RUNNING: this scheduler owns the private part.
    let p = unsafe { &mut *proc.local.get() };
    p.slice_end = p.reductions + SLICE;
    let start_reds = p.reductions;
    let stats = my_stats();
    stats.switches.fetch_add(1, Relaxed);
    loop {
        if let Err(reason) = drain(p) {
            return exit(proc, p, reason, None);
        }
        if p.gc_requested {
            // Asked by another process; here every frame is known (the process stopped).
            collect_requested(p);
        }
        let stop = if p.hibernated && p.mailbox.queue.is_empty() {
            // Hibernated: only a message wakes it (the signals above were handled).
            Stop::Wait
        } else {
            p.hibernated = false;
            interp::resume(p)
        };
        if let Some(reason) = p.exit_now.take() {
            return exit(proc, p, reason, None);
        }
        let max = p.max_heap_size;
        if max.size > 0 && p.heap.total_heap_size() > max.size {
            if max.error_logger && !quiet() {
                crate::natives::flush_stdout();
                eprintln!(
                    "\n[error] Process {} passed max_heap_size: its heap is {} words, the limit {}",
                    crate::inspect::inspect(p.pid, &crate::inspect::InspectOpts::default()),
                    p.heap.total_heap_size(),
                    max.size
                );
            }
            if max.kill {
                return exit(proc, p, atom_term("killed"), None);
            }
        }
        let hibernating = p.hibernate.is_some() && !matches!(stop, Stop::Raised(_) | Stop::Exit(_));
        match stop {
            _ if hibernating => {
                note_slice(proc, p, start_reds);
                if let Some(h) = p.hibernate.take() {
                    hibernate(p, *h);
                }
                if !p.mailbox.queue.is_empty() {
                    // A message is there already: wake up at once.
                    continue;
                }
            }
            Stop::Yield if p.gc_requested => {
                collect_requested(p);
                p.slice_end = p.reductions + SLICE / 2;
                continue;
            }
            Stop::Yield => {
                note_slice(proc, p, start_reds);
                proc.state.store(RUNNABLE, SeqCst);
                enqueue(t);
                return;
            }
            Stop::Wait => {}
            Stop::Done(_) => return exit(proc, p, Term::atom(atom::NORMAL), None),
            Stop::Exit(reason) => return exit(proc, p, reason, None),
            Stop::Raised(u) => {
                let reason = interp::exit_reason(p, &u);
                return exit(proc, p, reason, Some(u));
            }
        }
        // Waiting: the handshake (see the module doc).
        if !hibernating {
            note_slice(proc, p, start_reds);
        }
        if !inbox::wait(&proc.state, &proc.inbox) {
            // It waits; the next signal (or one that came already) queues it.
            return;
        }
        if p.reductions >= p.slice_end {
            proc.state.store(RUNNABLE, SeqCst);
            enqueue(t);
            return;
        }
    }
}

/// The collection `:erlang.garbage_collect/0,1` asked for, then the answers to the
/// processes that wait for it.
fn collect_requested(p: &mut Process) {
    p.gc_requested = false;
    interp::collect_now(p);
    answer_gc_waiters(p, Term::TRUE);
}

/// `{ref, answer}` to each process waiting for this one's collection.
fn answer_gc_waiters(p: &mut Process, answer: Term) {
    for (from, r) in std::mem::take(&mut p.gc_waiters) {
        let reply = p.heap.tuple(&[r, answer]);
        let _ = signal(from, Signal::Message(Msg::copy(reply)));
    }
}

fn note_slice(proc: &Proc, p: &Process, start_reds: u64) {
    proc.mem
        .store(crate::natives::process::process_memory(p), Relaxed);
    my_stats()
        .reductions
        .fetch_add(p.reductions - start_reds, Relaxed);
}

/// Records the memory of the running process now (before a whole-system query).
pub fn note_memory(p: &Process) {
    if let Some(proc) = unsafe { p.proc.as_ref() } {
        proc.mem
            .store(crate::natives::process::process_memory(p), Relaxed);
    }
}

/// The bytes of every process as of its last slice.
pub fn process_memory_total() -> usize {
    let rt = rt();
    let guard = epoch::pin();
    let mut total = 0;
    for i in 0..rt.table.slots_in_use() {
        if let Some(slot) = rt.table.slot(i) {
            let p = slot.load(Acquire);
            if !p.is_null() && p != reserved() {
                // SAFETY: as in `Table::lookup`.
                total += unsafe { &*p }.mem.load(Relaxed);
            }
        }
    }
    drop(guard);
    total
}

/// Reductions of all processes (finished slices) plus the running one's.
pub fn total_reductions(p: &Process) -> u64 {
    STATS.get().map_or(0, |all| {
        all.iter().map(|s| s.reductions.load(Relaxed)).sum::<u64>()
    }) + p.reductions
}

/// Processes waiting in run queues.
pub fn run_queue_len() -> usize {
    let rt = rt();
    rt.injector.len()
        + rt.max_q.len()
        + rt.high_q.len()
        + rt.low_q.len()
        + rt.stealers
            .get()
            .map_or(0, |s| s.iter().map(Stealer::len).sum())
}

/// Slices run so far.
pub fn context_switches() -> u64 {
    STATS.get().map_or(0, |all| {
        all.iter().map(|s| s.switches.load(Relaxed)).sum::<u64>()
    })
}

/// [`drain`] from inside a BIF (`message_queue_len`, `demonitor(ref, [:flush])`): an exit
/// signal found there ends the process at the next safepoint instead of being lost.
pub fn drain_in_bif(p: &mut Process) {
    if let Err(reason) = drain(p) {
        p.exit_now = Some(reason);
        p.slice_end = 0;
    }
}

/// Drops the stack, shrinks the heap to its live data and arranges for `m.f(args)` to run
/// when a message comes (`:erlang.hibernate/3`).
fn hibernate(p: &mut Process, [m, f, args]: [Term; 3]) {
    let mut argv = Vec::new();
    let mut l = args;
    while let Some((h, t)) = l.cons() {
        argv.push(h);
        l = t;
    }
    p.stack.clear();
    p.frames.clear();
    p.exc = [Term::NIL; 3];
    p.stack.shrink_to_fit();
    p.frames.shrink_to_fit();
    let (m, f) = (
        m.as_atom().unwrap_or(atom::NIL),
        f.as_atom().unwrap_or(atom::NIL),
    );
    p.hibernated = true;
    interp::hibernate_into(p, m, f, argv);
}

/// Takes the signals waiting in the process's inbox and acts on them: messages join the
/// mailbox; exit signals may end the process (`Err(reason)`).
pub fn drain(p: &mut Process) -> Result<(), Term> {
    // SAFETY: set by `spawn` to the record that owns this process; it outlives it.
    let Some(proc) = (unsafe { p.proc.as_ref() }) else {
        return Ok(());
    };
    if proc.inbox.is_empty() && p.signal_buf.is_empty() {
        return Ok(());
    }
    let mut sigs = std::mem::take(&mut p.signal_buf);
    proc.inbox.take_into(&mut sigs);
    let mut it = sigs.drain(..);
    while let Some(sig) = it.next() {
        if let Err(reason) = handle(p, sig) {
            // The process ends: the signals after the fatal one are left for `exit`
            // (a monitor taken in the same batch still gets its `:DOWN`).
            let rest: Vec<Signal> = it.collect();
            p.signal_buf = rest;
            return Err(reason);
        }
    }
    drop(it);
    p.signal_buf = sigs;
    Ok(())
}

fn handle(p: &mut Process, sig: Signal) -> Result<(), Term> {
    match sig {
        Signal::Message(m) => {
            let t = m.into_heap(&mut p.heap);
            p.mailbox.queue.push_back(t);
        }
        Signal::Exit { from, reason, link } => {
            let reason = reason.into_heap(&mut p.heap);
            if link {
                let Some(i) = p.links.iter().position(|l| l.is(from)) else {
                    // Unlinked since: the BEAM drops it.
                    return Ok(());
                };
                p.links.swap_remove(i);
            }
            let kill = reason.is(atom_term("kill"));
            if kill && !link {
                return Err(atom_term("killed"));
            }
            if p.trap_exit {
                let msg = p.heap.tuple(&[atom_term("EXIT"), from, reason]);
                p.mailbox.queue.push_back(msg);
                return Ok(());
            }
            if reason.is(Term::atom(atom::NORMAL)) && !from.is(p.pid) {
                return Ok(());
            }
            return Err(reason);
        }
        Signal::Link { from } => {
            if !p.links.iter().any(|l| l.is(from)) {
                p.links.push(from);
            }
        }
        Signal::Unlink { from } => p.links.retain(|l| !l.is(from)),
        Signal::Down { r, msg } => {
            let Some(i) = p.monitors.iter().position(|(x, _)| x.is(r)) else {
                return Ok(());
            };
            p.monitors.swap_remove(i);
            p.aliases.retain(|a| !a.is(r));
            let t = msg.into_heap(&mut p.heap);
            p.mailbox.queue.push_back(t);
        }
        Signal::AliasMessage { r, msg } => {
            if p.aliases.iter().any(|a| a.is(r)) {
                let t = msg.into_heap(&mut p.heap);
                p.mailbox.queue.push_back(t);
            }
        }
        Signal::Timeout(id) => {
            if p.wait_timer.is_some_and(|(_, t)| t == id) {
                p.wait_timer = None;
                p.timed_out = true;
            }
        }
        Signal::Request(f) => f(p),
    }
    Ok(())
}

fn atom_term(name: &str) -> Term {
    Term::atom(Atom::intern(name).unwrap_or(atom::NIL))
}

/// Sends a signal to the process `pid`; gives it back if there is no such process.
pub fn signal(pid: Term, sig: Signal) -> Result<(), Signal> {
    let guard = epoch::pin();
    let Some(proc) = rt().table.lookup(pid, &guard) else {
        return Err(sig);
    };
    // Links and monitors only change what the process's exit will do: a waiting process
    // need not run for them (it takes them, in order, with its next signal). A call to a
    // GenServer monitors and demonitors the server: waking it for each would triple its
    // wake-ups.
    if matches!(sig, Signal::Link { .. } | Signal::Unlink { .. }) {
        return proc.inbox.push(sig);
    }
    push_and_wake(proc, sig)
}

/// Makes `from` a watcher of `target` under reference `r`: false when `target` is gone
/// (the caller then sends itself the `:noproc` DOWN). The watcher writes the target's
/// list itself, under the list's lock: no signal, so the target need not run for it, and
/// a message sent right after finds the target's inbox empty (the direct delivery). Were
/// it a signal, it would be taken before the target's next signal anyway; the target's
/// exit closes the list under the same lock, so every monitor either gets the exit's DOWN
/// or `:noproc`.
pub fn add_monitor(target: Term, from: Term, r: Term) -> bool {
    let guard = epoch::pin();
    let Some(proc) = rt().table.lookup(target, &guard) else {
        return false;
    };
    proc.watchers
        .with(false, |w| {
            w.get_or_insert_with(Default::default).push((r, from))
        })
        .is_some()
}

/// Removes the monitor `r` from `target`'s list (a no-op if it is gone or fired).
pub fn remove_monitor(target: Term, r: Term) {
    let guard = epoch::pin();
    if let Some(proc) = rt().table.lookup(target, &guard) {
        proc.watchers.with(false, |w| {
            if let Some(w) = w {
                if let Some(i) = w.iter().position(|(x, _)| x.is(r)) {
                    w.remove(i);
                }
            }
        });
    }
}

/// The processes monitoring `p`, oldest first.
pub fn monitored_by(p: &Process) -> Vec<Term> {
    // SAFETY: set by `spawn` to the record that owns this process.
    let Some(proc) = (unsafe { p.proc.as_ref() }) else {
        return Vec::new();
    };
    proc.watchers
        .with(false, |w| {
            w.iter()
                .flat_map(|l| l.iter())
                .map(|&(_, watcher)| watcher)
                .collect()
        })
        .unwrap_or_default()
}

/// Pushes a signal to a process's inbox and queues the process if it was waiting.
fn push_and_wake(proc: &Proc, sig: Signal) -> Result<(), Signal> {
    proc.inbox.push(sig)?;
    if inbox::wake(&proc.state) {
        enqueue(Task(proc));
    }
    Ok(())
}

/// Sends `msg` from `p` to the process `to` (a no-op if it is gone). A message to oneself
/// joins the mailbox without a copy.
pub fn send(p: &mut Process, to: Term, msg: Term) {
    deliver(p, to, msg, None);
}

/// Sends `msg` to `to` through its alias `r`: it arrives only while `r` is one of the
/// receiver's aliases (how `GenServer.reply/2` answers a call).
pub fn send_alias(p: &mut Process, to: Term, r: Term, msg: Term) {
    deliver(p, to, msg, Some(r));
}

/// [`send`], and [`send_alias`] when `alias` is given.
#[inline(always)]
fn deliver(p: &mut Process, to: Term, msg: Term, alias: Option<Term>) {
    let takes = |q: &Process| alias.is_none_or(|r| q.aliases.iter().any(|a| a.is(r)));
    if to.is(p.pid) {
        if takes(p) {
            p.mailbox.queue.push_back(msg);
        }
        return;
    }
    let guard = epoch::pin();
    let Some(proc) = rt().table.lookup(to, &guard) else {
        return;
    };
    // A waiting process whose inbox is empty takes the message straight into its heap
    // and mailbox, as the BEAM does when it gets the receiver's lock: no fragment, no
    // inbox node. `DELIVERING` keeps everyone else out (no scheduler can pop a process
    // that is not queued, and senders that find it so fall back to its inbox). An empty
    // inbox means no earlier signal of ours is still in flight, so order is kept. The
    // receiver's aliases can be read then: this thread owns it.
    if inbox::try_deliver(&proc.state, &proc.inbox) {
        // SAFETY: DELIVERING: this thread owns the private part until `delivered`.
        let q = unsafe { &mut *proc.local.get() };
        if takes(q) {
            let t = crate::heap::copy_into(&mut q.heap, msg);
            q.mailbox.queue.push_back(t);
        }
        inbox::delivered(&proc.state);
        enqueue(Task(proc));
        return;
    }
    let msg = Msg::copy(msg);
    let sig = match alias {
        None => Signal::Message(msg),
        Some(r) => Signal::AliasMessage { r, msg },
    };
    let _ = push_and_wake(proc, sig);
}

/// The pid registered under `name`.
pub fn whereis(name: Atom) -> Option<Term> {
    rt().names
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&name)
        .copied()
}

/// Registers `pid` under `name`: false if the name is taken or the process has a name
/// or is gone.
pub fn register(name: Atom, pid: Term) -> bool {
    let mut names = rt().names.write().unwrap_or_else(|e| e.into_inner());
    if names.contains_key(&name) || names.values().any(|p| p.is(pid)) {
        return false;
    }
    let guard = epoch::pin();
    let Some(proc) = rt().table.lookup(pid, &guard) else {
        return false;
    };
    // Flag first, then check that it has not exited: an exit that started meanwhile
    // either sees the flag (and waits for this lock to remove the name) or is seen here.
    proc.named.store(true, SeqCst);
    fence(SeqCst);
    if proc.state.load(SeqCst) == EXITED {
        return false;
    }
    names.insert(name, pid);
    true
}

/// Removes the name; false if it was not registered.
pub fn unregister(name: Atom) -> bool {
    let mut names = rt().names.write().unwrap_or_else(|e| e.into_inner());
    names.remove(&name).is_some()
}

/// Every registered name.
pub fn registered() -> Vec<Atom> {
    let names = rt().names.read().unwrap_or_else(|e| e.into_inner());
    let mut v: Vec<Atom> = names.keys().copied().collect();
    v.sort_by_key(|a| a.index());
    v
}

/// The name `pid` is registered under.
pub fn name_of(pid: Term) -> Option<Atom> {
    let names = rt().names.read().unwrap_or_else(|e| e.into_inner());
    names.iter().find(|(_, p)| p.is(pid)).map(|(n, _)| *n)
}

/// True while `pid` is a live process.
pub fn alive(pid: Term) -> bool {
    let guard = epoch::pin();
    rt().table
        .lookup(pid, &guard)
        .is_some_and(|p| p.state.load(Acquire) != EXITED)
}

/// Every live pid.
pub fn pids() -> Vec<Term> {
    rt().table.pids()
}

/// How a new process starts.
pub enum Start {
    /// `fun.()` (a fun of arity 0, already on the child's heap).
    Fun(Term),
    /// `apply(m, f, args)` (args on the child's heap).
    Mfa(Atom, Atom, Vec<Term>),
}

/// Options of a spawn.
#[derive(Default)]
pub struct SpawnOpts {
    /// Link the child to the parent.
    pub link: bool,
    /// Monitor the child: the reference.
    pub monitor: Option<Term>,
    /// Heap settings.
    pub heap: Option<HeapConfig>,
    /// `priority`.
    pub priority: Option<Atom>,
    /// `max_heap_size`.
    pub max_heap_size: crate::process::MaxHeap,
}

/// Spawns a process running `start`, whose terms `init` copies onto the child's heap.
/// Returns its pid, or `None` at the process limit.
pub fn spawn(
    parent: Option<&mut Process>,
    opts: SpawnOpts,
    init: impl FnOnce(&mut Process) -> Start,
) -> Option<Term> {
    start();
    let rt = rt();
    let payload = rt.table.reserve()?;
    let pid = Term::pid(payload);
    // The first young block is small unless `min_heap_size` was asked for (see
    // `Heap::with_young`); `min_heap_size` still rules from the first collection on.
    let default_min = DEFAULT_MIN_HEAP.load(Relaxed);
    let heap = match opts.heap {
        Some(c) if c.min_heap_size != HeapConfig::default().min_heap_size => Heap::new(c),
        None if default_min != 0 => Heap::new(HeapConfig {
            min_heap_size: default_min,
            ..HeapConfig::default()
        }),
        c => Heap::with_young(c.unwrap_or_default(), INITIAL_YOUNG_WORDS),
    };
    let mut child = Process::with_heap(heap);
    child.pid = pid;
    if let Some(pr) = opts.priority {
        child.priority = pr;
    }
    child.max_heap_size = opts.max_heap_size;
    let default_max = DEFAULT_MAX_HEAP.load(Relaxed);
    if child.max_heap_size.size == 0 && default_max != 0 {
        child.max_heap_size.size = default_max;
    }
    let how = init(&mut child);
    match how {
        Start::Fun(f) => interp::start_fun(&mut child, f),
        Start::Mfa(m, f, args) => interp::start_mfa(&mut child, m, f, &args),
    }
    let mut watchers = Vec::new();
    if let Some(parent) = parent {
        child.group_leader = parent.group_leader;
        if opts.link {
            child.links.push(parent.pid);
            parent.links.push(pid);
        }
        if let Some(r) = opts.monitor {
            watchers.push((r, parent.pid));
            parent.monitors.push((r, pid));
        }
    }
    let proc = Box::into_raw(Box::new(Proc {
        pid,
        state: AtomicU8::new(RUNNABLE),
        inbox: Inbox::new(),
        mem: AtomicUsize::new(0),
        prio: AtomicU8::new(prio_of(child.priority)),
        named: std::sync::atomic::AtomicBool::new(false),
        watchers: Watchers::new(watchers),
        local: UnsafeCell::new(child),
    }));
    // SAFETY: just made; the process is not visible to anyone else yet.
    unsafe { (*(*proc).local.get()).proc = proc };
    if let Some(slot) = rt.table.slot((payload & INDEX_MASK) as usize) {
        slot.store(proc, Release);
    }
    enqueue(Task(proc));
    Some(pid)
}

/// Ends the process: it leaves the table, its name is freed, linked processes get an
/// exit signal, monitors fire, and its memory goes once no thread can see it.
fn exit(proc: &Proc, p: &mut Process, reason: Term, raised: Option<Uncaught>) {
    let rt = rt();
    let pid = p.pid;
    proc.state.store(EXITED, SeqCst);
    EXITS_SINCE_TRIM.fetch_add(1, Relaxed);
    rt.table.remove(pid);
    let late = proc.inbox.close();
    if let Some(key) = p.wait_timer.take() {
        rt.timers.cancel_key(key);
    }
    fence(SeqCst);
    if proc.named.load(SeqCst) {
        let mut names = rt.names.write().unwrap_or_else(|e| e.into_inner());
        names.retain(|_, v| !v.is(pid));
    }
    for l in std::mem::take(&mut p.links) {
        let _ = signal(
            l,
            Signal::Exit {
                from: pid,
                reason: Msg::copy(reason),
                link: true,
            },
        );
    }
    let watchers = proc.watchers.with(true, Option::take).flatten();
    for (r, watcher) in watchers.map(|w| *w).unwrap_or_default() {
        down(p, watcher, r, pid, reason);
    }
    for (r, target) in std::mem::take(&mut p.monitors) {
        remove_monitor(target, r);
    }
    // Signals that came after the last look (or after the fatal one in the last batch):
    // links and monitors get `:noproc`.
    let unhandled = std::mem::take(&mut p.signal_buf);
    for sig in unhandled.into_iter().chain(late) {
        match sig {
            Signal::Link { from } => {
                let _ = signal(
                    from,
                    Signal::Exit {
                        from: pid,
                        reason: Msg::copy(atom_term("noproc")),
                        link: true,
                    },
                );
            }
            // Someone waits for the answer (`Process.info`, `garbage_collect`): it was
            // alive when asked, so it answers.
            Signal::Request(f) => f(p),
            _ => {}
        }
    }
    answer_gc_waiters(p, Term::FALSE);
    let main = {
        let mut m = rt.main.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *m {
            Some((mp, slot)) if mp.is(pid) => {
                if std::env::var_os("BEAMLET_GC_STATS").is_some() {
                    eprintln!("gc: {:?} reductions {}", p.heap.stats(), p.reductions);
                }
                *slot = Some(match raised {
                    Some(u) => {
                        // The status first: the report runs code, which may collect.
                        let clean = crate::runtime::clean_exit(&u);
                        MainExit::Raised(crate::runtime::report(p, u), clean)
                    }
                    None if reason.is(Term::atom(atom::NORMAL)) => MainExit::Returned,
                    None => MainExit::Killed(exit_message(reason)),
                });
                true
            }
            _ => false,
        }
    };
    if main {
        rt.main_cv.notify_all();
    } else if let Some(text) = raised.as_ref().and_then(|u| crash_report(p, u)) {
        crate::natives::flush_stdout();
        eprint!("{text}");
    }
    let guard = epoch::pin();
    let ptr = proc as *const Proc as *mut Proc;
    // SAFETY: the process is out of the table and its inbox is closed; it is in no run
    // queue (it was running). Threads that looked it up before hold epoch guards, so it is
    // freed after them.
    unsafe {
        guard.defer_unchecked(move || drop(Box::from_raw(ptr)));
    }
}

/// `{:DOWN, r, :process, pid, reason}` to `watcher`.
fn down(p: &mut Process, watcher: Term, r: Term, pid: Term, reason: Term) {
    let msg = p
        .heap
        .tuple(&[atom_term("DOWN"), r, atom_term("process"), pid, reason]);
    let _ = signal(
        watcher,
        Signal::Down {
            r,
            msg: Msg::copy(msg),
        },
    );
}

/// The crash report of a process that raised (errors and throws only; exits are quiet, as
/// with the BEAM's logger).
fn crash_report(p: &mut Process, u: &Uncaught) -> Option<String> {
    if u.class == crate::exception::Class::Exit || quiet() {
        return None;
    }
    let pid = crate::inspect::inspect(p.pid, &crate::inspect::InspectOpts::default());
    let body = crate::runtime::format_exception(p, *u);
    Some(format!(
        "\n[error] Process {pid} raised an exception\n{body}"
    ))
}

fn exit_message(reason: Term) -> String {
    let r = crate::inspect::inspect(reason, &crate::inspect::InspectOpts::default());
    format!("** (exit) {r}\n")
}

/// Runs `module.fun(args)` as the main process of a script and waits until it ends.
pub fn run_main(module: Atom, fun: Atom, args: Vec<Term>) -> MainExit {
    let rt = rt();
    let mut guard = rt.main.lock().unwrap_or_else(|e| e.into_inner());
    let Some(pid) = spawn(None, SpawnOpts::default(), move |_| {
        Start::Mfa(module, fun, args)
    }) else {
        return MainExit::Killed("** (SystemLimitError) a system limit has been reached\n".into());
    };
    *guard = Some((pid, None));
    loop {
        if let Some((_, Some(_))) = &*guard {
            break;
        }
        guard = rt.main_cv.wait(guard).unwrap_or_else(|e| e.into_inner());
    }
    let (_, out) = guard.take().unwrap_or((pid, Some(MainExit::Returned)));
    out.unwrap_or(MainExit::Returned)
}

/// Sends the untrappable exit signal `:kill` to `pid`.
pub fn kill(pid: Term) -> Result<(), Signal> {
    signal(
        pid,
        Signal::Exit {
            from: pid,
            reason: Msg::copy(atom_term("kill")),
            link: false,
        },
    )
}

/// The heap settings of spawns that give none: `min_heap_size` and `max_heap_size` in
/// words (0: the default; no limit).
static DEFAULT_MIN_HEAP: AtomicUsize = AtomicUsize::new(0);
static DEFAULT_MAX_HEAP: AtomicUsize = AtomicUsize::new(0);

/// Sets the heap settings of spawns that give none (the embedding API's builder).
pub fn set_default_heap(min_words: Option<usize>, max_words: Option<usize>) {
    DEFAULT_MIN_HEAP.store(min_words.unwrap_or(0), Relaxed);
    DEFAULT_MAX_HEAP.store(max_words.unwrap_or(0), Relaxed);
}

/// Kills every process (the script is over).
pub fn halt_all() {
    for pid in pids() {
        let _ = kill(pid);
    }
}

/// Starts a timer for the receive `p` waits in.
pub fn arm_receive_timer(p: &mut Process, ms: u64) {
    let id = next_ref();
    p.wait_timer = Some(rt().timers.add(
        id,
        Duration::from_millis(ms),
        timer::Action::Timeout { pid: p.pid },
    ));
}

/// Stops the receive timer of `p`, if one runs.
pub fn disarm_receive_timer(p: &mut Process) {
    if let Some(key) = p.wait_timer.take() {
        rt().timers.cancel_key(key);
    }
    p.timed_out = false;
}

/// `Process.send_after`/`:erlang.start_timer`: sends `msg` to `dest` after `ms`; the
/// timer's reference number.
pub fn send_after(dest: Term, msg: Term, ms: u64) -> u64 {
    let id = next_ref();
    rt().timers.add(
        id,
        Duration::from_millis(ms),
        timer::Action::Send {
            dest,
            msg: Msg::copy(msg),
        },
    );
    id
}

/// Like [`send_after`] with a reference number chosen by the caller.
pub fn send_after_id(id: u64, dest: Term, msg: Term, ms: u64) {
    rt().timers.add(
        id,
        Duration::from_millis(ms),
        timer::Action::Send {
            dest,
            msg: Msg::copy(msg),
        },
    );
}

/// Cancels timer `id`: milliseconds it had left.
pub fn cancel_timer(id: u64) -> Option<u64> {
    rt().timers.cancel(id).map(|d| d.as_millis() as u64)
}

/// Milliseconds timer `id` has left.
pub fn read_timer(id: u64) -> Option<u64> {
    rt().timers.read(id).map(|d| d.as_millis() as u64)
}

/// An error for the caller when a spawn hits the process limit.
pub fn limit_error() -> Raise {
    Raise::system_limit()
}
