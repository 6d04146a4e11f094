//! A process: its heap and the state its code can reach. (Scheduling, mailboxes and
//! signals come with the processes issue; this is what the interpreter needs to run one
//! process.)

use crate::heap::{Heap, HeapConfig};

/// One lightweight process.
pub struct Process {
    /// The process heap. Terms the process holds live here (or in the literal area).
    pub heap: Heap,
}

impl Process {
    /// A process with a fresh heap.
    pub fn new(config: HeapConfig) -> Process {
        Process {
            heap: Heap::new(config),
        }
    }
}
