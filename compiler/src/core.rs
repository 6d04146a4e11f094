//! Core: the small language the expander lowers Elixir into and code generation reads.
//!
//! Every built-in form is gone by this point: `if`, `cond`, `with`, `for`, `&&`, pipes,
//! captures, string interpolation, `rescue` clauses and the like are `Case`s, `Fn`s, calls
//! and `Try`s. Variables are numbered: every binding is a fresh [`VarId`], so shadowing and
//! rebinding (`x = x + 1`) need no scoping rules here. A closure lists the outer variables
//! it captures.

use crate::ast::Span;

/// A variable: one binding.
pub type VarId = u32;

/// A constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// An integer (arbitrary size).
    Int(num_bigint::BigInt),
    /// A float.
    Float(f64),
    /// An atom, by name (`Elixir.Foo` for aliases).
    Atom(String),
    /// A binary.
    Binary(Vec<u8>),
    /// `[]`.
    Nil,
    /// A list of constants ending in a constant tail.
    List(Vec<Const>, Box<Const>),
    /// A tuple of constants.
    Tuple(Vec<Const>),
    /// A map of constants.
    Map(Vec<(Const, Const)>),
}

impl Const {
    /// The atom `name`.
    pub fn atom(name: &str) -> Const {
        Const::Atom(name.to_string())
    }

    /// A small integer.
    pub fn int(i: i64) -> Const {
        Const::Int(i.into())
    }

    /// `true` or `false`.
    pub fn bool(b: bool) -> Const {
        Const::atom(if b { "true" } else { "false" })
    }
}

/// An expression.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What it is.
    pub kind: Kind,
    /// Where it came from (for line tables and errors).
    pub span: Span,
}

/// Binary segment: value (or pattern), size and the type flags of `beamlet_bytecode::instr::seg`.
#[derive(Clone, Debug)]
pub struct Seg<T> {
    /// The value or pattern.
    pub value: T,
    /// The size expression; `None` for the type's default.
    pub size: Option<Expr>,
    /// Type, sign, endianness and unit.
    pub flags: u32,
}

/// Who a call calls.
#[derive(Clone, Debug)]
pub enum Callee {
    /// A function of this module, by name and arity.
    Local(String, usize),
    /// `module.name/arity` where the module is known.
    Remote(String, String),
    /// `module.name(args)` where the module is computed.
    Dynamic(Box<Expr>, String),
    /// A fun value.
    Fun(Box<Expr>),
}

/// Expression kinds.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A constant.
    Const(Const),
    /// A variable's value.
    Var(VarId),
    /// Evaluate in order; the value is the last one's.
    Block(Vec<Expr>),
    /// `pattern = value`: binds the pattern's variables or raises `{:badmatch, value}`.
    Match(Box<Pat>, Box<Expr>),
    /// `[head | tail]`.
    Cons(Box<Expr>, Box<Expr>),
    /// A tuple.
    Tuple(Vec<Expr>),
    /// A map literal.
    Map(Vec<(Expr, Expr)>),
    /// `%{map | k => v}`: every key must exist.
    MapUpdate(Box<Expr>, Vec<(Expr, Expr)>),
    /// A bitstring.
    Bin(Vec<Seg<Expr>>),
    /// A call.
    Call(Callee, Vec<Expr>),
    /// `apply(module, function, args)`.
    Apply(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A BIF of `:erlang` (or another module the VM implements natively) by module and name.
    Bif(&'static str, &'static str, Vec<Expr>),
    /// Match the value against clauses in order; raise `fail` with the value if none matches.
    Case(Box<Expr>, Vec<Clause>, Fail),
    /// `receive`: the oldest message a clause matches leaves the mailbox and that clause
    /// runs; messages that match no clause stay. With `after` (timeout, body): when no
    /// message matches within the timeout (milliseconds or `:infinity`), the body runs.
    Receive(Vec<Clause>, Option<Box<(Expr, Expr)>>),
    /// `if`: the first branch when the condition is truthy (neither `false` nor `nil`),
    /// the second otherwise.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// An anonymous function.
    Fn(Box<FnDef>),
    /// `try`: body, `else` clauses (on the body's value), catch clauses (on
    /// `{class, reason, stacktrace}`), `after`.
    Try(Box<TryDef>),
    /// `a and b` / `a andalso b`: `b` only when `a` is `true`; `a` must be a boolean.
    AndAlso(Box<Expr>, Box<Expr>),
    /// `a or b`: `b` only when `a` is `false`; `a` must be a boolean.
    OrElse(Box<Expr>, Box<Expr>),
    /// Raise an exception of class 0 (error), 1 (exit) or 2 (throw).
    Raise(u8, Box<Expr>),
    /// Raise again what a catch clause caught: class, reason, stack trace.
    Reraise(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// What a `Case` raises when no clause matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fail {
    /// `{:case_clause, value}`.
    CaseClause,
    /// `{:badmatch, value}`.
    BadMatch,
    /// `{:with_clause, value}`.
    WithClause,
    /// `{:try_clause, value}`.
    TryClause,
    /// `:function_clause` (the value is ignored: the arguments are in the stack trace).
    FunctionClause,
    /// Clauses that end in a catch-all (rescue clauses, catch clauses with their own
    /// fallback): no match cannot happen; `{:case_clause, v}` keeps the code total.
    Unreachable,
}

/// A clause: patterns (one per matched value), an optional guard, a body.
#[derive(Clone, Debug)]
pub struct Clause {
    /// Patterns.
    pub pats: Vec<Pat>,
    /// The guard; the clause is taken when it evaluates to `true` without raising.
    pub guard: Option<Expr>,
    /// The body.
    pub body: Expr,
}

/// An anonymous function.
#[derive(Clone, Debug)]
pub struct FnDef {
    /// Its clauses (each with `arity` patterns).
    pub clauses: Vec<Clause>,
    /// Parameters.
    pub arity: usize,
    /// Outer variables it reads, in the order they are passed after the parameters.
    pub captures: Vec<VarId>,
    /// Inner variables that receive the captures (same order).
    pub capture_params: Vec<VarId>,
    /// The function it is defined in (for the generated name `-fun/arity-fun-N-`).
    pub parent: String,
}

/// A `try`.
#[derive(Clone, Debug)]
pub struct TryDef {
    /// The protected body.
    pub body: Expr,
    /// `else` clauses over the body's value (empty: the value itself).
    pub else_clauses: Vec<Clause>,
    /// Clauses over three values: class, reason, stack trace. None matching: re-raise.
    pub catch_clauses: Vec<Clause>,
    /// Runs last, on every path; its value is dropped.
    pub after: Option<Expr>,
}

/// A pattern.
#[derive(Clone, Debug)]
pub enum Pat {
    /// `_`.
    Wild,
    /// Binds a new variable.
    Bind(VarId),
    /// Must equal (`===`... `=:=`) the value of a bound variable (`^x`, or a variable
    /// repeated in one pattern).
    Pinned(VarId),
    /// A constant.
    Const(Const),
    /// `[h | t]`.
    Cons(Box<Pat>, Box<Pat>),
    /// A tuple.
    Tuple(Vec<Pat>),
    /// A map holding these keys (constants or pinned variables) with values matching.
    Map(Vec<(Expr, Pat)>),
    /// A bitstring.
    Bin(Vec<Seg<Pat>>),
    /// `prefix <> rest`.
    Prefix(Vec<u8>, Box<Pat>),
    /// Both patterns match the same value (`a = b` inside a pattern).
    Both(Box<Pat>, Box<Pat>),
}

/// A function definition of a module.
#[derive(Clone, Debug)]
pub struct FunDef {
    /// Name.
    pub name: String,
    /// Arity.
    pub arity: usize,
    /// `def` (true) or `defp`.
    pub exported: bool,
    /// Clauses.
    pub clauses: Vec<Clause>,
    /// Where it is defined.
    pub span: Span,
}

/// A module in Core.
#[derive(Clone, Debug)]
pub struct Module {
    /// Its atom (`Elixir.Foo`).
    pub name: String,
    /// Its functions.
    pub funs: Vec<FunDef>,
    /// Its struct's fields in definition order, when it defines a struct.
    pub struct_fields: Option<Vec<String>>,
}

impl Expr {
    /// A new expression.
    pub fn new(kind: Kind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// A constant.
    pub fn konst(c: Const, span: Span) -> Expr {
        Expr::new(Kind::Const(c), span)
    }

    /// The atom `name`.
    pub fn atom(name: &str, span: Span) -> Expr {
        Expr::konst(Const::atom(name), span)
    }

    /// A variable.
    pub fn var(v: VarId, span: Span) -> Expr {
        Expr::new(Kind::Var(v), span)
    }

    /// An `:erlang` BIF call.
    pub fn bif(name: &'static str, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(Kind::Bif("erlang", name, args), span)
    }

    /// A remote call.
    pub fn remote(module: &str, name: &str, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(
            Kind::Call(Callee::Remote(module.into(), name.into()), args),
            span,
        )
    }
}
