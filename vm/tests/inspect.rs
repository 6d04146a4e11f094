//! `inspect/2`, `to_string/1` and float formatting against real Elixir.
//!
//! The cases live in vm/tests/oracle/inspect.exs (a `MODE [OPTIONS] | EXPRESSION` list
//! that the script evaluates with real Elixir); this test reads the same list, builds each
//! value with a small parser of the literal syntax used there, and compares the output
//! with vm/tests/oracle/inspect.out. Floats are checked against inspect_floats.out.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use beamlet_vm::inspect::{
    format_float, inspect, inspect_float, inspect_with, to_string, Base, Binaries, Charlists,
    ClosureInfo, InspectOpts, Resolve, StructInfo,
};
use beamlet_vm::term::map;
use beamlet_vm::{Atom, Heap, Term, TermAlloc};
use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

fn oracle(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/oracle")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn atom(name: &str) -> Atom {
    Atom::intern(name).expect("atom")
}

// ----- values -------------------------------------------------------------------------

/// A value of the case language, before it becomes a term.
#[derive(Clone, Debug)]
enum V {
    Int(BigInt),
    Float(f64),
    Atom(String),
    /// Bytes and the bits of a last partial byte (0 for a binary).
    Bits(Vec<u8>, u8),
    List(Vec<V>, Option<Box<V>>),
    Tuple(Vec<V>),
    Map(Vec<(V, V)>),
    Export(String, String, u8),
}

fn int(i: i64) -> V {
    V::Int(BigInt::from(i))
}

fn a(name: &str) -> V {
    V::Atom(name.to_string())
}

fn range(first: V, last: V, step: V) -> V {
    V::Map(vec![
        (a("__struct__"), a("Elixir.Range")),
        (a("first"), first),
        (a("last"), last),
        (a("step"), step),
    ])
}

impl V {
    fn build(&self, heap: &mut Heap) -> Term {
        match self {
            V::Int(n) => heap.bigint(n),
            V::Float(f) => heap.float(*f),
            V::Atom(s) => Term::atom(atom(s)),
            V::Bits(bytes, 0) => heap.binary(bytes),
            V::Bits(bytes, extra) => {
                let parent = heap.binary(bytes);
                let bits = (bytes.len() as u64 - 1) * 8 + u64::from(*extra);
                heap.sub_binary(parent, 0, bits)
            }
            V::List(items, tail) => {
                let items: Vec<Term> = items.iter().map(|v| v.build(heap)).collect();
                let tail = tail.as_ref().map_or(Term::NIL, |t| t.build(heap));
                heap.improper_list(&items, tail)
            }
            V::Tuple(items) => {
                let items: Vec<Term> = items.iter().map(|v| v.build(heap)).collect();
                heap.tuple(&items)
            }
            V::Map(pairs) => {
                let pairs: Vec<(Term, Term)> = pairs
                    .iter()
                    .map(|(k, v)| (k.build(heap), v.build(heap)))
                    .collect();
                map::from_pairs(heap, &pairs)
            }
            V::Export(m, f, n) => heap.export(atom(m), atom(f), *n),
        }
    }

    fn items(self) -> Vec<V> {
        match self {
            V::List(items, None) => items,
            V::Map(pairs) if is_range(&pairs) => {
                let get = |k: &str| {
                    pairs.iter().find_map(|(key, v)| match (key, v) {
                        (V::Atom(n), V::Int(i)) if n == k => Some(i.clone()),
                        _ => None,
                    })
                };
                let (Some(first), Some(last), Some(step)) =
                    (get("first"), get("last"), get("step"))
                else {
                    panic!("bad range")
                };
                let mut out = Vec::new();
                let mut i = first;
                while (step > BigInt::zero() && i <= last) || (step < BigInt::zero() && i >= last) {
                    out.push(V::Int(i.clone()));
                    i += &step;
                }
                out
            }
            other => panic!("not a list: {other:?}"),
        }
    }

    fn small(&self) -> i64 {
        match self {
            V::Int(n) => n.to_i64().expect("small"),
            other => panic!("not an integer: {other:?}"),
        }
    }
}

fn is_range(pairs: &[(V, V)]) -> bool {
    pairs.iter().any(|(k, v)| match (k, v) {
        (V::Atom(k), V::Atom(v)) => k == "__struct__" && v == "Elixir.Range",
        _ => false,
    })
}

// ----- the parser ---------------------------------------------------------------------

struct Parser<'s> {
    src: &'s str,
    pos: usize,
}

impl<'s> Parser<'s> {
    fn new(src: &'s str) -> Self {
        Parser { src, pos: 0 }
    }

    fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    fn ws(&mut self) {
        while self.rest().starts_with([' ', '\n']) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.ws();
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, s: &str) {
        assert!(self.eat(s), "expected {s:?} at {:?}", self.rest());
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> char {
        let c = self.peek().expect("unexpected end");
        self.pos += c.len_utf8();
        c
    }

    fn ident(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '@' {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        if self.rest().starts_with(['?', '!']) {
            self.pos += 1;
        }
        self.src[start..self.pos].to_string()
    }

    fn expr(&mut self) -> V {
        let left = self.primary();
        if self.eat("++") {
            let right = self.expr();
            let V::List(mut items, None) = left else {
                panic!("++ on a non-list")
            };
            match right {
                V::List(more, tail) => {
                    items.extend(more);
                    V::List(items, tail)
                }
                other => V::List(items, Some(Box::new(other))),
            }
        } else {
            left
        }
    }

    /// A value, then `..last` and `//step` for ranges.
    fn primary(&mut self) -> V {
        let v = self.atom_or_value();
        if self.rest().starts_with("..") {
            self.pos += 2;
            let last = self.atom_or_value();
            let step = if self.eat("//") {
                self.atom_or_value()
            } else {
                int(if v.small() <= last.small() { 1 } else { -1 })
            };
            return range(v, last, step);
        }
        v
    }

    fn atom_or_value(&mut self) -> V {
        self.ws();
        let c = self.peek().expect("value");
        match c {
            '[' => self.list(),
            '{' => {
                self.pos += 1;
                let items = self.seq("}");
                V::Tuple(items)
            }
            '%' => {
                self.expect("%{");
                let pairs = self.pairs("}");
                V::Map(pairs)
            }
            '<' => self.bits(),
            '"' => {
                self.pos += 1;
                V::Bits(self.quoted('"').into_bytes(), 0)
            }
            '\'' => {
                self.pos += 1;
                let s = self.quoted('\'');
                V::List(s.chars().map(|c| int(c as i64)).collect(), None)
            }
            '?' => {
                self.pos += 1;
                int(self.bump() as i64)
            }
            '&' => {
                self.pos += 1;
                let module = if self.eat(":") {
                    self.ident()
                } else {
                    self.alias()
                };
                self.expect(".");
                let fun = self.ident();
                self.expect("/");
                let n = self.number().small() as u8;
                V::Export(module, fun, n)
            }
            ':' => {
                self.pos += 1;
                let name = if self.eat("\"") {
                    self.quoted('"')
                } else {
                    self.ident()
                };
                if self.rest().starts_with('.') && !self.rest().starts_with("..") {
                    self.pos += 1;
                    return self.call(&format!(":{name}"));
                }
                V::Atom(name)
            }
            c if c.is_ascii_digit() || c == '-' => self.number(),
            c if c.is_ascii_uppercase() => {
                let alias = self.alias();
                if self.rest().starts_with('.') && !self.rest().starts_with("..") {
                    self.pos += 1;
                    let name = alias.trim_start_matches("Elixir.").to_string();
                    return self.call(&name);
                }
                V::Atom(alias)
            }
            _ => {
                let id = self.ident();
                match id.as_str() {
                    "true" | "false" | "nil" => V::Atom(id),
                    other => panic!("unknown identifier {other}"),
                }
            }
        }
    }

    /// `Foo.Bar` as `Elixir.Foo.Bar`, stopping before a lower-case `.fun`.
    fn alias(&mut self) -> String {
        let mut name = self.ident();
        while self.rest().starts_with('.')
            && self.rest()[1..].starts_with(|c: char| c.is_ascii_uppercase())
        {
            self.pos += 1;
            name.push('.');
            name.push_str(&self.ident());
        }
        if name.starts_with("Elixir.") || name == "Elixir" {
            name
        } else {
            format!("Elixir.{name}")
        }
    }

    fn call(&mut self, module: &str) -> V {
        let fun = self.ident();
        self.expect("(");
        let mut args = self.seq(")");
        let mut arg = |i: usize| std::mem::replace(&mut args[i], V::List(vec![], None));
        match (module, fun.as_str()) {
            ("Enum", "to_list") => V::List(arg(0).items(), None),
            ("List", "duplicate") => {
                let n = arg(1).small() as usize;
                V::List(vec![arg(0); n], None)
            }
            ("List", "to_tuple") => V::Tuple(arg(0).items()),
            ("String", "duplicate") => {
                let n = arg(1).small() as usize;
                let V::Bits(b, 0) = arg(0) else {
                    panic!("not a string")
                };
                V::Bits(b.repeat(n), 0)
            }
            ("Enum", "zip") => {
                let (x, y) = (arg(0).items(), arg(1).items());
                V::List(
                    x.into_iter()
                        .zip(y)
                        .map(|(p, q)| V::Tuple(vec![p, q]))
                        .collect(),
                    None,
                )
            }
            ("MapSet", "new") => {
                let keys = arg(0)
                    .items()
                    .into_iter()
                    .map(|k| (k, V::List(vec![], None)));
                V::Map(vec![
                    (a("__struct__"), a("Elixir.MapSet")),
                    (a("map"), V::Map(keys.collect())),
                    (a("version"), int(2)),
                ])
            }
            (":erlang", "list_to_binary") => {
                V::Bits(arg(0).items().iter().map(|v| v.small() as u8).collect(), 0)
            }
            _ => panic!("unknown call {module}.{fun}"),
        }
    }

    fn number(&mut self) -> V {
        self.ws();
        let start = self.pos;
        if self.rest().starts_with('-') {
            self.pos += 1;
        }
        if self.rest().starts_with("0x") {
            self.pos += 2;
            let digits_start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                self.pos += 1;
            }
            let n = BigInt::parse_bytes(&self.src.as_bytes()[digits_start..self.pos], 16);
            return V::Int(n.expect("hex"));
        }
        let mut float = false;
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_digit() || c == '_' => self.pos += 1,
                Some('.') if self.rest()[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                    float = true;
                    self.pos += 1;
                }
                Some('e') if float => {
                    self.pos += 1;
                    if self.rest().starts_with(['-', '+']) {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        let text: String = self.src[start..self.pos]
            .chars()
            .filter(|&c| c != '_')
            .collect();
        if float {
            V::Float(text.parse().expect("float"))
        } else {
            V::Int(text.parse().expect("integer"))
        }
    }

    /// Elements up to `close`.
    fn seq(&mut self, close: &str) -> Vec<V> {
        let mut items = Vec::new();
        if self.eat(close) {
            return items;
        }
        loop {
            items.push(self.expr());
            if self.eat(close) {
                return items;
            }
            self.expect(",");
        }
    }

    /// A keyword key `name: ` or `"quoted": `, if one starts here.
    fn key(&mut self) -> Option<String> {
        self.ws();
        let save = self.pos;
        let name = if self.eat("\"") {
            self.quoted('"')
        } else if self
            .peek()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '+')
        {
            if self.rest().starts_with('+') {
                self.pos += 1;
                "+".to_string()
            } else {
                self.ident()
            }
        } else {
            return None;
        };
        if self.rest().starts_with(": ") {
            self.pos += 2;
            Some(name)
        } else {
            self.pos = save;
            None
        }
    }

    fn list(&mut self) -> V {
        self.expect("[");
        let mut items = Vec::new();
        if self.eat("]") {
            return V::List(items, None);
        }
        loop {
            match self.key() {
                Some(k) => items.push(V::Tuple(vec![V::Atom(k), self.expr()])),
                None => items.push(self.expr()),
            }
            if self.eat("]") {
                return V::List(items, None);
            }
            if self.eat("|") {
                let tail = self.expr();
                self.expect("]");
                return V::List(items, Some(Box::new(tail)));
            }
            self.expect(",");
        }
    }

    fn pairs(&mut self, close: &str) -> Vec<(V, V)> {
        let mut pairs = Vec::new();
        if self.eat(close) {
            return pairs;
        }
        loop {
            match self.key() {
                Some(k) => pairs.push((V::Atom(k), self.expr())),
                None => {
                    let k = self.expr();
                    self.expect("=>");
                    pairs.push((k, self.expr()));
                }
            }
            if self.eat(close) {
                return pairs;
            }
            self.expect(",");
        }
    }

    fn bits(&mut self) -> V {
        self.expect("<<");
        let mut bytes = Vec::new();
        let mut extra = 0u8;
        if self.eat(">>") {
            return V::Bits(bytes, 0);
        }
        loop {
            match self.expr() {
                V::Bits(b, 0) => bytes.extend(b),
                v => {
                    let n = v.small();
                    if self.eat("::size(") {
                        let size = self.number().small() as u8;
                        self.expect(")");
                        bytes.push((n as u8) << (8 - size));
                        extra = size;
                    } else {
                        bytes.push(n as u8);
                    }
                }
            }
            if self.eat(">>") {
                return V::Bits(bytes, extra);
            }
            self.expect(",");
        }
    }

    /// The body of a string or charlist up to `q`, with Elixir's escapes.
    fn quoted(&mut self, q: char) -> String {
        let mut out = String::new();
        loop {
            let c = self.bump();
            if c == q {
                return out;
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let e = self.bump();
            match e {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'e' => out.push('\u{1b}'),
                'a' => out.push('\u{7}'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'v' => out.push('\u{b}'),
                'd' => out.push('\u{7f}'),
                '0' => out.push('\0'),
                'u' => {
                    let hex: String = if self.rest().starts_with('{') {
                        self.pos += 1;
                        let end = self.rest().find('}').expect("}");
                        let h = self.rest()[..end].to_string();
                        self.pos += end + 1;
                        h
                    } else {
                        let h = self.rest()[..4].to_string();
                        self.pos += 4;
                        h
                    };
                    let n = u32::from_str_radix(&hex, 16).expect("hex escape");
                    out.push(char::from_u32(n).expect("code point"));
                }
                other => out.push(other),
            }
        }
    }
}

fn parse(src: &str) -> V {
    let mut p = Parser::new(src);
    let v = p.expr();
    p.ws();
    assert!(p.rest().is_empty(), "trailing input {:?}", p.rest());
    v
}

fn parse_opts(text: &str) -> InspectOpts {
    let mut o = InspectOpts::default();
    for part in text.split(", ").filter(|s| !s.is_empty()) {
        let (k, v) = part.split_once(": ").expect("option");
        let num = || {
            if v == ":infinity" {
                usize::MAX
            } else {
                v.parse().expect("number")
            }
        };
        match k {
            "limit" => o.limit = num(),
            "printable_limit" => o.printable_limit = num(),
            "width" => o.width = num(),
            "pretty" => o.pretty = v == "true",
            "structs" => o.structs = v == "true",
            "base" => {
                o.base = match v {
                    ":hex" => Base::Hex,
                    ":binary" => Base::Binary,
                    ":octal" => Base::Octal,
                    _ => Base::Decimal,
                }
            }
            "binaries" => {
                o.binaries = match v {
                    ":as_strings" => Binaries::AsStrings,
                    ":as_binaries" => Binaries::AsBinaries,
                    _ => Binaries::Infer,
                }
            }
            "charlists" => {
                o.charlists = match v {
                    ":as_lists" => Charlists::AsLists,
                    ":as_charlists" => Charlists::AsCharlists,
                    _ => Charlists::Infer,
                }
            }
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// The struct modules of inspect.exs and the exceptions it uses.
struct Modules;

impl Resolve for Modules {
    fn struct_fields(&self, module: Atom) -> StructInfo {
        let fields: &[&str] = match module.name() {
            "Elixir.User" => &["name", "age", "email"],
            "Elixir.Point" => &["y", "x"],
            "Elixir.Empty" => &[],
            "Elixir.MyError" => &["__exception__", "message", "code"],
            "Elixir.RuntimeError" | "Elixir.ArgumentError" => &["__exception__", "message"],
            "Elixir.KeyError" => &["__exception__", "key", "term", "message"],
            _ => return StructInfo::NotAStruct,
        };
        StructInfo::Fields(fields.iter().map(|f| atom(f)).collect())
    }
}

/// The cases heredoc of inspect.exs.
fn cases() -> Vec<String> {
    let src = String::from_utf8(oracle("inspect.exs")).expect("utf-8");
    let start = src.find("cases = ~S\"\"\"\n").expect("cases") + "cases = ~S\"\"\"\n".len();
    let end = start + src[start..].find("\"\"\"").expect("end of cases");
    src[start..end].lines().map(str::to_string).collect()
}

/// An oracle output as (case, expected output) pairs.
fn expected(name: &str) -> Vec<(String, Vec<u8>)> {
    let out = oracle(name);
    let mut result: Vec<(String, Vec<u8>)> = Vec::new();
    for line in out.split(|&b| b == b'\n') {
        if let Some(case) = line.strip_prefix(b"--- ") {
            result.push((String::from_utf8_lossy(case).into_owned(), Vec::new()));
        } else if let Some((_, body)) = result.last_mut() {
            body.extend_from_slice(line);
            body.push(b'\n');
        }
    }
    // The file ends with a newline, which the split leaves as an empty last line.
    if let Some((_, body)) = result.last_mut() {
        body.pop();
    }
    result
}

/// Runs `MODE [OPTIONS] | EXPRESSION` cases; returns a report of the mismatches.
fn run(cases: &[(String, Vec<u8>)]) -> String {
    let mut heap = Heap::default();
    let mut failures = String::new();
    for (case, want) in cases {
        let (head, expr) = case.split_once(" | ").expect("case");
        let (mode, opts) = head.split_once(' ').unwrap_or((head, ""));
        let mut opts = parse_opts(opts);
        let t = parse(expr).build(&mut heap);
        let mut got: Vec<u8> = match mode {
            "i" => inspect_with(t, &opts, &Modules).into_bytes(),
            "io" => {
                opts.pretty = true;
                inspect_with(t, &opts, &Modules).into_bytes()
            }
            "s" => to_string(t).unwrap_or_else(|()| b"<error>".to_vec()),
            other => panic!("unknown mode {other}"),
        };
        got.push(b'\n');
        if &got != want {
            let _ = writeln!(
                failures,
                "--- {case}\nexpected:\n{}got:\n{}",
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(&got)
            );
        }
    }
    failures
}

#[test]
fn every_case_matches_elixir() {
    let cases = cases();
    let expected = expected("inspect.out");
    assert_eq!(
        cases.len(),
        expected.len(),
        "inspect.out is stale: regenerate it"
    );
    assert!(cases.len() >= 150);
    for (case, (header, _)) in cases.iter().zip(&expected) {
        assert_eq!(case, header, "inspect.out is stale: regenerate it");
    }
    let failures = run(&expected);
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn random_terms_match_elixir() {
    let expected = expected("inspect_random.out");
    assert_eq!(expected.len(), 400);
    let failures = run(&expected);
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn floats_match_elixir() {
    let out = String::from_utf8(oracle("inspect_floats.out")).expect("utf-8");
    let mut n = 0;
    for line in out.lines() {
        let mut parts = line.split(' ');
        let (Some(hex), Some(s), Some(i)) = (parts.next(), parts.next(), parts.next()) else {
            panic!("bad line {line}")
        };
        let f = f64::from_bits(u64::from_str_radix(hex, 16).expect("hex"));
        assert_eq!(format_float(f), s, "to_string of {hex}");
        assert_eq!(inspect_float(f), i, "inspect of {hex}");
        n += 1;
    }
    assert!(n > 3000);
}

#[test]
fn plain_inspect_prints_alias_structs_in_key_order() {
    let mut heap = Heap::default();
    let t = parse("%{__struct__: Foo, b: 1, a: 2}").build(&mut heap);
    assert_eq!(inspect(t, &InspectOpts::default()), "%Foo{a: 2, b: 1}");
    let e = parse("%{__struct__: Foo.Error, __exception__: true, message: \"x\"}").build(&mut heap);
    assert_eq!(
        inspect(e, &InspectOpts::default()),
        "%Foo.Error{message: \"x\"}"
    );
    let not_alias = parse("%{__struct__: :foo, a: 1}").build(&mut heap);
    assert_eq!(
        inspect(not_alias, &InspectOpts::default()),
        "%{__struct__: :foo, a: 1}"
    );
}

#[test]
fn pids_refs_ports_and_funs() {
    let mut heap = Heap::default();
    let o = InspectOpts::default();
    assert_eq!(inspect(Term::pid(96), &o), "#PID<0.96.0>");
    assert_eq!(inspect(Term::port(3), &o), "#Port<0.3>");
    assert_eq!(inspect(Term::local_ref(7), &o), "#Reference<0.0.0.7>");
    let f = heap.closure(atom("Elixir.Foo"), 2, 1, &[]);
    assert_eq!(inspect(f, &o), "#Function<2.0/1 in Foo>");
    struct Names;
    impl Resolve for Names {
        fn closure(&self, _module: Atom, _index: i64) -> Option<ClosureInfo> {
            Some(ClosureInfo {
                function: Atom::intern("run").ok()?,
                arity: 0,
                uniq: 12345,
            })
        }
    }
    assert_eq!(
        inspect_with(f, &o, &Names),
        "#Function<2.12345/1 in Foo.run/0>"
    );
    let g = heap.closure(atom("erl_eval"), 42, 1, &[]);
    assert_eq!(inspect(g, &o), "#Function<42.0/1 in :erl_eval>");
    let op = heap.export(atom("erlang"), atom("+"), 2);
    assert_eq!(inspect(op, &o), "&:erlang.+/2");
    let q = heap.export(atom("Elixir.Foo"), atom("a b"), 0);
    assert_eq!(inspect(q, &o), "&Foo.\"a b\"/0");
    for t in [Term::pid(1), f, op] {
        assert_eq!(to_string(t), Err(()));
    }
}

/// Builds `depth` nested one-element lists around `inner`, without recursion.
fn nested(heap: &mut Heap, depth: usize, inner: Term) -> Term {
    let mut t = inner;
    for _ in 0..depth {
        t = heap.list(&[t]);
    }
    t
}

#[test]
fn deep_terms_do_not_overflow_the_stack() {
    let mut heap = Heap::default();
    let one = Term::small(1).expect("small");
    let deep = nested(&mut heap, 100_000, one);
    let limited = inspect(deep, &InspectOpts::default());
    assert_eq!(limited.len(), 2 * 50 + 3 + 2, "{limited}");
    assert!(limited.starts_with("[[[[") && limited.contains("[...]"));
    let all = InspectOpts {
        limit: usize::MAX,
        ..InspectOpts::default()
    };
    let s = inspect(deep, &all);
    assert_eq!(s.len(), 2 * 100_000 + 1);
    // Pretty, a nested list breaks at every level (each indented two more columns), so
    // it is checked at the default limit, which bounds the depth shown.
    let pretty_limited = InspectOpts {
        pretty: true,
        ..InspectOpts::default()
    };
    let p = inspect(deep, &pretty_limited);
    assert_eq!(p.lines().count(), 2 * 50 + 1);
    assert_eq!(
        p.lines().nth(50),
        Some(format!("{}[...]", " ".repeat(100)).as_str())
    );
    let pretty = InspectOpts {
        pretty: true,
        ..all.clone()
    };
    // Two elements per level: every level breaks, and each indents two more columns (so
    // the output itself grows with the square of the depth, in Elixir too).
    let mut t = one;
    for _ in 0..2_000 {
        t = heap.list(&[t, one]);
    }
    let start = Instant::now();
    let s = inspect(t, &pretty);
    // 3n - 1 lines for n levels (real Elixir prints 599 lines for 200 levels).
    assert_eq!(s.lines().count(), 3 * 2_000 - 1);
    assert!(
        start.elapsed().as_secs() < 10,
        "layout must stay near linear"
    );
    // Deep tuples and maps, and a deep chardata list for to_string.
    let mut t = one;
    for _ in 0..100_000 {
        t = heap.tuple(&[t]);
    }
    assert_eq!(inspect(t, &all).len(), 2 * 100_000 + 1);
    let mut m = one;
    for _ in 0..50_000 {
        m = map::from_pairs(&mut heap, &[(one, m)]);
    }
    assert!(inspect(m, &all).starts_with("%{1 => %{1 => "));
    let a = Term::small(97).expect("small");
    let chars = nested(&mut heap, 100_000, a);
    assert_eq!(to_string(chars), Ok(b"a".to_vec()));
    drop(heap);
}

#[test]
fn big_collections_print_only_up_to_the_limit() {
    let mut heap = Heap::default();
    let items: Vec<Term> = (1..=1_000_000)
        .map(|i| Term::small(i).expect("small"))
        .collect();
    let list = heap.list(&items);
    let pretty = InspectOpts {
        pretty: true,
        ..InspectOpts::default()
    };
    let start = Instant::now();
    let s = inspect(list, &pretty);
    assert!(start.elapsed().as_millis() < 500, "{:?}", start.elapsed());
    assert!(s.ends_with("49, 50, ...]"), "{s}");
    let tuple = heap.tuple(&items);
    assert!(inspect(tuple, &InspectOpts::default()).ends_with("50, ...}"));
    let bytes = vec![0u8; 1_000_000];
    let bin = heap.binary(&bytes);
    assert!(inspect(bin, &InspectOpts::default()).ends_with("0, ...>>"));
    let text = heap.binary(&vec![b'a'; 1_000_000]);
    let s = inspect(text, &InspectOpts::default());
    assert_eq!(s.len(), 4096 + 2 + " <> ...".len());
    let pairs: Vec<(Term, Term)> = (0..1000)
        .map(|i| (Term::small(i).expect("small"), Term::NIL))
        .collect();
    let big_map = map::from_pairs(&mut heap, &pairs);
    let s = inspect(big_map, &InspectOpts::default());
    assert_eq!(s.matches(" => ").count(), 50);
    assert!(s.ends_with(", ...}"));
    // Bignums in hex.
    let big = heap.bigint(&(BigInt::one() << 100));
    let hex = InspectOpts {
        base: Base::Hex,
        ..InspectOpts::default()
    };
    assert_eq!(inspect(big, &hex), format!("0x1{}", "0".repeat(25)));
}
