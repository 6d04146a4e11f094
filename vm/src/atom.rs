//! The global atom table.
//!
//! Invariants:
//! - An atom is an index into one table shared by every process and scheduler. Atoms are
//!   interned (one index per name) and never freed, as on the BEAM.
//! - The table holds at most [`ATOM_LIMIT`] atoms; interning one more fails with
//!   [`AtomError::SystemLimit`] (the BEAM's `system_limit`) instead of exhausting memory.
//!   A name longer than [`MAX_ATOM_CHARS`] characters fails the same way.
//! - Reading an atom's name takes no lock: names live in chunks that are written once,
//!   under the writers' mutex, before the index is handed out.
//! - The first atoms are the predefined ones below, with fixed indices, so the VM can name
//!   them as constants (`atom::TRUE`).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// How many atoms the table holds at most: the BEAM's default (`+t 1048576`).
pub const ATOM_LIMIT: usize = 1 << 20;

/// The longest atom name, in characters, as on the BEAM (longer names are a `system_limit`).
pub const MAX_ATOM_CHARS: usize = 255;

/// Names are stored in chunks of this many entries; a chunk is allocated when its first atom
/// is interned, so an empty table costs a few kilobytes and a full one no more than the
/// names themselves plus 16 bytes each.
const CHUNK: usize = 1024;
const CHUNKS: usize = ATOM_LIMIT / CHUNK;

/// An interned atom: an index into the global table.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct Atom(u32);

/// Why an atom could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomError {
    /// The table is full or the name is longer than [`MAX_ATOM_CHARS`].
    SystemLimit,
}

impl fmt::Display for AtomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("system_limit")
    }
}

impl std::error::Error for AtomError {}

type Chunk = Box<[OnceLock<&'static str>]>;

struct Table {
    /// Name to index; only writers (interning) take this lock.
    index: Mutex<HashMap<&'static str, u32>>,
    /// Index to name, lock-free to read.
    chunks: Box<[OnceLock<Chunk>]>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table = Table {
            index: Mutex::new(HashMap::with_capacity(PREDEFINED.len() * 2)),
            chunks: (0..CHUNKS).map(|_| OnceLock::new()).collect(),
        };
        {
            let mut index = table.index.lock().unwrap_or_else(|e| e.into_inner());
            for (i, name) in PREDEFINED.iter().enumerate() {
                let i = i as u32;
                table.set_name(i, name);
                index.insert(name, i);
            }
        }
        table
    })
}

impl Table {
    fn set_name(&self, i: u32, name: &'static str) {
        let i = i as usize;
        let chunk =
            self.chunks[i / CHUNK].get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect());
        // Each index is written once, by the writer holding `index`.
        let _ = chunk[i % CHUNK].set(name);
    }
}

impl Atom {
    /// Interns `name`, returning the existing atom if there is one.
    pub fn intern(name: &str) -> Result<Atom, AtomError> {
        let table = table();
        let mut index = table.index.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&i) = index.get(name) {
            return Ok(Atom(i));
        }
        if name.chars().count() > MAX_ATOM_CHARS || index.len() >= ATOM_LIMIT {
            return Err(AtomError::SystemLimit);
        }
        let i = index.len() as u32;
        // Atoms are never freed: leaking the name gives it the 'static lifetime it has.
        let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
        table.set_name(i, name);
        index.insert(name, i);
        Ok(Atom(i))
    }

    /// The atom named `name` if it exists already (`String.to_existing_atom`).
    pub fn existing(name: &str) -> Option<Atom> {
        let table = table();
        let index = table.index.lock().unwrap_or_else(|e| e.into_inner());
        index.get(name).map(|&i| Atom(i))
    }

    /// The atom's name.
    pub fn name(self) -> &'static str {
        let i = self.0 as usize;
        table().chunks[i / CHUNK]
            .get()
            .and_then(|chunk| chunk[i % CHUNK].get())
            .copied()
            .unwrap_or("")
    }

    /// The atom's index in the table.
    pub const fn index(self) -> u32 {
        self.0
    }

    /// The atom with index `i`, if one has been interned with it.
    pub fn from_index(i: u32) -> Option<Atom> {
        // A name is set once, before the atom is handed out: no lock needed to see it.
        let i = i as usize;
        let set = table()
            .chunks
            .get(i / CHUNK)
            .and_then(OnceLock::get)
            .is_some_and(|chunk| chunk.get(i % CHUNK).is_some_and(|n| n.get().is_some()));
        set.then_some(Atom(i as u32))
    }

    /// The atom of an index read from an atom term: terms are only made from interned
    /// atoms, so it exists (no table check).
    #[inline]
    pub(crate) const fn from_term_index(i: u32) -> Atom {
        Atom(i)
    }

    /// A predefined atom; `i` must be below `PREDEFINED.len()` (checked at compile time by the
    /// constants below).
    const fn predefined(i: u32) -> Atom {
        Atom(i)
    }
}

/// How many atoms exist now (`:erlang.system_info(:atom_count)`).
pub fn count() -> usize {
    table()
        .index
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .len()
}

impl fmt::Debug for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, ":{}", self.name())
    }
}

macro_rules! predefined_atoms {
    ($($konst:ident = $name:literal,)*) => {
        const PREDEFINED: &[&str] = &[$($name,)*];
        predefined_atoms!(@consts 0u32; $($konst = $name,)*);
    };
    (@consts $i:expr; $konst:ident = $name:literal, $($rest:tt)*) => {
        #[doc = concat!("The atom `:", $name, "`.")]
        pub const $konst: Atom = Atom::predefined($i);
        predefined_atoms!(@consts $i + 1; $($rest)*);
    };
    (@consts $i:expr;) => {};
}

predefined_atoms! {
    NIL = "nil",
    TRUE = "true",
    FALSE = "false",
    OK = "ok",
    ERROR = "error",
    UNDEFINED = "undefined",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause",
    BADFUN = "badfun",
    BADARITY = "badarity",
    BADKEY = "badkey",
    BADMAP = "badmap",
    UNDEF = "undef",
    SYSTEM_LIMIT = "system_limit",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    NOPROC = "noproc",
    EXIT = "EXIT",
    DOWN = "DOWN",
    PROCESS = "process",
    THROW = "throw",
    INFINITY = "infinity",
    ELIXIR_KERNEL = "Elixir.Kernel",
    EXCEPTION = "__exception__",
    STRUCT = "__struct__",
    MESSAGE = "message",
    ERLANG = "erlang",
    APPLY = "apply",
    FLUSH = "flush",
    INFO = "info",
    ALIAS = "alias",
    DEMONITOR = "demonitor",
    EXPLICIT_UNALIAS = "explicit_unalias",
    TAG = "tag",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_have_their_names() {
        assert_eq!(TRUE.name(), "true");
        assert_eq!(NIL.name(), "nil");
        assert_eq!(MESSAGE.name(), "message");
        assert_eq!(Atom::intern("false"), Ok(FALSE));
    }

    #[test]
    fn interning_is_idempotent_and_names_round_trip() {
        let a = Atom::intern("atom_table_test_a").unwrap();
        let b = Atom::intern("atom_table_test_a").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.name(), "atom_table_test_a");
        assert_eq!(Atom::existing("atom_table_test_a"), Some(a));
        assert_eq!(Atom::existing("atom_table_test_never_made"), None);
        assert_eq!(Atom::from_index(a.index()), Some(a));
    }

    #[test]
    fn too_long_names_are_a_system_limit() {
        let ok = "é".repeat(MAX_ATOM_CHARS);
        assert!(
            Atom::intern(&ok).is_ok(),
            "255 characters (510 bytes) is allowed"
        );
        let long = "x".repeat(MAX_ATOM_CHARS + 1);
        assert_eq!(Atom::intern(&long), Err(AtomError::SystemLimit));
    }

    #[test]
    fn concurrent_interning_agrees() {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    (0..500)
                        .map(|i| Atom::intern(&format!("concurrent_{i}")).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let results: Vec<Vec<Atom>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        for r in &results[1..] {
            assert_eq!(r, &results[0]);
        }
        for (i, a) in results[0].iter().enumerate() {
            assert_eq!(a.name(), format!("concurrent_{i}"));
        }
    }
}

/// A hasher for keys made of atoms and small numbers (the BIF, native and export
/// tables, looked up on every call by name): FxHash's multiply-rotate, much cheaper than
/// SipHash for a few integer words; the keys are not attacker-chosen strings.
#[derive(Default, Clone, Copy)]
pub struct AtomKeyHasher(u64);

impl std::hash::Hasher for AtomKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A `HashMap` keyed by atoms (and small numbers) with [`AtomKeyHasher`].
pub type AtomMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<AtomKeyHasher>>;
