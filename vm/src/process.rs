//! A process: its heap and the state its code can reach. (Scheduling, mailboxes and
//! signals come with the processes issue; this is what the interpreter needs to run one
//! process.)

use crate::heap::{Heap, HeapConfig};
use crate::interp::Frame;
use crate::term::Term;

/// One lightweight process.
pub struct Process {
    /// The process heap. Terms the process holds live here (or in the literal area).
    pub heap: Heap,
    /// The register stack: one window of registers per frame.
    pub stack: Vec<Term>,
    /// Suspended callers.
    pub frames: Vec<Frame>,
    /// The exception being handled: class, reason, stack trace (GC roots).
    pub exc: [Term; 3],
    /// Reductions spent.
    pub reductions: u64,
    /// `{module, function, args, location}` of an undefined function or a failing BIF
    /// just called: the first entry of the stack trace about to be built, as on the BEAM.
    pub pending_top: Option<[Term; 4]>,
    /// The arguments and options of a call to `erlang:error/2,3` just made: the first
    /// entry of the stack trace shows them in place of the raising function's arity.
    pub pending_args: Option<[Term; 2]>,
    /// The state of `:rand`'s generator (`natives/rand.rs`), once the process draws or
    /// seeds; OTP keeps it in the process dictionary.
    pub rand: Option<[u64; 2]>,
    /// Calls until the next stress collection (the `gc-stress` feature only).
    pub stress_countdown: u64,
}

impl Process {
    /// A process with a fresh heap.
    pub fn new(config: HeapConfig) -> Process {
        Process {
            heap: Heap::new(config),
            stack: Vec::new(),
            frames: Vec::new(),
            exc: [Term::NIL; 3],
            reductions: 0,
            pending_top: None,
            pending_args: None,
            rand: None,
            stress_countdown: 0,
        }
    }
}
