//! A process's private state: its heap and everything its code can reach. Only the
//! scheduler running the process touches it (`sched` has the shared part and the rules).

use std::collections::VecDeque;

use crate::atom::{self, Atom};
use crate::heap::{Heap, HeapConfig};
use crate::interp::{Frame, Resume};
use crate::sched::{Proc, Signal};
use crate::term::Term;

/// The messages a process has received and not yet taken, oldest first, with the save
/// pointer of the receive in progress (docs/internals/receive.md).
#[derive(Default)]
pub struct Mailbox {
    /// The messages, on the process heap (or in fragments attached to it).
    pub queue: VecDeque<Term>,
    /// The next message the receive in progress looks at.
    pub save: usize,
    /// The reference this process made last and how many messages were queued then: a
    /// receive that needs a message holding the reference may start there.
    pub mark: Option<(Term, usize)>,
}

impl Mailbox {
    /// Takes out the message at the save pointer; the next receive starts from the oldest.
    pub fn remove_current(&mut self) {
        let i = self.save;
        self.queue.remove(i);
        self.save = 0;
        self.mark = None;
    }
}

/// The `max_heap_size` flag: past `size` words (0: no limit) the process is killed
/// (`kill`) and reported (`error_logger`).
#[derive(Clone, Copy, Debug)]
pub struct MaxHeap {
    /// Words; 0 for no limit.
    pub size: usize,
    /// Kill the process past the limit.
    pub kill: bool,
    /// Report it.
    pub error_logger: bool,
}

impl Default for MaxHeap {
    fn default() -> Self {
        MaxHeap {
            size: 0,
            kill: true,
            error_logger: true,
        }
    }
}

/// One lightweight process. `repr(C)`, with what a slice and a message delivery touch first
/// (a switch between cold processes is bound by cache misses).
#[repr(C)]
pub struct Process {
    /// Its pid (`[]` for a process outside the runtime).
    pub pid: Term,
    /// The runtime's record of this process (null outside the runtime).
    pub(crate) proc: *const Proc,
    /// Where the code continues when the process runs next.
    pub resume: Option<Resume>,
    /// Reductions spent.
    pub reductions: u64,
    /// The process yields when `reductions` reaches this.
    pub slice_end: u64,
    /// The register stack: one window of registers per frame.
    pub stack: Vec<Term>,
    /// Suspended callers.
    pub frames: Vec<Frame>,
    /// Messages.
    pub mailbox: Mailbox,
    /// The timer of the receive it waits in (its key in the timer queue).
    pub wait_timer: Option<crate::sched::timer::Key>,
    /// That timer ran out.
    pub timed_out: bool,
    /// A BIF asked the process to end (an exit signal to itself).
    pub exit_now: Option<Term>,
    /// `:erlang.hibernate(m, f, args)` was called: the scheduler hibernates it.
    pub hibernate: Option<Box<[Term; 3]>>,
    /// `:erlang.garbage_collect()` asked for a major collection at the next safepoint.
    pub gc_requested: bool,
    /// A native asks to continue in language code instead of returning (the BEAM's BIF
    /// trap): `module.function(args)` runs in its place.
    pub trap: Option<Box<(Atom, Atom, Vec<Term>)>>,
    /// The process heap. Terms the process holds live here (or in the literal area).
    pub heap: Heap,
    /// The exception being handled: class, reason, stack trace (GC roots).
    pub exc: [Term; 3],
    /// Linked processes.
    pub links: Vec<Term>,
    /// Monitors this process holds: (reference, monitored pid).
    pub monitors: Vec<(Term, Term)>,
    /// Active aliases: monitor references made with `alias: :demonitor`. A message sent
    /// to one (`:beamlet.send_alias/3`, how `GenServer.reply/2` answers a call) is dropped
    /// once the alias is gone, so a reply after a call timed out never arrives.
    pub aliases: Vec<Term>,
    /// `Process.flag(:trap_exit, _)`.
    pub trap_exit: bool,
    /// `:low`, `:normal`, `:high` or `:max`.
    pub priority: Atom,
    /// The process dictionary, in insertion order.
    pub dict: Vec<(Term, Term)>,
    /// The group leader (a pid; this process itself when it has none).
    pub group_leader: Term,
    /// `{module, function, arity}` it started in.
    pub initial_call: [Term; 3],
    /// It waits hibernated (its stack is gone).
    pub hibernated: bool,
    /// Processes waiting for that collection: (pid, reference) to answer `{ref, true}`.
    pub gc_waiters: Vec<(Term, Term)>,
    /// `max_heap_size`.
    pub max_heap_size: MaxHeap,
    /// A buffer for signals taken from the inbox (kept to save allocations).
    pub(crate) signal_buf: Vec<Signal>,
    /// `{module, function, args, location}` of an undefined function or a failing BIF
    /// just called: the first entry of the stack trace about to be built, as on the BEAM.
    pub pending_top: Option<Box<[Term; 4]>>,
    /// The arguments and options of a call to `erlang:error/2,3` just made: the first
    /// entry of the stack trace shows them in place of the raising function's arity.
    pub pending_args: Option<[Term; 2]>,
    /// The state of `:rand`'s generator (`natives/rand.rs`), once the process draws or
    /// seeds; OTP keeps it in the process dictionary.
    pub rand: Option<[u64; 2]>,
    /// Calls until the next stress collection (the `gc-stress` feature only).
    pub stress_countdown: u64,
}

// SAFETY: `proc` points at the runtime's record of this process, which outlives it.
unsafe impl Send for Process {}

impl Process {
    /// A process with a fresh heap, outside the runtime until `sched::spawn` places it.
    pub fn new(config: HeapConfig) -> Process {
        Process::with_heap(Heap::new(config))
    }

    /// A process with this heap.
    pub fn with_heap(heap: Heap) -> Process {
        Process {
            pid: Term::NIL,
            proc: std::ptr::null(),
            heap,
            stack: Vec::new(),
            frames: Vec::new(),
            resume: None,
            exc: [Term::NIL; 3],
            reductions: 0,
            slice_end: u64::MAX,
            mailbox: Mailbox::default(),
            links: Vec::new(),
            monitors: Vec::new(),
            aliases: Vec::new(),
            trap_exit: false,
            priority: Atom::intern("normal").unwrap_or(atom::NIL),
            dict: Vec::new(),
            group_leader: Term::NIL,
            initial_call: [Term::NIL; 3],
            wait_timer: None,
            timed_out: false,
            exit_now: None,
            hibernate: None,
            hibernated: false,
            gc_requested: false,
            gc_waiters: Vec::new(),
            trap: None,
            max_heap_size: MaxHeap::default(),
            signal_buf: Vec::new(),
            pending_top: None,
            pending_args: None,
            rand: None,
            stress_countdown: 0,
        }
    }

    /// True when the process stopped in a receive (it waits for a message).
    pub fn resume_is_wait(&self) -> bool {
        self.resume
            .as_ref()
            .is_some_and(crate::interp::Resume::is_wait)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_idle_process_is_small() {
        let p = super::Process::new(crate::heap::HeapConfig::default());
        eprintln!(
            "Process {} B, Heap {} B, Proc {} B",
            std::mem::size_of::<super::Process>(),
            std::mem::size_of::<crate::heap::Heap>(),
            std::mem::size_of::<crate::sched::Proc>()
        );
        drop(p);
    }
}
