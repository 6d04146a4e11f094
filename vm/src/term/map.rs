//! Maps: flat and sorted up to 32 keys, a hash array mapped trie (HAMT) above.
//!
//! Invariants:
//! - A map of at most [`FLAT_MAP_LIMIT`] keys is a `FlatMap`: keys sorted in map-key order
//!   (the term order, except that every integer sorts before every float, and keys are
//!   told apart with `===`), so it prints in Elixir's order. Above the limit it is a HAMT;
//!   a removal that brings a HAMT down to the limit makes it flat again.
//! - A HAMT node has 16 slots chosen by 4 bits of [`super::order::key_hash`] per level,
//!   and a bitmap of the used ones; a slot holds a leaf (a cons `[key | value]`) or a
//!   child node. After 16 levels the hash is used up and keys that still agree share a
//!   collision node, sorted by key. A node never holds a single leaf (it is lifted into
//!   its parent), except the head.
//! - Maps are persistent: updates copy the path to the change and share the rest.

use std::cmp::Ordering;

use super::order::{cmp_key, exact_eq, key_hash};
use super::{Kind, Term};
use crate::heap::TermAlloc;

/// The most keys a flat map holds (the BEAM's `MAP_SMALL_MAP_LIMIT`).
pub const FLAT_MAP_LIMIT: usize = 32;

const BITS_PER_LEVEL: u32 = 4;
const LEVELS: u32 = 64 / BITS_PER_LEVEL;

fn small(i: usize) -> Term {
    Term::small(i as i64).unwrap_or(Term::NIL)
}

fn flat_parts<'a>(m: Term) -> (&'a [Term], &'a [Term]) {
    let p = m.term_payload();
    let n = p.len() / 2;
    (&p[..n], &p[n..])
}

/// Number of keys.
pub fn size(m: Term) -> usize {
    match m.kind() {
        Some(Kind::FlatMap) => m.term_payload().len() / 2,
        Some(Kind::HamtHead) => m
            .term_payload()
            .first()
            .and_then(|t| t.as_small())
            .unwrap_or(0) as usize,
        _ => 0,
    }
}

/// The empty map.
pub fn empty<A: TermAlloc + ?Sized>(a: &mut A) -> Term {
    a.boxed(Kind::FlatMap, &[])
}

/// A map of `pairs`; a later pair wins over an earlier one with the same key.
pub fn from_pairs<A: TermAlloc + ?Sized>(a: &mut A, pairs: &[(Term, Term)]) -> Term {
    let mut sorted: Vec<(Term, Term)> = pairs.to_vec();
    // Stable sort keeps the input order among equal keys; keep the last of each run.
    sorted.sort_by(|x, y| cmp_key(x.0, y.0));
    let mut unique: Vec<(Term, Term)> = Vec::with_capacity(sorted.len());
    for (k, v) in sorted {
        match unique.last_mut() {
            Some(last) if exact_eq(last.0, k) => *last = (k, v),
            _ => unique.push((k, v)),
        }
    }
    if unique.len() <= FLAT_MAP_LIMIT {
        return flat_from_sorted(a, &unique);
    }
    let mut m = empty_hamt(a);
    for (k, v) in unique {
        m = put(a, m, k, v);
    }
    m
}

fn flat_from_sorted<A: TermAlloc + ?Sized>(a: &mut A, pairs: &[(Term, Term)]) -> Term {
    let n = pairs.len();
    let mut payload = Vec::with_capacity(2 * n);
    payload.extend(pairs.iter().map(|p| p.0.raw()));
    payload.extend(pairs.iter().map(|p| p.1.raw()));
    a.boxed(Kind::FlatMap, &payload)
}

fn empty_hamt<A: TermAlloc + ?Sized>(a: &mut A) -> Term {
    a.boxed(Kind::HamtHead, &[small(0).raw(), small(0).raw()])
}

/// The value under `key`.
pub fn get(m: Term, key: Term) -> Option<Term> {
    match m.kind()? {
        Kind::FlatMap => {
            let (keys, values) = flat_parts(m);
            let i = keys.binary_search_by(|k| cmp_key(*k, key)).ok()?;
            values.get(i).copied()
        }
        Kind::HamtHead => {
            let h = hash_of(key);
            let mut node = m;
            let mut level = 0;
            loop {
                match node.kind()? {
                    Kind::HamtCollision => {
                        return node
                            .term_payload()
                            .chunks(2)
                            .find_map(|kv| exact_eq(kv[0], key).then_some(kv[1]))
                    }
                    kind => {
                        let (bitmap, children) = node_parts(node, kind);
                        let bit = 1u32 << slot(h, level);
                        if bitmap & bit == 0 {
                            return None;
                        }
                        let child = children[(bitmap & (bit - 1)).count_ones() as usize];
                        if let Some((k, v)) = child.cons() {
                            return exact_eq(k, key).then_some(v);
                        }
                        node = child;
                        level += 1;
                    }
                }
            }
        }
        _ => None,
    }
}

/// The hash that places `key` in a HAMT.
#[cfg(not(test))]
#[inline]
fn hash_of(key: Term) -> u64 {
    key_hash(key)
}

/// The hash that places `key` in a HAMT; the unit tests can replace it with a weak one,
/// to reach the collision nodes that 64-bit hashes almost never make.
#[cfg(test)]
fn hash_of(key: Term) -> u64 {
    match tests::TEST_HASH.with(|h| h.get()) {
        Some(f) => f(key),
        None => key_hash(key),
    }
}

fn slot(hash: u64, level: u32) -> u32 {
    ((hash >> (BITS_PER_LEVEL * level)) & 0xF) as u32
}

/// Bitmap and children of a head or inner node.
fn node_parts<'a>(node: Term, kind: Kind) -> (u32, &'a [Term]) {
    let p = node.term_payload();
    let skip = if kind == Kind::HamtHead { 1 } else { 0 };
    let bitmap = p.get(skip).and_then(|t| t.as_small()).unwrap_or(0) as u32;
    (bitmap, p.get(skip + 1..).unwrap_or(&[]))
}

fn write_node<A: TermAlloc + ?Sized>(
    a: &mut A,
    head_size: Option<usize>,
    bitmap: u32,
    children: &[Term],
) -> Term {
    let mut payload = Vec::with_capacity(children.len() + 2);
    if let Some(n) = head_size {
        payload.push(small(n).raw());
    }
    payload.push(small(bitmap as usize).raw());
    payload.extend(children.iter().map(|c| c.raw()));
    let kind = if head_size.is_some() {
        Kind::HamtHead
    } else {
        Kind::HamtNode
    };
    a.boxed(kind, &payload)
}

/// `m` with `key` set to `value`.
pub fn put<A: TermAlloc + ?Sized>(a: &mut A, m: Term, key: Term, value: Term) -> Term {
    match m.kind() {
        Some(Kind::FlatMap) => {
            let (keys, values) = flat_parts(m);
            match keys.binary_search_by(|k| cmp_key(*k, key)) {
                Ok(i) => {
                    if values[i].is(value) {
                        return m;
                    }
                    let mut payload: Vec<u64> = m.payload().to_vec();
                    payload[keys.len() + i] = value.raw();
                    a.boxed(Kind::FlatMap, &payload)
                }
                Err(i) if keys.len() < FLAT_MAP_LIMIT => {
                    let mut pairs: Vec<(Term, Term)> =
                        keys.iter().copied().zip(values.iter().copied()).collect();
                    pairs.insert(i, (key, value));
                    flat_from_sorted(a, &pairs)
                }
                Err(_) => {
                    let mut h = empty_hamt(a);
                    for (k, v) in keys.iter().copied().zip(values.iter().copied()) {
                        h = put(a, h, k, v);
                    }
                    put(a, h, key, value)
                }
            }
        }
        Some(Kind::HamtHead) => {
            let (bitmap, children) = node_parts(m, Kind::HamtHead);
            let (bitmap, children, added) =
                insert(a, bitmap, children, key, value, hash_of(key), 0);
            write_node(a, Some(size(m) + added as usize), bitmap, &children)
        }
        _ => m,
    }
}

/// Inserts into the node with `bitmap` and `children` at `level`; returns the new node's
/// bitmap and children and whether a key was added.
fn insert<A: TermAlloc + ?Sized>(
    a: &mut A,
    bitmap: u32,
    children: &[Term],
    key: Term,
    value: Term,
    hash: u64,
    level: u32,
) -> (u32, Vec<Term>, bool) {
    let bit = 1u32 << slot(hash, level);
    let pos = (bitmap & (bit - 1)).count_ones() as usize;
    let mut out = children.to_vec();
    if bitmap & bit == 0 {
        out.insert(pos, a.cons(key, value));
        return (bitmap | bit, out, true);
    }
    let child = children[pos];
    let (new_child, added) = if let Some((k, v)) = child.cons() {
        if exact_eq(k, key) {
            (a.cons(key, value), false)
        } else {
            (
                pair_node(a, (k, v, hash_of(k)), (key, value, hash), level + 1),
                true,
            )
        }
    } else if child.kind() == Some(Kind::HamtCollision) {
        collision_put(a, child, key, value)
    } else {
        let (b, c, added) = {
            let (cb, cc) = node_parts(child, Kind::HamtNode);
            insert(a, cb, cc, key, value, hash, level + 1)
        };
        (write_node(a, None, b, &c), added)
    };
    out[pos] = new_child;
    (bitmap, out, added)
}

/// A node at `level` holding two leaves whose keys differ.
fn pair_node<A: TermAlloc + ?Sized>(
    a: &mut A,
    x: (Term, Term, u64),
    y: (Term, Term, u64),
    level: u32,
) -> Term {
    if level >= LEVELS {
        let (first, second) = if cmp_key(x.0, y.0) == Ordering::Less {
            (x, y)
        } else {
            (y, x)
        };
        return a.boxed(
            Kind::HamtCollision,
            &[first.0.raw(), first.1.raw(), second.0.raw(), second.1.raw()],
        );
    }
    let (sx, sy) = (slot(x.2, level), slot(y.2, level));
    if sx == sy {
        let child = pair_node(a, x, y, level + 1);
        return write_node(a, None, 1 << sx, &[child]);
    }
    let lx = a.cons(x.0, x.1);
    let ly = a.cons(y.0, y.1);
    let children = if sx < sy { [lx, ly] } else { [ly, lx] };
    write_node(a, None, (1 << sx) | (1 << sy), &children)
}

fn collision_put<A: TermAlloc + ?Sized>(
    a: &mut A,
    node: Term,
    key: Term,
    value: Term,
) -> (Term, bool) {
    let mut pairs: Vec<(Term, Term)> = node
        .term_payload()
        .chunks(2)
        .map(|kv| (kv[0], kv[1]))
        .collect();
    let added = match pairs.binary_search_by(|p| cmp_key(p.0, key)) {
        Ok(i) => {
            pairs[i].1 = value;
            false
        }
        Err(i) => {
            pairs.insert(i, (key, value));
            true
        }
    };
    let payload: Vec<u64> = pairs.iter().flat_map(|p| [p.0.raw(), p.1.raw()]).collect();
    (a.boxed(Kind::HamtCollision, &payload), added)
}

/// What removing a key did to a node.
enum Removed {
    NotFound,
    /// The node is gone.
    Empty,
    /// The node became a single leaf, to be lifted into the parent.
    Leaf(Term),
    /// The node's replacement.
    Node(Term),
}

/// `m` without `key`.
pub fn remove<A: TermAlloc + ?Sized>(a: &mut A, m: Term, key: Term) -> Term {
    match m.kind() {
        Some(Kind::FlatMap) => {
            let (keys, values) = flat_parts(m);
            match keys.binary_search_by(|k| cmp_key(*k, key)) {
                Ok(i) => {
                    let pairs: Vec<(Term, Term)> = keys
                        .iter()
                        .copied()
                        .zip(values.iter().copied())
                        .enumerate()
                        .filter_map(|(j, p)| (j != i).then_some(p))
                        .collect();
                    flat_from_sorted(a, &pairs)
                }
                Err(_) => m,
            }
        }
        Some(Kind::HamtHead) => {
            if get(m, key).is_none() {
                return m;
            }
            let n = size(m) - 1;
            if n <= FLAT_MAP_LIMIT {
                let pairs: Vec<(Term, Term)> =
                    iter(m).filter(|(k, _)| !exact_eq(*k, key)).collect();
                return from_pairs(a, &pairs);
            }
            let (bitmap, children) = node_parts(m, Kind::HamtHead);
            match remove_in(a, bitmap, children, key, hash_of(key), 0) {
                (b, Some(c)) => write_node(a, Some(n), b, &c),
                (_, None) => m,
            }
        }
        _ => m,
    }
}

/// Removes from the node's children; `None` when the key is absent.
fn remove_in<A: TermAlloc + ?Sized>(
    a: &mut A,
    bitmap: u32,
    children: &[Term],
    key: Term,
    hash: u64,
    level: u32,
) -> (u32, Option<Vec<Term>>) {
    let bit = 1u32 << slot(hash, level);
    if bitmap & bit == 0 {
        return (bitmap, None);
    }
    let pos = (bitmap & (bit - 1)).count_ones() as usize;
    let child = children[pos];
    let result = if let Some((k, _)) = child.cons() {
        if exact_eq(k, key) {
            Removed::Empty
        } else {
            Removed::NotFound
        }
    } else if child.kind() == Some(Kind::HamtCollision) {
        let pairs: Vec<(Term, Term)> = child
            .term_payload()
            .chunks(2)
            .map(|kv| (kv[0], kv[1]))
            .collect();
        let rest: Vec<(Term, Term)> = pairs
            .iter()
            .copied()
            .filter(|p| !exact_eq(p.0, key))
            .collect();
        if rest.len() == pairs.len() {
            Removed::NotFound
        } else if rest.len() == 1 {
            Removed::Leaf(a.cons(rest[0].0, rest[0].1))
        } else {
            let payload: Vec<u64> = rest.iter().flat_map(|p| [p.0.raw(), p.1.raw()]).collect();
            Removed::Node(a.boxed(Kind::HamtCollision, &payload))
        }
    } else {
        let (cb, cc) = node_parts(child, Kind::HamtNode);
        match remove_in(a, cb, cc, key, hash, level + 1) {
            (_, None) => Removed::NotFound,
            (0, Some(_)) => Removed::Empty,
            (b, Some(c)) if c.len() == 1 && c[0].is_cons() && b.count_ones() == 1 => {
                Removed::Leaf(c[0])
            }
            (b, Some(c)) => Removed::Node(write_node(a, None, b, &c)),
        }
    };
    let mut out = children.to_vec();
    match result {
        Removed::NotFound => (bitmap, None),
        Removed::Empty => {
            out.remove(pos);
            (bitmap & !bit, Some(out))
        }
        Removed::Leaf(t) | Removed::Node(t) => {
            out[pos] = t;
            (bitmap, Some(out))
        }
    }
}

/// The key-value pairs: in key order for a flat map, in hash order for a HAMT.
pub fn iter<'a>(m: Term) -> MapIter<'a> {
    let mut it = MapIter {
        flat: None,
        stack: Vec::new(),
        pending: Vec::new(),
    };
    match m.kind() {
        Some(Kind::FlatMap) => it.flat = Some((flat_parts(m), 0)),
        Some(Kind::HamtHead) => it.stack.push((node_parts(m, Kind::HamtHead).1, 0)),
        _ => {}
    }
    it
}

/// The pairs sorted in map-key order (what comparison and printing of big maps need).
pub fn sorted_pairs(m: Term) -> Vec<(Term, Term)> {
    let mut v: Vec<(Term, Term)> = iter(m).collect();
    if m.kind() == Some(Kind::HamtHead) {
        v.sort_by(|x, y| cmp_key(x.0, y.0));
    }
    v
}

/// The keys and the values of a flat map.
type FlatParts<'a> = (&'a [Term], &'a [Term]);

/// Iterator over a map's pairs.
pub struct MapIter<'a> {
    flat: Option<(FlatParts<'a>, usize)>,
    stack: Vec<(&'a [Term], usize)>,
    /// Pairs of a collision node still to yield, last first.
    pending: Vec<(Term, Term)>,
}

impl Iterator for MapIter<'_> {
    type Item = (Term, Term);

    fn next(&mut self) -> Option<(Term, Term)> {
        if let Some(((keys, values), i)) = &mut self.flat {
            let item = keys.get(*i).copied().zip(values.get(*i).copied());
            *i += 1;
            return item;
        }
        if let Some(kv) = self.pending.pop() {
            return Some(kv);
        }
        loop {
            let (items, i) = self.stack.last_mut()?;
            let Some(&t) = items.get(*i) else {
                self.stack.pop();
                continue;
            };
            *i += 1;
            if let Some(kv) = t.cons() {
                return Some(kv);
            }
            match t.kind() {
                Some(Kind::HamtCollision) => {
                    self.pending = t
                        .term_payload()
                        .chunks(2)
                        .rev()
                        .map(|kv| (kv[0], kv[1]))
                        .collect();
                    if let Some(kv) = self.pending.pop() {
                        return Some(kv);
                    }
                }
                _ => self.stack.push((node_parts(t, Kind::HamtNode).1, 0)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::collections::BTreeMap;

    use super::*;
    use crate::heap::Heap;

    /// A hash function for keys.
    type HashFn = fn(Term) -> u64;

    thread_local! {
        /// A replacement for `key_hash` in this thread's maps.
        pub(super) static TEST_HASH: Cell<Option<HashFn>> = const { Cell::new(None) };
    }

    fn int(t: Term) -> i64 {
        t.as_small().expect("small")
    }

    fn key(i: i64) -> Term {
        Term::small(i).expect("small")
    }

    /// Checks the structure below a head or inner node at `level`: bitmaps match the
    /// children, every leaf and collision lies on its keys' hash path, collision nodes
    /// appear only once the hash is used up, hold keys with one hash in key order, and no
    /// inner node holds a single leaf. Returns the number of keys.
    fn check_node(node: Term, kind: Kind, level: u32, path: u64) -> usize {
        let (bitmap, children) = node_parts(node, kind);
        assert_eq!(
            bitmap.count_ones() as usize,
            children.len(),
            "bitmap and children"
        );
        if kind == Kind::HamtNode {
            assert!(
                !(children.len() == 1 && children[0].is_cons()),
                "a node with a single leaf at level {level}"
            );
        }
        let mut keys = 0;
        let mut slots = (0..16u32).filter(|s| bitmap & (1 << s) != 0);
        for &child in children {
            let s = slots.next().expect("a slot per child") as u64;
            let path = path | (s << (BITS_PER_LEVEL * level));
            let mask = if level + 1 >= LEVELS {
                u64::MAX
            } else {
                (1u64 << (BITS_PER_LEVEL * (level + 1))) - 1
            };
            if let Some((k, _)) = child.cons() {
                assert_eq!(hash_of(k) & mask, path, "leaf off its hash path");
                keys += 1;
            } else if child.kind() == Some(Kind::HamtCollision) {
                assert_eq!(level + 1, LEVELS, "collision node above the last level");
                let p = child.term_payload();
                assert!(p.len() >= 4, "collision node with fewer than two keys");
                let ks: Vec<Term> = p.chunks(2).map(|kv| kv[0]).collect();
                for k in &ks {
                    assert_eq!(hash_of(*k), path, "collision key off its hash path");
                }
                assert!(ks.windows(2).all(|w| cmp_key(w[0], w[1]) == Ordering::Less));
                keys += ks.len();
            } else {
                assert_eq!(child.kind(), Some(Kind::HamtNode));
                assert!(level + 1 < LEVELS, "inner node past the last level");
                keys += check_node(child, Kind::HamtNode, level + 1, path);
            }
        }
        keys
    }

    fn check_map(m: Term, model: &BTreeMap<i64, i64>, absent: &[i64]) {
        assert_eq!(size(m), model.len());
        assert_eq!(
            m.kind() == Some(Kind::FlatMap),
            model.len() <= FLAT_MAP_LIMIT,
            "flat exactly up to the limit"
        );
        if m.kind() == Some(Kind::HamtHead) {
            assert_eq!(check_node(m, Kind::HamtHead, 0, 0), model.len());
        }
        for (&k, &v) in model {
            assert_eq!(get(m, key(k)).map(int), Some(v), "get {k}");
        }
        for &k in absent {
            if !model.contains_key(&k) {
                assert!(get(m, key(k)).is_none(), "{k} is absent");
            }
        }
        let mut seen: Vec<(i64, i64)> = iter(m).map(|(k, v)| (int(k), int(v))).collect();
        assert_eq!(seen.len(), model.len(), "iter yields each pair once");
        seen.sort();
        let expected: Vec<(i64, i64)> = model.iter().map(|(&k, &v)| (k, v)).collect();
        assert_eq!(seen, expected);
        let sorted: Vec<(i64, i64)> = sorted_pairs(m)
            .into_iter()
            .map(|(k, v)| (int(k), int(v)))
            .collect();
        assert_eq!(sorted, expected);
    }

    /// Puts and removes keys 0..n under `hash`, checking the map against a model after
    /// every step.
    fn exercise(hash: fn(Term) -> u64, n: i64) {
        TEST_HASH.with(|h| h.set(Some(hash)));
        let mut heap = Heap::default();
        let all: Vec<i64> = (0..n).collect();
        let mut m = empty(&mut heap);
        let mut model = BTreeMap::new();
        for i in 0..n {
            m = put(&mut heap, m, key(i), key(i));
            model.insert(i, i);
            check_map(m, &model, &all);
        }
        // Overwrite every key, with the same value and with a new one.
        for i in 0..n {
            m = put(&mut heap, m, key(i), key(i));
            m = put(&mut heap, m, key(i), key(-i));
            model.insert(i, -i);
        }
        check_map(m, &model, &all);
        // Remove every third key, then the rest, crossing back under the flat limit.
        for i in (0..n)
            .filter(|i| i % 3 == 1)
            .chain((0..n).filter(|i| i % 3 != 1))
        {
            let before = m;
            m = remove(&mut heap, m, key(i));
            model.remove(&i);
            check_map(m, &model, &all);
            // Removing an absent key changes nothing.
            assert!(remove(&mut heap, m, key(i)).is(m));
            assert_eq!(size(before), model.len() + 1);
        }
        // A map built in one go holds the same.
        let pairs: Vec<(Term, Term)> = (0..n).map(|i| (key(i), key(2 * i))).collect();
        let built = from_pairs(&mut heap, &pairs);
        let model: BTreeMap<i64, i64> = (0..n).map(|i| (i, 2 * i)).collect();
        check_map(built, &model, &all);
        TEST_HASH.with(|h| h.set(None));
    }

    #[test]
    fn pair_node_past_the_last_level_is_a_sorted_collision_node() {
        let mut heap = Heap::default();
        let h = 0x0123_4567_89AB_CDEF;
        let n = pair_node(
            &mut heap,
            (key(9), key(90), h),
            (key(3), key(30), h),
            LEVELS,
        );
        assert_eq!(n.kind(), Some(Kind::HamtCollision));
        let p: Vec<i64> = n.term_payload().iter().map(|t| int(*t)).collect();
        assert_eq!(p, [3, 30, 9, 90]);
        // From level 1 it is a chain of single-child nodes down to the collision node.
        let mut n = pair_node(&mut heap, (key(9), key(90), h), (key(3), key(30), h), 1);
        for level in 1..LEVELS {
            assert_eq!(n.kind(), Some(Kind::HamtNode), "level {level}");
            let (bitmap, children) = node_parts(n, Kind::HamtNode);
            assert_eq!(bitmap, 1 << slot(h, level));
            assert_eq!(children.len(), 1);
            n = children[0];
        }
        assert_eq!(n.kind(), Some(Kind::HamtCollision));
    }

    #[test]
    fn every_key_in_one_collision_node() {
        exercise(|_| 0xFEDC_BA98_7654_3210, 80);
    }

    #[test]
    fn a_few_collision_nodes_and_leaves_at_the_last_level() {
        // Hashes agree in their low 60 bits: keys part at the last level, in 5 slots.
        exercise(
            |k| ((k.as_small().unwrap_or(0) % 5) as u64) << 60 | 0x5A5,
            80,
        );
    }

    #[test]
    fn collisions_mixed_with_ordinary_paths() {
        // Some keys share a full hash, others only a prefix, others nothing.
        exercise(
            |k| {
                let i = k.as_small().unwrap_or(0) as u64;
                match i % 4 {
                    0 => 7,
                    1 => 7 | (i % 3) << 60,
                    2 => i.wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    _ => (i % 2) << 32,
                }
            },
            90,
        );
    }

    #[test]
    fn the_real_hash() {
        exercise(key_hash, 100);
    }
}
