//! The BIFs against real Elixir: every call in vm/tests/oracle/bifs.exs (and its .out) is
//! replayed through `bif::lookup` on terms built on a process heap, and the result or the
//! exception compared with what OTP 25 gave. Each call is replayed three times: with plain
//! binaries, with binaries that are byte-aligned windows into larger ones, and with
//! binaries that start 3 bits into their parent (unaligned sub-binaries).
//!
//! Then what an oracle file cannot hold: ten-million-element lists, deep nesting, the
//! bignum size limit, and every BIF called on every combination of odd arguments (it must
//! return or raise, never panic).

use std::borrow::Cow;

use beamlet_vm::bif::{self, BifFn};
use beamlet_vm::exception::{Class, Raise};
use beamlet_vm::process::Process;
use beamlet_vm::term::order::exact_eq;
use beamlet_vm::term::{map, View};
use beamlet_vm::{Atom, HeapConfig, Term, TermAlloc};
use num_bigint::BigInt;

fn atom(name: &str) -> Term {
    Term::atom(Atom::intern(name).expect("atom"))
}

fn process() -> Process {
    Process::new(HeapConfig::default())
}

fn find(module: &str, name: &str, arity: usize) -> BifFn {
    let m = Atom::intern(module).expect("atom");
    let f = Atom::intern(name).expect("atom");
    bif::lookup(m, f, arity).unwrap_or_else(|| panic!("no BIF {module}:{name}/{arity}"))
}

fn call(p: &mut Process, module: &str, name: &str, args: &[Term]) -> Result<Term, Raise> {
    find(module, name, args.len())(p, args)
}

// ----- the oracle's term notation ----------------------------------------------------------

/// How binaries in arguments are built.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Heap or refc binaries of exactly their bytes.
    Plain,
    /// Windows at byte offset 5 of a larger binary.
    Offset,
    /// Windows 3 bits into a larger binary.
    Unaligned,
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

/// A bitstring of `bits` bits taken from the top of `bytes`, built as `mode` says.
fn bitstring(p: &mut Process, bytes: &[u8], bits: usize, mode: Mode) -> Term {
    match mode {
        Mode::Plain => {
            let parent = p.heap.binary(bytes);
            if bits == 8 * bytes.len() {
                parent
            } else {
                p.heap.sub_binary(parent, 0, bits as u64)
            }
        }
        Mode::Offset => {
            let mut v = vec![0xAAu8; 5];
            v.extend_from_slice(bytes);
            v.extend_from_slice(&[0x55; 3]);
            let parent = p.heap.binary(&v);
            p.heap.sub_binary(parent, 40, bits as u64)
        }
        Mode::Unaligned => {
            // 3 junk bits, then the bits, then junk.
            let mut v = vec![0u8; bytes.len() + 2];
            v[0] = 0b1010_0000;
            for i in 0..bits {
                let bit = (bytes[i / 8] >> (7 - i % 8)) & 1;
                let j = i + 3;
                v[j / 8] |= bit << (7 - j % 8);
            }
            let last = bits + 3;
            if last / 8 < v.len() {
                v[last / 8] |= 0xFF >> (last % 8);
            }
            let parent = p.heap.binary(&v);
            p.heap.sub_binary(parent, 3, bits as u64)
        }
    }
}

struct Parser<'a> {
    tokens: std::iter::Peekable<std::str::SplitWhitespace<'a>>,
    mode: Mode,
}

impl Parser<'_> {
    fn next(&mut self) -> &str {
        self.tokens.next().expect("a token")
    }

    fn term(&mut self, p: &mut Process) -> Term {
        let tok = self.next().to_string();
        let (tag, rest) = tok.split_at(1);
        match tag {
            "i" => p.heap.bigint(&rest.parse::<BigInt>().expect("integer")),
            "f" => p.heap.float(rest.parse::<f64>().expect("float")),
            ":" => atom(rest),
            "A" => atom(std::str::from_utf8(&hex(rest)).expect("utf-8")),
            "b" => {
                let bytes = hex(rest);
                bitstring(p, &bytes, 8 * bytes.len(), self.mode)
            }
            "s" => {
                let (bits, h) = rest.split_once(':').expect("bits:hex");
                bitstring(p, &hex(h), bits.parse().expect("bits"), self.mode)
            }
            "{" => {
                let n: usize = rest.parse().expect("arity");
                let elems: Vec<Term> = (0..n).map(|_| self.term(p)).collect();
                p.heap.tuple(&elems)
            }
            "[" => {
                let n: usize = rest.parse().expect("length");
                let items: Vec<Term> = (0..n).map(|_| self.term(p)).collect();
                let tail = self.term(p);
                p.heap.improper_list(&items, tail)
            }
            "]" => Term::NIL,
            "%" => {
                let n: usize = rest.parse().expect("size");
                let pairs: Vec<(Term, Term)> = (0..n)
                    .map(|_| {
                        let k = self.term(p);
                        let v = self.term(p);
                        (k, v)
                    })
                    .collect();
                map::from_pairs(&mut p.heap, &pairs)
            }
            "P" => Term::pid(1),
            "R" => Term::local_ref(1),
            "F" => {
                let arity: u8 = rest.parse().expect("arity");
                p.heap
                    .closure(Atom::intern("oracle_fun").expect("atom"), 0, arity, &[])
            }
            "x" => {
                let arity: u8 = rest.parse().expect("arity");
                let m = self.term(p).as_atom().expect("module");
                let f = self.term(p).as_atom().expect("function");
                p.heap.export(m, f, arity)
            }
            _ => panic!("unknown token {tok}"),
        }
    }
}

/// Equal as terms (`===`), and floats equal to the bit (`0.0` is not `-0.0`).
fn same(a: Term, b: Term) -> bool {
    let mut work = vec![(a, b)];
    while let Some((x, y)) = work.pop() {
        match (x.view(), y.view()) {
            (View::Float(f), View::Float(g)) => {
                if f.to_bits() != g.to_bits() {
                    return false;
                }
            }
            (View::Tuple(xs), View::Tuple(ys)) => {
                if xs.len() != ys.len() {
                    return false;
                }
                work.extend(xs.iter().copied().zip(ys.iter().copied()));
            }
            (View::Cons(h1, t1), View::Cons(h2, t2)) => {
                work.push((h1, h2));
                work.push((t1, t2));
            }
            (View::Map(m1), View::Map(m2)) => {
                let (p1, p2) = (map::sorted_pairs(m1), map::sorted_pairs(m2));
                if p1.len() != p2.len() {
                    return false;
                }
                for ((k1, v1), (k2, v2)) in p1.into_iter().zip(p2) {
                    work.push((k1, k2));
                    work.push((v1, v2));
                }
            }
            _ => {
                if !exact_eq(x, y) {
                    return false;
                }
            }
        }
    }
    true
}

fn class_name(c: Class) -> &'static str {
    match c {
        Class::Error => "error",
        Class::Exit => "exit",
        Class::Throw => "throw",
    }
}

/// Replays one oracle line; `Err` describes a mismatch.
fn replay(line: &str, mode: Mode) -> Result<(), String> {
    let mut p = process();
    let mut parser = Parser {
        tokens: line.split_whitespace().peekable(),
        mode,
    };
    let module = parser.term(&mut p).as_atom().expect("module");
    let name = parser.term(&mut p).as_atom().expect("function");
    let arity: usize = parser.next().parse().expect("arity");
    let args: Vec<Term> = (0..arity).map(|_| parser.term(&mut p)).collect();
    assert_eq!(parser.next(), "=>");
    let kind = parser.next().to_string();
    let expected = parser.term(&mut p);
    assert!(parser.tokens.peek().is_none(), "trailing tokens in {line}");
    let Some(f) = bif::lookup(module, name, arity) else {
        return Err(format!("no BIF {}:{}/{arity}", module.name(), name.name()));
    };
    let got = f(&mut p, &args);
    let ok = match (&got, kind.as_str()) {
        (Ok(t), "ok") => same(*t, expected),
        (Err(r), k) => class_name(r.class) == k && same(r.reason, expected),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        let got = match got {
            Ok(t) => format!("ok {t:?}"),
            Err(r) => format!("{} {:?}", class_name(r.class), r.reason),
        };
        Err(format!(
            "{}:{}{args:?} ({mode:?})\n  elixir: {kind} {expected:?}\n  ours:   {got}",
            module.name(),
            name.name()
        ))
    }
}

#[test]
fn every_oracle_call_agrees_with_elixir() {
    let text = include_str!("oracle/bifs.out");
    let mut wrong = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        for mode in [Mode::Plain, Mode::Offset, Mode::Unaligned] {
            count += 1;
            if let Err(e) = replay(line, mode) {
                wrong.push(e);
            }
        }
    }
    assert!(
        count > 30_000,
        "the oracle output is truncated: {count} calls"
    );
    assert!(
        wrong.is_empty(),
        "{} of {count} calls differ from Elixir; the first ones:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_table_entry_is_found_by_lookup() {
    let mut n = 0;
    for (m, f, a) in bif::all() {
        find(m, f, a as usize);
        n += 1;
    }
    assert!(n > 150, "{n} BIFs");
    let erlang = Atom::intern("erlang").unwrap();
    let plus = Atom::intern("+").unwrap();
    assert!(bif::lookup(erlang, plus, 3).is_none());
    assert!(bif::lookup(erlang, plus, 300).is_none());
    assert!(bif::lookup(Atom::intern("no_such_module").unwrap(), plus, 2).is_none());
}

// ----- sizes an oracle file cannot hold ----------------------------------------------------

const TEN_MILLION: i64 = 10_000_000;

fn int(t: Term) -> i64 {
    t.as_small().expect("a small integer")
}

#[test]
fn ten_million_element_lists() {
    let mut p = process();
    let n = Term::small(TEN_MILLION).unwrap();
    let one = Term::small(1).unwrap();
    let l = call(&mut p, "lists", "seq", &[one, n]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "length", &[l]).unwrap()),
        TEN_MILLION
    );
    let r = call(&mut p, "lists", "reverse", &[l]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "hd", &[r]).unwrap()),
        TEN_MILLION
    );
    assert_eq!(int(call(&mut p, "lists", "last", &[r]).unwrap()), 1);
    let sum = call(&mut p, "lists", "sum", &[l]).unwrap();
    assert_eq!(int(sum), TEN_MILLION * (TEN_MILLION + 1) / 2);
    assert_eq!(
        int(call(&mut p, "lists", "max", &[r]).unwrap()),
        TEN_MILLION
    );
    assert!(call(&mut p, "lists", "member", &[n, l])
        .unwrap()
        .is(Term::TRUE));
    let nth = call(&mut p, "lists", "nth", &[n, l]).unwrap();
    assert_eq!(int(nth), TEN_MILLION);
    let both = call(&mut p, "erlang", "++", &[l, r]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "length", &[both]).unwrap()),
        2 * TEN_MILLION
    );
    let sorted = call(&mut p, "lists", "sort", &[r]).unwrap();
    assert!(exact_eq(sorted, l));
    let flat = call(&mut p, "lists", "flatten", &[l]).unwrap();
    assert!(exact_eq(flat, l));
    let t = call(&mut p, "lists", "keyfind", &[one, one, l]).unwrap();
    assert!(t.is(Term::FALSE));
    let ends = p.heap.list(&[n, one, n]);
    let middle = call(&mut p, "erlang", "--", &[l, ends]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "length", &[middle]).unwrap()),
        TEN_MILLION - 2
    );
    let million = Term::small(1_000_000).unwrap();
    let m = call(&mut p, "lists", "seq", &[one, million]).unwrap();
    let m_rev = call(&mut p, "lists", "reverse", &[m]).unwrap();
    let rest = call(&mut p, "erlang", "--", &[l, m_rev]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "hd", &[rest]).unwrap()),
        1_000_001
    );
    let tuple = call(&mut p, "erlang", "list_to_tuple", &[l]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "tuple_size", &[tuple]).unwrap()),
        TEN_MILLION
    );
}

#[test]
fn long_byte_lists_and_binaries() {
    let mut p = process();
    let bytes: Vec<Term> = (0..TEN_MILLION)
        .map(|i| Term::small(i % 256).unwrap())
        .collect();
    let l = p.heap.list(&bytes);
    let b = call(&mut p, "erlang", "list_to_binary", &[l]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "byte_size", &[b]).unwrap()),
        TEN_MILLION
    );
    assert_eq!(
        int(call(&mut p, "erlang", "iolist_size", &[l]).unwrap()),
        TEN_MILLION
    );
    let back = call(&mut p, "erlang", "binary_to_list", &[b]).unwrap();
    assert!(exact_eq(back, l));
    let comma = p.heap.binary(&[255]);
    let global = p_list(&mut p, "global");
    let parts = call(&mut p, "binary", "split", &[b, comma, global]).unwrap();
    assert_eq!(
        int(call(&mut p, "erlang", "length", &[parts]).unwrap()),
        TEN_MILLION / 256 + 1
    );
}

fn p_list(p: &mut Process, opt: &str) -> Term {
    p.heap.list(&[atom(opt)])
}

#[test]
fn deep_nesting_is_walked_without_recursion() {
    let mut p = process();
    let depth = 1_000_000;
    let one = Term::small(1).unwrap();
    // [[[...[1]...]]] a million deep.
    let mut deep = p.heap.list(&[one]);
    for _ in 0..depth {
        deep = p.heap.list(&[deep]);
    }
    let flat = call(&mut p, "lists", "flatten", &[deep]).unwrap();
    let just_one = p.heap.list(&[one]);
    assert!(exact_eq(flat, just_one));
    let bin = call(&mut p, "erlang", "iolist_to_binary", &[deep]).unwrap();
    assert_eq!(int(call(&mut p, "erlang", "byte_size", &[bin]).unwrap()), 1);
    assert_eq!(
        int(call(&mut p, "erlang", "iolist_size", &[deep]).unwrap()),
        1
    );
    // Deep terms compare and hash without recursion too.
    let two = p.heap.list(&[deep, deep]);
    let again = call(&mut p, "lists", "reverse", &[two]).unwrap();
    let t = call(&mut p, "lists", "sort", &[again]).unwrap();
    assert!(call(&mut p, "erlang", "=:=", &[t, again])
        .unwrap()
        .is(Term::TRUE));
    call(&mut p, "erlang", "phash2", &[deep]).unwrap();
}

fn pow2(p: &mut Process, e: u32) -> Term {
    p.heap.bigint(&(BigInt::from(1) << e))
}

fn is_system_limit(r: Result<Term, Raise>) -> bool {
    matches!(r, Err(e) if e.reason.is(atom("system_limit")))
}

#[test]
fn bignums_stop_at_the_beams_size_limit() {
    // The largest integer has 524,287 64-bit limbs: `1 bsl 33554367` is fine, one more
    // bit is a system_limit (measured on OTP 25).
    let mut p = process();
    let one = Term::small(1).unwrap();
    let minus_one = Term::small(-1).unwrap();
    let ok = Term::small(33_554_367).unwrap();
    let over = Term::small(33_554_368).unwrap();
    let big = call(&mut p, "erlang", "bsl", &[one, ok]).unwrap();
    assert!(big.is_integer());
    assert!(is_system_limit(call(&mut p, "erlang", "bsl", &[one, over])));
    assert!(call(&mut p, "erlang", "bsl", &[minus_one, ok]).is_ok());
    assert!(is_system_limit(call(
        &mut p,
        "erlang",
        "bsl",
        &[minus_one, over]
    )));
    assert!(is_system_limit(call(&mut p, "erlang", "+", &[big, big])));
    let neg = call(&mut p, "erlang", "-", &[big]).unwrap();
    assert!(is_system_limit(call(&mut p, "erlang", "-", &[neg, big])));
    let a = pow2(&mut p, 33_554_300);
    let b = pow2(&mut p, 60);
    let c = pow2(&mut p, 70);
    assert!(call(&mut p, "erlang", "*", &[a, b]).is_ok());
    assert!(is_system_limit(call(&mut p, "erlang", "*", &[a, c])));
    assert!(is_system_limit(call(&mut p, "erlang", "*", &[big, big])));
    let huge = pow2(&mut p, 64);
    assert!(is_system_limit(call(&mut p, "erlang", "bsl", &[one, huge])));
    let back = call(&mut p, "erlang", "bsr", &[big, ok]).unwrap();
    assert_eq!(int(back), 1);
}

#[test]
fn sort_and_subtract_on_larger_random_lists() {
    // The merge sort is checked against Elixir on short lists; here it must still sort
    // (against Rust's sort) long lists with many runs and duplicates, stably for `=:=`
    // elements.
    let mut p = process();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for len in [100usize, 1000, 50_000] {
        let vals: Vec<i64> = (0..len).map(|_| (next() % 1000) as i64).collect();
        let items: Vec<Term> = vals.iter().map(|&v| Term::small(v).unwrap()).collect();
        let l = p.heap.list(&items);
        let sorted = call(&mut p, "lists", "sort", &[l]).unwrap();
        let mut expect = vals.clone();
        expect.sort();
        let expect: Vec<Term> = expect.iter().map(|&v| Term::small(v).unwrap()).collect();
        let expect = p.heap.list(&expect);
        assert!(exact_eq(sorted, expect), "sorting {len} elements");
        // l -- sorted is empty; l -- [] is l.
        let none = call(&mut p, "erlang", "--", &[l, sorted]).unwrap();
        assert!(none.is_nil());
    }
}

// ----- no panics -------------------------------------------------------------------------

fn odd_terms(p: &mut Process) -> Vec<Term> {
    let small = |i: i64| Term::small(i).unwrap();
    let mut t = vec![
        small(0),
        small(1),
        small(-1),
        small(3),
        small(255),
        small(256),
        small(beamlet_vm::term::MAX_SMALL),
        small(beamlet_vm::term::MIN_SMALL),
        atom("a"),
        atom("true"),
        atom("global"),
        Term::NIL,
        Term::pid(7),
        Term::local_ref(3),
    ];
    let big = pow2(p, 100);
    t.push(big);
    let negbig = p.heap.bigint(&-(BigInt::from(1) << 64u32));
    t.push(negbig);
    t.push(p.heap.float(1.5));
    t.push(p.heap.float(-0.0));
    t.push(p.heap.float(1e300));
    t.push(p.heap.binary(b""));
    t.push(p.heap.binary(b"a,b"));
    let parent = p.heap.binary(&[0xFF, 0x0F]);
    t.push(p.heap.sub_binary(parent, 3, 9));
    let one = small(1);
    t.push(p.heap.cons(one, small(2)));
    t.push(p.heap.list(&[small(97), small(44)]));
    t.push(p.heap.tuple(&[]));
    t.push(p.heap.tuple(&[one, atom("a")]));
    let scope = p.heap.tuple(&[small(0), small(1)]);
    let sc = p.heap.tuple(&[atom("scope"), scope]);
    t.push(p.heap.list(&[sc]));
    t.push(map::from_pairs(&mut p.heap, &[(one, one)]));
    t.push(p.heap.closure(Atom::intern("m").unwrap(), 0, 1, &[]));
    t
}

#[test]
fn every_bif_on_odd_arguments_returns_or_raises() {
    let mut calls = 0u64;
    for (m, f, arity) in bif::all() {
        // A fresh process per BIF keeps each heap small.
        let mut p = process();
        let pool = odd_terms(&mut p);
        let func = find(m, f, arity as usize);
        let n = pool.len();
        let combos = n.pow(arity as u32);
        for mut k in 0..combos {
            let mut args = Vec::with_capacity(arity as usize);
            for _ in 0..arity {
                args.push(pool[k % n]);
                k /= n;
            }
            let _ = func(&mut p, &args);
            calls += 1;
        }
        // A wrong number of arguments is a badarg, not a panic.
        let too_many = vec![Term::NIL; arity as usize + 1];
        assert!(func(&mut p, &too_many).is_err(), "{m}:{f}/{arity}");
    }
    assert!(calls > 100_000);
}

#[test]
fn binaries_made_from_parts_share_the_parent() {
    let mut p = process();
    let bytes: Vec<u8> = (0..200u8).collect();
    let b = p.heap.binary(&bytes);
    let pos = Term::small(10).unwrap();
    let len = Term::small(100).unwrap();
    let part = call(&mut p, "erlang", "binary_part", &[b, pos, len]).unwrap();
    assert_eq!(
        beamlet_vm::binary::bytes(part).map(Cow::from),
        Some(Cow::from(&bytes[10..110]))
    );
    assert_eq!(
        part.kind(),
        Some(beamlet_vm::term::Kind::SubBin),
        "a part is a window, not a copy"
    );
}
