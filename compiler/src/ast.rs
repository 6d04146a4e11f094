//! The syntax tree, with a span on every node.
//!
//! It mirrors Elixir's quoted form closely enough that the expansion of built-in forms
//! reads like Elixir's own: a do-block is a trailing keyword list `[do: ..., else: ...]`,
//! a keyword pair is a 2-tuple `{key, value}`, `[h | t]` is a list whose last element is
//! the `|` operator, `when` guards sit inside the arguments of `->` clauses. Typed where it
//! helps the compiler: literals, calls (local, remote, anonymous), containers, operators.
//!
//! Spans are byte offsets into the file; `diagnostic::LineIndex` turns them into
//! line:column. Two trees are compared with [`Expr::same`], which ignores spans.

use num_bigint::BigInt;

pub use crate::token::Op;

/// A byte range in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
    /// Nesting depth of the tree below (a leaf is 1). The parser refuses trees deeper than
    /// [`MAX_DEPTH`], so that recursive passes (and `Drop`) stay within the stack.
    depth: u32,
}

/// The deepest tree the parser builds.
pub const MAX_DEPTH: u32 = 1024;

/// A segment of a string, charlist, interpolated atom or sigil.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    /// Literal text.
    Lit(String),
    /// `#{expr}`.
    Interp(Expr),
}

/// A clause `args -> body` (of `fn`, `case`, `receive`, `cond`, ...). A guard is a `when`
/// operator around the arguments, as in Elixir.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    /// Left of `->`.
    pub args: Vec<Expr>,
    /// Right of `->`.
    pub body: Expr,
    /// The clause's span.
    pub span: Span,
}

/// What a call calls.
#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// `foo(...)`: a local or imported function.
    Local(String),
    /// `expr.fun(...)`: `Mod.fun`, `var.field`, `:erlang.fun`.
    Remote(Box<Expr>, String),
    /// `expr.(...)`: an anonymous function.
    Anonymous(Box<Expr>),
    /// `expr(...)` where `expr` is itself a call (`foo(a)(b)`).
    Expr(Box<Expr>),
}

/// A sigil expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Sigil {
    /// The sigil's name (`w`, `r`, `S`, ...).
    pub name: String,
    /// The body.
    pub parts: Vec<Segment>,
    /// Modifier letters.
    pub modifiers: String,
    /// The opening delimiter, as written (kept for printing).
    pub delimiter: String,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer.
    Int(BigInt),
    /// A float.
    Float(f64),
    /// `?a`: an integer written as a character.
    Char(u32),
    /// An atom, `true`, `false` and `nil` among them.
    Atom(String),
    /// `:"a#{b}"`.
    AtomInterp(Vec<Segment>),
    /// A string (a binary).
    String(Vec<Segment>),
    /// A charlist.
    Charlist(Vec<Segment>),
    /// `~name(...)mods` (boxed: the largest variant).
    Sigil(Box<Sigil>),
    /// An identifier without arguments: a variable, or a call of arity 0 (`self`), told
    /// apart later.
    Var(String),
    /// `Foo.Bar`, or `expr.Foo` (`__MODULE__.Sub`) with `base`.
    Alias {
        /// `expr` in `expr.Foo`, if any.
        base: Option<Box<Expr>>,
        /// The segments.
        segments: Vec<String>,
    },
    /// `[a, b]`; `[h | t]` is a list whose last element is `h | t`; keyword pairs are
    /// 2-tuples.
    List(Vec<Expr>),
    /// `{a, b}`.
    Tuple(Vec<Expr>),
    /// `<<a, b::8>>`.
    Bitstring(Vec<Expr>),
    /// `%{k => v, a: 1}`, or `%{base | k => v}` when `update` is given.
    Map {
        /// The map being updated.
        update: Option<Box<Expr>>,
        /// Key-value pairs (keyword pairs have atom keys).
        pairs: Vec<(Expr, Expr)>,
    },
    /// `%Name{...}`: `map` is the `Map` part.
    Struct {
        /// The struct's name (an alias, `__MODULE__`, a variable).
        name: Box<Expr>,
        /// The fields, as a `Map` expression.
        map: Box<Expr>,
    },
    /// A binary operator.
    BinOp {
        /// Which.
        op: Op,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// A unary operator (`-x`, `!x`, `not x`, `^x`, `&expr`, `@attr`).
    UnaryOp {
        /// Which.
        op: Op,
        /// Operand.
        operand: Box<Expr>,
    },
    /// A nullary operator (`..` alone).
    NullaryOp(Op),
    /// `first..last//step`.
    RangeStep {
        /// First.
        first: Box<Expr>,
        /// Last.
        last: Box<Expr>,
        /// Step.
        step: Box<Expr>,
    },
    /// A call. A do-block arrives as a last argument: a keyword list `[do: ..., ...]`.
    Call {
        /// What is called.
        callee: Callee,
        /// The arguments.
        args: Vec<Expr>,
        /// Written with parentheses.
        parens: bool,
    },
    /// `expr[key]`.
    Access {
        /// The container.
        expr: Box<Expr>,
        /// The key.
        key: Box<Expr>,
    },
    /// `fn clauses end`.
    Fn(Vec<Clause>),
    /// Clauses as a value: the body of a `do` in `case`, `receive`, `cond`, ... or of a
    /// parenthesised stab `(a -> b)`.
    Clauses(Vec<Clause>),
    /// `a; b` or lines of a block.
    Block(Vec<Expr>),
}

/// The direct children of an `ExprKind`, by shared or by mutable reference: one list of
/// the cases for [`ExprKind::for_each_child`] and [`ExprKind::for_each_child_mut`].
macro_rules! each_child {
    ($kind:expr, $f:ident, $($m:tt)?) => {{
        fn segs<'a>(parts: &'a $($m)? [Segment], f: &mut dyn FnMut(&'a $($m)? Expr)) {
            for p in parts {
                if let Segment::Interp(e) = p {
                    f(e);
                }
            }
        }
        match $kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Char(_)
            | ExprKind::Atom(_)
            | ExprKind::Var(_)
            | ExprKind::NullaryOp(_) => {}
            ExprKind::AtomInterp(p) | ExprKind::String(p) | ExprKind::Charlist(p) => segs(p, $f),
            ExprKind::Sigil(s) => segs(& $($m)? s.parts, $f),
            ExprKind::Alias { base, .. } => {
                if let Some(b) = base {
                    $f(b);
                }
            }
            ExprKind::List(xs)
            | ExprKind::Tuple(xs)
            | ExprKind::Bitstring(xs)
            | ExprKind::Block(xs) => {
                for x in xs {
                    $f(x);
                }
            }
            ExprKind::Map { update, pairs } => {
                if let Some(u) = update {
                    $f(u);
                }
                for (k, v) in pairs {
                    $f(k);
                    $f(v);
                }
            }
            ExprKind::Struct { name, map } => {
                $f(name);
                $f(map);
            }
            ExprKind::BinOp { left, right, .. } => {
                $f(left);
                $f(right);
            }
            ExprKind::UnaryOp { operand, .. } => $f(operand),
            ExprKind::RangeStep { first, last, step } => {
                $f(first);
                $f(last);
                $f(step);
            }
            ExprKind::Call { callee, args, .. } => {
                match callee {
                    Callee::Local(_) => {}
                    Callee::Remote(e, _) | Callee::Anonymous(e) | Callee::Expr(e) => $f(e),
                }
                for a in args {
                    $f(a);
                }
            }
            ExprKind::Access { expr, key } => {
                $f(expr);
                $f(key);
            }
            ExprKind::Fn(cs) | ExprKind::Clauses(cs) => {
                for c in cs {
                    for a in & $($m)? c.args {
                        $f(a);
                    }
                    $f(& $($m)? c.body);
                }
            }
        }
    }};
}

impl ExprKind {
    /// Calls `f` on each direct child expression.
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        each_child!(self, f,)
    }

    /// Calls `f` on each direct child expression, mutably.
    pub fn for_each_child_mut<'a>(&'a mut self, f: &mut dyn FnMut(&'a mut Expr)) {
        each_child!(self, f, mut)
    }
}

impl Expr {
    /// An expression.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let mut depth = 0;
        kind.for_each_child(&mut |c| depth = depth.max(c.depth));
        Expr {
            kind,
            span,
            depth: depth.saturating_add(1),
        }
    }

    /// Nesting depth (a leaf is 1).
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Gives this node and every node below it the span `span` (code a form generates
    /// points at the form).
    pub fn set_spans(&mut self, span: Span) {
        self.span = span;
        self.kind.for_each_child_mut(&mut |c| c.set_spans(span));
    }

    /// Structural equality, ignoring spans and sigil delimiters' spelling of the same
    /// content (what a round trip through the printer must preserve).
    pub fn same(&self, other: &Expr) -> bool {
        self.clone().without_spans() == other.clone().without_spans()
    }

    /// The same tree with every span zeroed.
    pub fn without_spans(mut self) -> Expr {
        self.visit_mut(&mut |e| e.span = Span::default());
        self
    }

    /// Calls `f` on this node and every node below it, parents first. Iterative: deep
    /// trees do not overflow the stack.
    pub fn visit_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        let mut work: Vec<&mut Expr> = vec![self];
        while let Some(e) = work.pop() {
            f(e);
            e.children_mut(&mut work);
        }
    }

    fn children_mut<'a>(&'a mut self, out: &mut Vec<&'a mut Expr>) {
        fn segs<'a>(parts: &'a mut [Segment], out: &mut Vec<&'a mut Expr>) {
            for p in parts {
                if let Segment::Interp(e) = p {
                    out.push(e);
                }
            }
        }
        fn clauses<'a>(cs: &'a mut [Clause], out: &mut Vec<&'a mut Expr>) {
            for c in cs {
                c.span = Span::default();
                out.extend(c.args.iter_mut());
                out.push(&mut c.body);
            }
        }
        match &mut self.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Char(_)
            | ExprKind::Atom(_)
            | ExprKind::Var(_)
            | ExprKind::NullaryOp(_) => {}
            ExprKind::AtomInterp(p) | ExprKind::String(p) | ExprKind::Charlist(p) => segs(p, out),
            ExprKind::Sigil(s) => segs(&mut s.parts, out),
            ExprKind::Alias { base, .. } => out.extend(base.as_deref_mut()),
            ExprKind::List(xs)
            | ExprKind::Tuple(xs)
            | ExprKind::Bitstring(xs)
            | ExprKind::Block(xs) => out.extend(xs.iter_mut()),
            ExprKind::Map { update, pairs } => {
                out.extend(update.as_deref_mut());
                for (k, v) in pairs {
                    out.push(k);
                    out.push(v);
                }
            }
            ExprKind::Struct { name, map } => {
                out.push(name);
                out.push(map);
            }
            ExprKind::BinOp { left, right, .. } => {
                out.push(left);
                out.push(right);
            }
            ExprKind::UnaryOp { operand, .. } => out.push(operand),
            ExprKind::RangeStep { first, last, step } => {
                out.push(first);
                out.push(last);
                out.push(step);
            }
            ExprKind::Call { callee, args, .. } => {
                match callee {
                    Callee::Local(_) => {}
                    Callee::Remote(e, _) | Callee::Anonymous(e) | Callee::Expr(e) => out.push(e),
                }
                out.extend(args.iter_mut());
            }
            ExprKind::Access { expr, key } => {
                out.push(expr);
                out.push(key);
            }
            ExprKind::Fn(cs) | ExprKind::Clauses(cs) => clauses(cs, out),
        }
    }
}
