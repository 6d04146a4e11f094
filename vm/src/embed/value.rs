//! [`Value`]: a term owned by Rust, outside every process heap.
//!
//! Data (numbers, atoms, binaries, lists, tuples, maps) is decoded into plain Rust values;
//! pids and local references are small copyable handles; everything else (funs, ports,
//! bitstrings that are not whole bytes, terms nested deeper than [`MAX_DEPTH`]) is kept
//! whole as an [`Opaque`] term that can be sent back unchanged.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::atom::Atom;
use crate::binary;
use crate::heap::{Fragment, Heap, HeapConfig, TermAlloc};
use crate::inspect::{self, InspectOpts};
use crate::term::view::View;
use crate::term::{map, Term};

/// How deep [`Value::from_term`] decodes before it keeps the rest whole as an [`Opaque`]
/// (a term nested deeper than this would need that much Rust stack).
pub const MAX_DEPTH: usize = 1_000;

/// A process identifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pid(pub(crate) u64);

impl Pid {
    pub(crate) fn term(self) -> Term {
        Term::pid(self.0)
    }
}

impl fmt::Debug for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&inspect::inspect(self.term(), &InspectOpts::default()))
    }
}

impl fmt::Display for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// A reference made by `make_ref/0`, a monitor or a timer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref(pub(crate) u64);

impl Ref {
    /// A new reference, unique in this runtime (`make_ref/0`).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Ref {
        Ref(crate::sched::next_ref())
    }
}

impl fmt::Debug for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = Term::local_ref(self.0);
        f.write_str(&inspect::inspect(t, &InspectOpts::default()))
    }
}

/// A term kept whole: a fun, a port, a bitstring, a magic reference, or a term nested
/// too deeply to decode. It can be printed, compared and passed back to Beamlet code.
#[derive(Clone)]
pub struct Opaque(Arc<Owned>);

/// A term in its own heap fragment.
struct Owned {
    _frag: Option<Fragment>,
    term: Term,
}

// SAFETY: the term points only into the fragment that `Owned` keeps alive (or needs no
// heap); nobody writes to the fragment after the copy, and the reference counts of the
// shared binaries it holds are atomic.
unsafe impl Send for Owned {}
// SAFETY: as above: the fragment is immutable once made.
unsafe impl Sync for Owned {}

impl Opaque {
    fn of(t: Term) -> Opaque {
        let words = crate::heap::size_of(t);
        if words == 0 {
            return Opaque(Arc::new(Owned {
                _frag: None,
                term: t,
            }));
        }
        let (frag, term) = Fragment::copy_of_sized(t, words);
        Opaque(Arc::new(Owned {
            _frag: Some(frag),
            term,
        }))
    }

    fn term(&self) -> Term {
        self.0.term
    }
}

impl PartialEq for Opaque {
    fn eq(&self, other: &Opaque) -> bool {
        crate::term::order::exact_eq(self.term(), other.term())
    }
}

impl fmt::Debug for Opaque {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&inspect::inspect(self.term(), &InspectOpts::default()))
    }
}

/// A term owned by Rust. `Display` prints it as Elixir's `inspect/1` does.
///
/// ```
/// use beamlet_vm::embed::Value;
/// let v = Value::tuple([Value::atom("ok"), Value::from("hi"), Value::from(vec![1, 2])]);
/// assert_eq!(v.to_string(), r#"{:ok, "hi", [1, 2]}"#);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An integer that fits 64 bits.
    Int(i64),
    /// A larger integer.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// An atom, by name (`nil`, `true` and `false` are atoms; `Elixir.Foo` for `Foo`).
    Atom(String),
    /// A binary (Elixir strings are binaries).
    Binary(Vec<u8>),
    /// A proper list.
    List(Vec<Value>),
    /// An improper list: its items and the tail that is not `[]`.
    ImproperList(Vec<Value>, Box<Value>),
    /// A tuple.
    Tuple(Vec<Value>),
    /// A map, its pairs in Elixir's term order.
    Map(Vec<(Value, Value)>),
    /// A pid.
    Pid(Pid),
    /// A reference.
    Ref(Ref),
    /// Anything else, kept whole.
    Opaque(Opaque),
}

impl Value {
    /// The atom `name`.
    pub fn atom(name: &str) -> Value {
        Value::Atom(name.to_string())
    }

    /// `nil`.
    pub fn nil() -> Value {
        Value::atom("nil")
    }

    /// A tuple.
    pub fn tuple(items: impl IntoIterator<Item = Value>) -> Value {
        Value::Tuple(items.into_iter().collect())
    }

    /// A proper list.
    pub fn list(items: impl IntoIterator<Item = Value>) -> Value {
        Value::List(items.into_iter().collect())
    }

    /// A map.
    pub fn map(pairs: impl IntoIterator<Item = (Value, Value)>) -> Value {
        Value::Map(pairs.into_iter().collect())
    }

    /// True for the atom `name`.
    pub fn is_atom(&self, name: &str) -> bool {
        matches!(self, Value::Atom(a) if a == name)
    }

    /// The text of a binary that is valid UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Binary(b) => std::str::from_utf8(b).ok(),
            _ => None,
        }
    }

    /// The value under `key` of a map.
    pub fn get(&self, key: &Value) -> Option<&Value> {
        match self {
            Value::Map(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value under the atom key `key` of a map (a struct field, say).
    pub fn field(&self, key: &str) -> Option<&Value> {
        self.get(&Value::atom(key))
    }

    /// Decodes a term of any heap.
    pub(crate) fn from_term(t: Term) -> Value {
        Value::decode_term(t, 0)
    }

    fn decode_term(t: Term, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return Value::Opaque(Opaque::of(t));
        }
        match t.view() {
            View::Small(i) => Value::Int(i),
            View::Big { .. } => match crate::term::bignum::to_bigint(t) {
                Some(n) => match i64::try_from(&n) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::BigInt(n),
                },
                None => Value::Opaque(Opaque::of(t)),
            },
            View::Float(f) => Value::Float(f),
            View::Atom(a) => Value::Atom(a.name().to_string()),
            View::LocalRef(r) => Value::Ref(Ref(r)),
            View::Pid(p) => Value::Pid(Pid(p)),
            View::Tuple(items) => Value::Tuple(
                items
                    .iter()
                    .map(|&i| Value::decode_term(i, depth + 1))
                    .collect(),
            ),
            View::Map(m) => Value::Map(
                map::sorted_pairs(m)
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            Value::decode_term(k, depth + 1),
                            Value::decode_term(v, depth + 1),
                        )
                    })
                    .collect(),
            ),
            View::Nil => Value::List(Vec::new()),
            View::Cons(..) => {
                let mut items = Vec::new();
                let mut rest = t;
                while let Some((h, tl)) = rest.cons() {
                    items.push(Value::decode_term(h, depth + 1));
                    rest = tl;
                }
                if rest.is_nil() {
                    Value::List(items)
                } else {
                    Value::ImproperList(items, Box::new(Value::decode_term(rest, depth + 1)))
                }
            }
            View::Bits(b) => match (b.is_binary(), binary::bytes(t)) {
                (true, Some(bytes)) => Value::Binary(bytes.to_vec()),
                _ => Value::Opaque(Opaque::of(t)),
            },
            _ => Value::Opaque(Opaque::of(t)),
        }
    }

    /// Builds the term on `heap`. Fails for an atom past the atom table's limit and for a
    /// value nested deeper than twice [`MAX_DEPTH`].
    pub(crate) fn to_term<A: TermAlloc + ?Sized>(&self, heap: &mut A) -> Result<Term, String> {
        self.build(heap, 0)
    }

    fn build<A: TermAlloc + ?Sized>(&self, heap: &mut A, depth: usize) -> Result<Term, String> {
        // Twice the decoding depth: a decoded value can go back inside another.
        if depth > 2 * MAX_DEPTH && !matches!(self, Value::Opaque(_)) {
            return Err(format!(
                "a value nested deeper than {} levels",
                2 * MAX_DEPTH
            ));
        }
        let d = depth + 1;
        let mut terms = Vec::new();
        Ok(match self {
            Value::Int(i) => heap.int(*i),
            Value::BigInt(n) => heap.bigint(n),
            Value::Float(f) => heap.float(*f),
            Value::Atom(a) => Term::atom(atom_of(a)?),
            Value::Binary(b) => heap.binary(b),
            Value::List(items) | Value::Tuple(items) | Value::ImproperList(items, _) => {
                terms.reserve(items.len());
                for i in items {
                    terms.push(i.build(heap, d)?);
                }
                match self {
                    Value::Tuple(_) => heap.tuple(&terms),
                    Value::ImproperList(_, tail) => {
                        let tail = tail.build(heap, d)?;
                        heap.improper_list(&terms, tail)
                    }
                    _ => heap.list(&terms),
                }
            }
            Value::Map(pairs) => {
                let mut kv = Vec::with_capacity(pairs.len());
                for (k, v) in pairs {
                    kv.push((k.build(heap, d)?, v.build(heap, d)?));
                }
                map::from_pairs(heap, &kv)
            }
            Value::Pid(p) => p.term(),
            Value::Ref(r) => Term::local_ref(r.0),
            Value::Opaque(o) => crate::heap::copy_into(heap, o.term()),
        })
    }

    /// The term in a heap fragment of its own, ready to send.
    pub(crate) fn to_msg(&self) -> Result<crate::sched::Msg, String> {
        let mut scratch = Heap::new(HeapConfig::default());
        let t = self.to_term(&mut scratch)?;
        Ok(crate::sched::Msg::copy(t))
    }
}

fn atom_of(name: &str) -> Result<Atom, String> {
    Atom::intern(name).map_err(|e| format!("cannot make the atom {name:?}: {e}"))
}

impl fmt::Display for Value {
    /// As Elixir's `inspect/1` prints the term.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut scratch = Heap::new(HeapConfig::default());
        match self.to_term(&mut scratch) {
            Ok(t) => f.write_str(&inspect::inspect(t, &InspectOpts::default())),
            Err(e) => write!(f, "#<{e}>"),
        }
    }
}
