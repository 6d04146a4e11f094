//! `inspect/2` and `to_string/1` (`String.Chars`) with Elixir 1.14's exact formatting.
//!
//! This is a port of Elixir 1.14's `Inspect` implementations (`Inspect.Atom`,
//! `Inspect.BitString`, `Inspect.List`, `Inspect.Map`, `Inspect.Tuple`, `Inspect.Integer`,
//! `Inspect.Float`, `Inspect.Any`, `Inspect.Range`, `Inspect.MapSet`, ...) and of the part
//! of `Inspect.Algebra` they use (`container_doc`, `group`, `nest`, strict and flex
//! breaks; see `inspect/doc.rs`). The ground truth was read from the 1.14 modules
//! themselves (their debug info); `vm/tests/inspect.rs` compares the output with real
//! Elixir on the cases of `vm/tests/oracle/inspect.exs`, 400 random nested terms laid out
//! at random widths and limits (`inspect_random.exs`) and 3,700 floats
//! (`inspect_floats.exs`).
//!
//! # Which width applies
//!
//! - `Kernel.inspect/2` lays the document out at `opts.width` only when `pretty: true`;
//!   with the default `pretty: false` the width is infinite, so `inspect(list)` never
//!   breaks lines. [`inspect`] does the same.
//! - `IO.inspect/2` always lays the document out at `opts.width` (80 by default), whatever
//!   `:pretty` says: the interpreter implements it as [`inspect`] with `pretty: true`.
//!
//! Widths are byte sizes, as in Elixir (`"é"` takes two columns). `usize::MAX` stands for
//! `:infinity` in `limit`, `printable_limit` and `width`.
//!
//! # Floats
//!
//! [`format_float`] is `Float.to_string/1` and `to_string/1`: OTP's
//! `float_to_binary(f, [:short])`, the shortest digits that read back (ties between two
//! such digit strings go to the even one), written plainly or in scientific notation,
//! whichever is shorter (plainly on a tie), and always scientifically from 2^53 up:
//! `0.1`, `100.0`, `1.0e3`, `0.0001`, `1.0e-5`, `1.0e20`. [`inspect_float`] differs for
//! integral values from 1.0 up to 1.0e16, which it prints whole: `1000.0`,
//! `1000000000000000.0` (`to_string` gives `1.0e3`, `1.0e15`).
//!
//! # Structs
//!
//! A map whose `__struct__` is an atom is a struct. `Inspect.Any` prints its fields in
//! the struct's definition order and only when the module defines the struct with exactly
//! the map's keys; otherwise (module missing, keys differ) the map prints as a map. That
//! knowledge lives with the code server, so [`inspect_with`] asks a [`Resolve`]. Plain
//! [`inspect`] knows no modules: it prints a struct named by an alias (`Elixir.…`) with
//! its fields in key order, and any other as a map. `Range` (`1..10`, `1..10//2`) and
//! `MapSet` (`MapSet.new([1, 2])`) have their own printers, as in Elixir; the other
//! struct printers of the standard library (`Date`, `Regex`, `URI`, ...) are not ported.
//!
//! # Known differences
//!
//! - Pids print as `#PID<0.N.0>` with the pid's payload as N, ports as `#Port<0.N>`,
//!   references as `#Reference<0.0.0.N>` with the serial: the numbers cannot be the
//!   BEAM's. Closures print `#Function<INDEX.UNIQ/ARITY in Mod.fun/arity>` when a
//!   [`Resolve`] names the function that defines them, else `#Function<INDEX.0/ARITY in
//!   Mod>`; Elixir's `uniq` is a hash of the BEAM module and cannot match.
//! - Maps of more than 32 keys print in this VM's iteration order (by hash, not the
//!   BEAM's); up to 32 keys they print sorted, as on the BEAM.
//! - Atoms with non-ASCII letters are classified with Rust's Unicode properties instead
//!   of Elixir's identifier tables, without normalisation or the mixed-script check.
//! - A list printed as a charlist whose elements past `printable_limit` are not valid
//!   chardata prints as a truncated charlist (Elixir raises there), and `charlists:
//!   :as_charlists` on a list that is not chardata prints it as a list (Elixir raises).
//!
//! # Cost
//!
//! Nothing recurses on the Rust stack: the document is built by an explicit task stack
//! and rendered by an explicit stack, and fitting is O(1) per node (see
//! `inspect/doc.rs`), so layout is linear in the size of the document. Only `limit` items
//! of a collection are visited (and `printable_limit` characters of a string), apart from
//! the checks Elixir also makes over whole lists and maps (`keyword?`). Pretty output of a
//! deep structure can still be quadratic in size, because each level indents further (as
//! in Elixir).

mod doc;
mod float;
mod text;

pub use float::{format_float, inspect_float};

use std::cmp::Ordering;

use crate::atom::{self, Atom};
use crate::binary::Bits;
use crate::term::map::{self, MapIter};
use crate::term::{bignum, order, Term, View};
use doc::{DocId, Docs};

/// How lists print (`:charlists`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charlists {
    /// `:infer`: as a charlist when every element is printable ASCII.
    Infer,
    /// `:as_lists`.
    AsLists,
    /// `:as_charlists`.
    AsCharlists,
}

/// How binaries print (`:binaries`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binaries {
    /// `:infer`: as a string when printable.
    Infer,
    /// `:as_binaries`.
    AsBinaries,
    /// `:as_strings`.
    AsStrings,
}

/// The radix of integers (`:base`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// `:binary`, `0b101`.
    Binary,
    /// `:octal`, `0o17`.
    Octal,
    /// `:decimal`.
    Decimal,
    /// `:hex`, `0xFF`.
    Hex,
}

impl Base {
    fn radix(self) -> u32 {
        match self {
            Base::Binary => 2,
            Base::Octal => 8,
            Base::Decimal => 10,
            Base::Hex => 16,
        }
    }
}

/// `Inspect.Opts`. `usize::MAX` is `:infinity`.
#[derive(Clone, Debug)]
pub struct InspectOpts {
    /// Items shown of a collection (`:limit`, 50).
    pub limit: usize,
    /// Characters shown of a string or charlist (`:printable_limit`, 4096).
    pub printable_limit: usize,
    /// Line width (`:width`, 80); used only when `pretty` is set.
    pub width: usize,
    /// Lay out at `width` (`:pretty`, false as for `inspect/2`; `IO.inspect` sets it).
    pub pretty: bool,
    /// `:charlists`.
    pub charlists: Charlists,
    /// `:binaries`.
    pub binaries: Binaries,
    /// `:base`.
    pub base: Base,
    /// `:structs`: print structs as structs (true) or as maps.
    pub structs: bool,
}

impl Default for InspectOpts {
    fn default() -> Self {
        InspectOpts {
            limit: 50,
            printable_limit: 4096,
            width: 80,
            pretty: false,
            charlists: Charlists::Infer,
            binaries: Binaries::Infer,
            base: Base::Decimal,
            structs: true,
        }
    }
}

/// What the VM knows about a struct module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructInfo {
    /// Nothing: print structs named by an alias with their fields in key order.
    Unknown,
    /// The module does not exist or defines no struct: print the map as a map.
    NotAStruct,
    /// The struct's keys other than `__struct__`, in definition order (as
    /// `Module.__info__(:struct)` lists them).
    Fields(Vec<Atom>),
}

/// The function that defines a closure, for `#Function<... in Mod.fun/arity>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClosureInfo {
    /// The enclosing function.
    pub function: Atom,
    /// Its arity.
    pub arity: u32,
    /// The number printed after the fun's index.
    pub uniq: u64,
}

/// Module knowledge that `inspect` needs and terms do not carry (the code server
/// implements it).
pub trait Resolve {
    /// The fields of struct `module`.
    fn struct_fields(&self, module: Atom) -> StructInfo {
        let _ = module;
        StructInfo::Unknown
    }

    /// The function that defines closure number `index` of `module`.
    fn closure(&self, module: Atom, index: i64) -> Option<ClosureInfo> {
        let _ = (module, index);
        None
    }

    /// The text a user `defimpl Inspect` made of struct `m`, if there is one.
    fn rendered(&self, m: Term) -> Option<&str> {
        let _ = m;
        None
    }
}

/// A [`Resolve`] that knows nothing.
struct NoModules;

impl Resolve for NoModules {}

/// `inspect(t, opts)` (`Kernel.inspect/2`); for `IO.inspect` pass `pretty: true`.
pub fn inspect(t: Term, opts: &InspectOpts) -> String {
    inspect_with(t, opts, &NoModules)
}

/// [`inspect`] with module knowledge for structs and closures.
pub fn inspect_with(t: Term, opts: &InspectOpts, modules: &dyn Resolve) -> String {
    let mut b = Builder::new(opts, modules);
    let d = b.build(t);
    let root = b.docs.group(d);
    let width = if opts.pretty { opts.width } else { usize::MAX };
    b.docs.format(root, width)
}

/// `String.Chars.to_string/1`: `Ok(bytes)` for binaries (as they are), atoms (`nil` is
/// `""`), integers, floats and chardata lists (code points, UTF-8 binaries, nested lists,
/// a binary as improper tail). `Err(())` when Elixir raises: `Protocol.UndefinedError`
/// for tuples, maps, pids, references, funs, ports and bitstrings that are not binaries;
/// for a list that is not chardata, `ArgumentError` or `UnicodeConversionError` (the
/// caller can tell the cases apart with `Term::is_list`).
// The unit error is the interpreter's contract: it knows which exception to raise.
#[allow(clippy::result_unit_err)]
pub fn to_string(t: Term) -> Result<Vec<u8>, ()> {
    match t.view() {
        View::Bits(b) => b.as_bytes().map(<[u8]>::to_vec).ok_or(()),
        View::Atom(a) if a == atom::NIL => Ok(Vec::new()),
        View::Atom(a) => Ok(a.name().as_bytes().to_vec()),
        View::Small(i) => Ok(i.to_string().into_bytes()),
        View::Big { .. } => bignum::to_bigint(t)
            .map(|n| n.to_string().into_bytes())
            .ok_or(()),
        View::Float(f) => Ok(format_float(f).into_bytes()),
        View::Nil | View::Cons(..) => {
            let mut out = Vec::new();
            chardata(t, usize::MAX, &mut out).ok_or(())?;
            Ok(out)
        }
        _ => Err(()),
    }
}

/// Appends the UTF-8 of chardata `t` to `out`, stopping after `max_chars` characters;
/// returns whether it stopped early, or `None` when `t` is not chardata.
fn chardata(t: Term, max_chars: usize, out: &mut Vec<u8>) -> Option<bool> {
    let mut stack = vec![t];
    let mut count = 0usize;
    let mut buf = [0u8; 4];
    while let Some(t) = stack.pop() {
        match t.view() {
            View::Nil => {}
            View::Cons(h, tail) => {
                // The tail may be a list or (improper) a binary.
                if !(tail.is_list() || tail.is_bitstring()) {
                    return None;
                }
                stack.push(tail);
                stack.push(h);
            }
            View::Small(c) => {
                if count >= max_chars {
                    return Some(true);
                }
                let c = u32::try_from(c).ok().and_then(char::from_u32)?;
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                count += 1;
            }
            View::Bits(b) => {
                let bytes = b.as_bytes()?;
                let s = std::str::from_utf8(bytes).ok()?;
                for c in s.chars() {
                    if count >= max_chars {
                        return Some(true);
                    }
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    count += 1;
                }
            }
            _ => return None,
        }
    }
    Some(false)
}

/// `limit - 1`, with `:infinity` staying infinite.
fn dec(n: usize) -> usize {
    if n == usize::MAX {
        n
    } else {
        n.saturating_sub(1)
    }
}

/// The options that change below a node: the limit (`container_doc` passes the remaining
/// count down) and `:charlists` (`MapSet` forces `:as_lists`).
#[derive(Clone, Copy)]
struct Ctx {
    limit: usize,
    charlists: Charlists,
}

/// `container_doc`'s `:break` option.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqBreak {
    /// `:maybe`: flex if every item is simple text.
    Maybe,
    Strict,
    Flex,
}

/// Where a container's items come from.
enum Items<'a> {
    /// List cells from `cur`; `keyword` prints `{k, v}` elements as `k: v`.
    List { cur: Term, keyword: bool },
    /// Tuple elements or the keys of a `MapSet`.
    Terms {
        terms: TermSlice<'a>,
        idx: usize,
        keyword: bool,
    },
    /// A map's pairs, as `k: v` or `k => v`.
    Map { iter: MapIter<'a>, keyword: bool },
    /// A struct's fields, as `field: value`.
    Struct {
        map: Term,
        fields: Vec<Atom>,
        idx: usize,
    },
}

enum TermSlice<'a> {
    Borrowed(&'a [Term]),
    Owned(Vec<Term>),
}

impl TermSlice<'_> {
    fn get(&self, i: usize) -> Option<Term> {
        match self {
            TermSlice::Borrowed(s) => s.get(i).copied(),
            TermSlice::Owned(v) => v.get(i).copied(),
        }
    }
}

/// The next thing a container shows.
enum Next {
    End,
    Plain(Term),
    Keyword(Atom, Term),
    Assoc(Term, Term),
    /// `[head | tail]` with a tail that is not a list.
    Improper(Term, Term),
}

/// A `{key, value}` tuple with an atom key, as a keyword item.
fn kw_pair(t: Term) -> Option<(Atom, Term)> {
    match t.tuple()? {
        [k, v] => Some((k.as_atom()?, *v)),
        _ => None,
    }
}

impl Items<'_> {
    fn next(&mut self) -> Next {
        match self {
            Items::List { cur, keyword } => match cur.cons() {
                None => Next::End,
                Some((h, t)) => {
                    if !t.is_list() {
                        *cur = Term::NIL;
                        return Next::Improper(h, t);
                    }
                    *cur = t;
                    keyed(h, *keyword)
                }
            },
            Items::Terms {
                terms,
                idx,
                keyword,
            } => match terms.get(*idx) {
                None => Next::End,
                Some(t) => {
                    *idx += 1;
                    keyed(t, *keyword)
                }
            },
            Items::Map { iter, keyword } => match iter.next() {
                None => Next::End,
                Some((k, v)) => match k.as_atom() {
                    Some(a) if *keyword => Next::Keyword(a, v),
                    _ => Next::Assoc(k, v),
                },
            },
            Items::Struct { map, fields, idx } => match fields.get(*idx) {
                None => Next::End,
                Some(&f) => {
                    *idx += 1;
                    Next::Keyword(f, map::get(*map, Term::atom(f)).unwrap_or(Term::NIL_ATOM))
                }
            },
        }
    }
}

fn keyed(t: Term, keyword: bool) -> Next {
    match kw_pair(t) {
        Some((k, v)) if keyword => Next::Keyword(k, v),
        _ => Next::Plain(t),
    }
}

/// A container being built: `container_doc(left, items, right, opts, fun, separator: ",",
/// break: brk)`. Its finished item documents sit on the value stack above `base`.
struct Seq<'a> {
    items: Items<'a>,
    left: DocId,
    right: DocId,
    brk: SeqBreak,
    base: usize,
    /// The remaining `:limit`.
    limit: usize,
    charlists: Charlists,
    /// The last two values are the head and tail of an improper list.
    improper: bool,
}

enum Task<'a> {
    /// `to_doc(term, opts)`.
    Doc(Term, Ctx),
    /// Continue a container.
    Seq(Box<Seq<'a>>),
    /// Pop a value doc and push `key: value` (`Inspect.List.keyword/2`).
    Keyword(DocId),
    /// Pop value and key docs and push `key => value`.
    Assoc,
    /// Pop first, last (and step) and push `first..last` (`//step`).
    Range { step: bool },
    /// Pop a doc and push `left <> doc <> right`.
    Wrap(DocId, DocId),
}

/// Documents used over and over.
struct Common {
    comma: DocId,
    ellipsis: DocId,
    space: DocId,
    bar: DocId,
    arrow: DocId,
    open_list: DocId,
    close_list: DocId,
    empty_list: DocId,
    open_tuple: DocId,
    close_tuple: DocId,
    open_map: DocId,
    close: DocId,
    dotdot: DocId,
    slashes: DocId,
}

struct Builder<'o> {
    opts: &'o InspectOpts,
    modules: &'o dyn Resolve,
    docs: Docs,
    values: Vec<DocId>,
    common: Common,
    scratch: String,
}

impl<'o> Builder<'o> {
    fn new(opts: &'o InspectOpts, modules: &'o dyn Resolve) -> Builder<'o> {
        let mut docs = Docs::new();
        let common = Common {
            comma: docs.text(","),
            ellipsis: docs.text("..."),
            space: docs.text(" "),
            bar: docs.text(" |"),
            arrow: docs.text(" => "),
            open_list: docs.text("["),
            close_list: docs.text("]"),
            empty_list: docs.text("[]"),
            open_tuple: docs.text("{"),
            close_tuple: docs.text("}"),
            open_map: docs.text("%{"),
            close: docs.text("}"),
            dotdot: docs.text(".."),
            slashes: docs.text("//"),
        };
        Builder {
            opts,
            modules,
            docs,
            values: Vec::new(),
            common,
            scratch: String::new(),
        }
    }

    /// `to_doc(t, opts)` for the whole term.
    fn build(&mut self, t: Term) -> DocId {
        let ctx = Ctx {
            limit: self.opts.limit,
            charlists: self.opts.charlists,
        };
        let mut tasks = vec![Task::Doc(t, ctx)];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Doc(t, ctx) => self.doc_of(t, ctx, &mut tasks),
                Task::Seq(seq) => self.step(seq, &mut tasks),
                Task::Keyword(key) => {
                    let v = self.pop();
                    let sv = self.docs.concat(self.common.space, v);
                    let d = self.docs.concat(key, sv);
                    self.values.push(d);
                }
                Task::Assoc => {
                    let v = self.pop();
                    let k = self.pop();
                    let ka = self.docs.concat(k, self.common.arrow);
                    let d = self.docs.concat(ka, v);
                    self.values.push(d);
                }
                Task::Range { step } => {
                    let step = if step { Some(self.pop()) } else { None };
                    let last = self.pop();
                    let first = self.pop();
                    let mut parts = vec![first, self.common.dotdot, last];
                    if let Some(s) = step {
                        parts.extend([self.common.slashes, s]);
                    }
                    let d = self.docs.concat_all(&parts);
                    self.values.push(d);
                }
                Task::Wrap(left, right) => {
                    let d = self.pop();
                    let d = self.docs.concat_all(&[left, d, right]);
                    self.values.push(d);
                }
            }
        }
        self.values.pop().unwrap_or_else(|| self.docs.nil())
    }

    fn pop(&mut self) -> DocId {
        self.values.pop().unwrap_or_else(|| self.docs.nil())
    }

    fn push_text(&mut self, s: &str) {
        let d = self.docs.text(s);
        self.values.push(d);
    }

    /// Pushes the text left in `scratch` as a value.
    fn push_scratch(&mut self) {
        let d = self.docs.text(&self.scratch);
        self.scratch.clear();
        self.values.push(d);
    }

    fn doc_of<'a>(&mut self, t: Term, ctx: Ctx, tasks: &mut Vec<Task<'a>>) {
        let radix = self.opts.base.radix();
        match t.view() {
            View::Small(i) => {
                text::small_integer(i, radix, &mut self.scratch);
                self.push_scratch();
            }
            View::Big { .. } => {
                let n = bignum::to_bigint(t).unwrap_or_default();
                text::integer(&n, radix, &mut self.scratch);
                self.push_scratch();
            }
            View::Float(f) => self.push_text(&inspect_float(f)),
            View::Atom(a) => {
                text::atom_literal(a.name(), &mut self.scratch);
                self.push_scratch();
            }
            View::Nil => self.values.push(self.common.empty_list),
            View::Cons(..) => self.list(t, ctx, tasks),
            View::Tuple(elems) => self.open(
                tasks,
                Items::Terms {
                    terms: TermSlice::Borrowed(elems),
                    idx: 0,
                    keyword: false,
                },
                self.common.open_tuple,
                self.common.close_tuple,
                SeqBreak::Flex,
                ctx,
            ),
            View::Map(m) => self.map(m, ctx, tasks),
            View::Bits(b) => self.bits(b, ctx),
            View::Pid(p) => self.push_text(&format!("#PID<0.{p}.0>")),
            View::Port(p) => self.push_text(&format!("#Port<0.{p}>")),
            View::LocalRef(r) => self.push_text(&format!("#Reference<0.0.0.{r}>")),
            View::MagicRef(r) => self.push_text(&format!("#Reference<0.0.0.{}>", r.serial())),
            View::Fun {
                module,
                index,
                arity,
                ..
            } => {
                let s = &mut self.scratch;
                match self.modules.closure(module, index) {
                    Some(info) => {
                        s.push_str(&format!("#Function<{index}.{}/{arity} in ", info.uniq));
                        text::atom_literal(module.name(), s);
                        s.push('.');
                        text::atom_remote_call(info.function.name(), s);
                        s.push_str(&format!("/{}>", info.arity));
                    }
                    None => {
                        s.push_str(&format!("#Function<{index}.0/{arity} in "));
                        text::atom_literal(module.name(), s);
                        s.push('>');
                    }
                }
                self.push_scratch();
            }
            View::Export {
                module,
                function,
                arity,
            } => {
                let s = &mut self.scratch;
                s.push('&');
                text::atom_literal(module.name(), s);
                s.push('.');
                text::atom_remote_call(function.name(), s);
                s.push_str(&format!("/{arity}"));
                self.push_scratch();
            }
            View::Internal => self.push_text(&format!("#Internal<{:#x}>", t.raw())),
        }
    }

    /// Starts a container.
    fn open<'a>(
        &mut self,
        tasks: &mut Vec<Task<'a>>,
        items: Items<'a>,
        left: DocId,
        right: DocId,
        brk: SeqBreak,
        ctx: Ctx,
    ) {
        tasks.push(Task::Seq(Box::new(Seq {
            items,
            left,
            right,
            brk,
            base: self.values.len(),
            limit: ctx.limit,
            charlists: ctx.charlists,
            improper: false,
        })));
    }

    /// One step of `container_each`: shows the next item, or finishes.
    fn step<'a>(&mut self, mut seq: Box<Seq<'a>>, tasks: &mut Vec<Task<'a>>) {
        if seq.improper {
            self.finish(&seq);
            return;
        }
        let next = seq.items.next();
        if matches!(next, Next::End) {
            self.finish(&seq);
            return;
        }
        if seq.limit == 0 {
            self.values.push(self.common.ellipsis);
            self.finish(&seq);
            return;
        }
        seq.limit = dec(seq.limit);
        let ctx = Ctx {
            limit: seq.limit,
            charlists: seq.charlists,
        };
        match next {
            Next::End => {}
            Next::Plain(t) => {
                tasks.push(Task::Seq(seq));
                tasks.push(Task::Doc(t, ctx));
            }
            Next::Keyword(k, v) => {
                text::atom_key(k.name(), &mut self.scratch);
                let key = self.docs.text(&self.scratch);
                self.scratch.clear();
                tasks.push(Task::Seq(seq));
                tasks.push(Task::Keyword(key));
                tasks.push(Task::Doc(v, ctx));
            }
            Next::Assoc(k, v) => {
                tasks.push(Task::Seq(seq));
                tasks.push(Task::Assoc);
                tasks.push(Task::Doc(v, ctx));
                tasks.push(Task::Doc(k, ctx));
            }
            Next::Improper(h, t) => {
                seq.improper = true;
                tasks.push(Task::Seq(seq));
                tasks.push(Task::Doc(t, ctx));
                tasks.push(Task::Doc(h, ctx));
            }
        }
    }

    /// The end of `container_doc`: joins the item documents and groups them.
    fn finish(&mut self, seq: &Seq<'_>) {
        let base = seq.base.min(self.values.len());
        let mut items: Vec<DocId> = self.values.drain(base..).collect();
        if items.is_empty() {
            let d = self.docs.concat(seq.left, seq.right);
            self.values.push(d);
            return;
        }
        let simple = seq.brk == SeqBreak::Maybe && items.iter().all(|&d| self.docs.is_simple(d));
        if seq.improper && items.len() >= 2 {
            let (Some(tail), Some(head)) = (items.pop(), items.pop()) else {
                return;
            };
            let joined = self.join(head, tail, simple, self.common.bar);
            items.push(joined);
        }
        let flex = simple || seq.brk == SeqBreak::Flex;
        let mut acc = items.pop().unwrap_or_else(|| self.docs.nil());
        while let Some(d) = items.pop() {
            acc = self.join(d, acc, flex, self.common.comma);
        }
        let d = if flex {
            let nested = self.docs.nest(acc, 1);
            let inner = self.docs.concat(seq.left, nested);
            let whole = self.docs.concat(inner, seq.right);
            self.docs.group(whole)
        } else {
            let inner = self.docs.glue(seq.left, false, acc);
            let nested = self.docs.nest(inner, 2);
            let whole = self.docs.glue(nested, false, seq.right);
            self.docs.group(whole)
        };
        self.values.push(d);
    }

    /// `join/4` of `container_doc`.
    fn join(&mut self, left: DocId, right: DocId, flex: bool, sep: DocId) -> DocId {
        let l = self.docs.concat(left, sep);
        if flex {
            self.docs.flex_glue(l, right)
        } else {
            self.docs.glue(l, true, right)
        }
    }

    /// `Inspect.List.inspect/2` for a non-empty list.
    fn list<'a>(&mut self, t: Term, ctx: Ctx, tasks: &mut Vec<Task<'a>>) {
        let limit = self.opts.printable_limit;
        let as_charlist = match ctx.charlists {
            Charlists::AsCharlists => true,
            Charlists::AsLists => false,
            Charlists::Infer => ascii_printable_list(t, limit),
        };
        if as_charlist {
            let cap = limit.saturating_mul(2).saturating_add(2);
            let mut bytes = Vec::new();
            if let Some(cut) = chardata(t, cap, &mut bytes) {
                self.scratch.push('\'');
                let more = text::escape(&bytes, b'\'', limit, &mut self.scratch) || cut;
                self.scratch.push('\'');
                if more {
                    self.scratch.push_str(" ++ ...");
                }
                self.push_scratch();
                return;
            }
        }
        let keyword = is_keyword(t);
        self.open(
            tasks,
            Items::List { cur: t, keyword },
            self.common.open_list,
            self.common.close_list,
            if keyword {
                SeqBreak::Strict
            } else {
                SeqBreak::Maybe
            },
            ctx,
        );
    }

    /// `Inspect.BitString.inspect/2`.
    fn bits(&mut self, b: Bits<'_>, ctx: Ctx) {
        let opts = self.opts;
        if let Some(bytes) = b.as_bytes() {
            let as_string = opts.base == Base::Decimal
                && match opts.binaries {
                    Binaries::AsStrings => true,
                    Binaries::AsBinaries => false,
                    Binaries::Infer => text::string_printable(bytes, opts.printable_limit),
                };
            if as_string {
                self.scratch.push('"');
                let more = text::escape(bytes, b'"', opts.printable_limit, &mut self.scratch);
                self.scratch.push('"');
                if more {
                    self.scratch.push_str(" <> ...");
                }
                self.push_scratch();
                return;
            }
        }
        if b.bit_size == 0 {
            self.push_text("<<>>");
            return;
        }
        let radix = opts.base.radix();
        let full = b.bit_size / 8;
        let rest_bits = b.bit_size % 8;
        let units = full + usize::from(rest_bits > 0);
        // each_bit/3: unit p is shown with counter limit - p; at 0 it is "...".
        let shown = units.min(ctx.limit);
        let mut elems: Vec<DocId> = Vec::with_capacity(shown);
        for p in 0..shown {
            let byte = b.byte(p);
            if p < full {
                text::small_integer(i64::from(byte), radix, &mut self.scratch);
            } else {
                let value = byte >> (8 - rest_bits);
                text::small_integer(i64::from(value), radix, &mut self.scratch);
                self.scratch.push_str(&format!("::size({rest_bits})"));
            }
            let d = self.docs.text(&self.scratch);
            self.scratch.clear();
            elems.push(d);
        }
        let mut acc = if shown < units {
            self.common.ellipsis
        } else {
            elems.pop().unwrap_or_else(|| self.docs.nil())
        };
        while let Some(d) = elems.pop() {
            let l = self.docs.concat(d, self.common.comma);
            acc = self.docs.flex_glue(l, acc);
        }
        let open = self.docs.text("<<");
        let close = self.docs.text(">>");
        let nested = self.docs.nest(acc, 2);
        let inner = self.docs.concat(open, nested);
        let whole = self.docs.concat(inner, close);
        let d = self.docs.group(whole);
        self.values.push(d);
    }

    /// Maps and structs (`Inspect.Algebra.to_doc/2`, `Inspect.Map`, `Inspect.Any`).
    fn map<'a>(&mut self, m: Term, ctx: Ctx, tasks: &mut Vec<Task<'a>>) {
        let module = map::get(m, Term::atom(atom::STRUCT))
            .and_then(Term::as_atom)
            .filter(|_| self.opts.structs);
        if let Some(module) = module {
            if let Some(text) = self.modules.rendered(m) {
                let d = self.docs.text(text);
                self.values.push(d);
                return;
            }
            if self.special_struct(m, module, ctx, tasks) {
                return;
            }
            if let Some(fields) = self.struct_fields(m, module) {
                text::atom_literal(module.name(), &mut self.scratch);
                let open = format!("%{}{{", self.scratch);
                self.scratch.clear();
                let open = self.docs.text(&open);
                self.open(
                    tasks,
                    Items::Struct {
                        map: m,
                        fields,
                        idx: 0,
                    },
                    open,
                    self.common.close,
                    SeqBreak::Strict,
                    ctx,
                );
                return;
            }
        }
        let keyword = map::iter(m).all(|(k, _)| k.as_atom().is_some_and(keyword_key));
        self.open(
            tasks,
            Items::Map {
                iter: map::iter(m),
                keyword,
            },
            self.common.open_map,
            self.common.close,
            SeqBreak::Strict,
            ctx,
        );
    }

    /// The fields to print for struct `module`, or `None` to print the map as a map.
    fn struct_fields(&self, m: Term, module: Atom) -> Option<Vec<Atom>> {
        let (dunder, exception) = (atom::STRUCT, atom::EXCEPTION);
        match self.modules.struct_fields(module) {
            StructInfo::NotAStruct => None,
            StructInfo::Unknown => {
                if !module.name().starts_with("Elixir.") {
                    return None;
                }
                Some(
                    map::sorted_pairs(m)
                        .into_iter()
                        .filter_map(|(k, _)| k.as_atom())
                        .filter(|&a| a != dunder && a != exception)
                        .collect(),
                )
            }
            StructInfo::Fields(fields) => {
                // Inspect.Any: the struct's keys must be exactly the map's keys.
                let n = map::size(m);
                let same = n == fields.len() + 1
                    && fields
                        .iter()
                        .all(|&f| f != dunder && map::get(m, Term::atom(f)).is_some());
                same.then(|| fields.into_iter().filter(|&f| f != exception).collect())
            }
        }
    }

    /// `Inspect.Range` and `Inspect.MapSet`; false when `m` is neither.
    fn special_struct<'a>(
        &mut self,
        m: Term,
        module: Atom,
        ctx: Ctx,
        tasks: &mut Vec<Task<'a>>,
    ) -> bool {
        let get = |name: &str| Atom::existing(name).and_then(|a| map::get(m, Term::atom(a)));
        match module.name() {
            "Elixir.Range" => {
                let (Some(first), Some(last)) = (get("first"), get("last")) else {
                    return false;
                };
                let step = match get("step") {
                    Some(s) => s,
                    None if order::compare(first, last) != Ordering::Greater => {
                        Term::small(1).unwrap_or(Term::NIL)
                    }
                    None => Term::small(-1).unwrap_or(Term::NIL),
                };
                let plain =
                    step.as_small() == Some(1) && order::compare(last, first) != Ordering::Less;
                tasks.push(Task::Range { step: !plain });
                if !plain {
                    tasks.push(Task::Doc(step, ctx));
                }
                tasks.push(Task::Doc(last, ctx));
                tasks.push(Task::Doc(first, ctx));
                true
            }
            "Elixir.MapSet" => {
                let Some(inner) = get("map").filter(|t| t.is_map()) else {
                    return false;
                };
                let keys: Vec<Term> = map::iter(inner).map(|(k, _)| k).collect();
                let left = self.docs.text("MapSet.new(");
                let right = self.docs.text(")");
                tasks.push(Task::Wrap(left, right));
                let ctx = Ctx {
                    charlists: Charlists::AsLists,
                    ..ctx
                };
                if keys.is_empty() {
                    self.values.push(self.common.empty_list);
                    return true;
                }
                let keyword = keys
                    .iter()
                    .all(|&k| kw_pair(k).is_some_and(|(a, _)| keyword_key(a)));
                self.open(
                    tasks,
                    Items::Terms {
                        terms: TermSlice::Owned(keys),
                        idx: 0,
                        keyword,
                    },
                    self.common.open_list,
                    self.common.close_list,
                    if keyword {
                        SeqBreak::Strict
                    } else {
                        SeqBreak::Maybe
                    },
                    ctx,
                );
                true
            }
            _ => false,
        }
    }
}

/// A keyword key: an atom not spelled like an alias (`Inspect.List.keyword?/1`).
fn keyword_key(a: Atom) -> bool {
    !a.name().starts_with("Elixir.")
}

/// `Inspect.List.keyword?/1`: a proper list of `{atom, value}` with non-alias keys.
fn is_keyword(mut t: Term) -> bool {
    while let Some((h, tail)) = t.cons() {
        if !kw_pair(h).is_some_and(|(k, _)| keyword_key(k)) {
            return false;
        }
        t = tail;
    }
    t.is_nil()
}

/// `List.ascii_printable?(list, limit)`.
fn ascii_printable_list(mut t: Term, limit: usize) -> bool {
    let mut count = limit;
    loop {
        if count == 0 {
            return true;
        }
        match t.cons() {
            Some((h, tail)) if h.as_small().is_some_and(text::ascii_printable) => t = tail,
            Some(_) => return false,
            None => return t.is_nil(),
        }
        count = dec(count);
    }
}
