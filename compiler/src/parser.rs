//! The parser: tokens from [`crate::lexer`] through the lalrpop grammar (`grammar.lalrpop`)
//! into an [`Expr`], with errors as [`Diagnostic`]s.
//!
//! The grammar follows Elixir's own (docs/internals/parser.md says how it was made LR(1)).
//! Its actions are the functions in [`build`]; they check what the grammar cannot (the
//! range step `//` follows a `..`, `fn` has clauses, the tree is not deeper than
//! [`crate::ast::MAX_DEPTH`]) and parse string interpolations recursively.
//!
//! The error type is lalrpop's `ParseError`, whose size we do not choose.
#![allow(clippy::result_large_err)]

use lalrpop_util::ParseError;

use crate::ast::Expr;
use crate::diagnostic::Diagnostic;
use crate::lexer;
use crate::token::{Spanned, Tok};

#[allow(
    clippy::all,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    missing_docs,
    unused
)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/grammar.rs"));
}

/// An error raised by a grammar action.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionError {
    /// What is wrong, in Elixir's words where it has some.
    pub message: String,
    /// Where it starts (byte offset).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// What a parse of tokens can fail with.
pub type Error = ParseError<usize, Tok, ActionError>;

/// Parses a whole file (or REPL input); the first error if there are any.
pub fn parse(src: &str) -> Result<Expr, Diagnostic> {
    parse_all(src).map_err(|ds| {
        ds.into_iter().next().unwrap_or_else(|| Diagnostic {
            message: "syntax error".into(),
            start: 0,
            end: 0,
            hint: None,
            incomplete: false,
        })
    })
}

/// Parses a whole file, recovering after a syntax error at the end of the statement it is
/// in, so that one run reports every error it can (in source order).
pub fn parse_all(src: &str) -> Result<Expr, Vec<Diagnostic>> {
    let tokens = lexer::lex(src).map_err(|e| vec![Diagnostic::from_lex_error(&e)])?;
    let mut recovered = Vec::new();
    let result = grammar::GrammarParser::new().parse(&mut recovered, normalize(tokens));
    let mut diagnostics: Vec<Diagnostic> = recovered
        .into_iter()
        .map(|r| Diagnostic::from_parse_error(r.error, src.len()))
        .collect();
    match result {
        Ok(ast) if diagnostics.is_empty() => return Ok(ast),
        Ok(_) => {}
        Err(e) => diagnostics.push(Diagnostic::from_parse_error(e, src.len())),
    }
    diagnostics.sort_by_key(|d| d.start);
    diagnostics.dedup_by_key(|d| d.start);
    Err(diagnostics)
}

/// Parses a token stream (a file, or the inside of an interpolation): the first error.
pub fn parse_tokens(tokens: Vec<Spanned>) -> Result<Expr, Error> {
    let mut recovered = Vec::new();
    let ast = grammar::GrammarParser::new().parse(&mut recovered, normalize(tokens))?;
    match recovered.into_iter().next() {
        Some(r) => Err(r.error),
        None => Ok(ast),
    }
}

/// Prepares tokens for the grammar, doing two jobs Elixir's yecc grammar does with
/// `_eol` rules and precedence declarations, which lalrpop has not:
///
/// - a newline right after an operator, an opening bracket, a comma, a dot or a keyword
///   key, or right before a closing bracket, means nothing: it is dropped;
/// - `..` with no operand on either side is the nullary range (`x = ..`);
/// - `+` and `-` are unary where no operand ends before them (`[-1]`, `a = -b`, `f -x` after
///   an `OpIdentifier`) and binary after one (`a - b`, `a-b`): the unary ones become
///   `UnaryOp`, so the grammar never has to guess.
pub fn normalize(tokens: Vec<Spanned>) -> Vec<Spanned> {
    let mut out: Vec<Spanned> = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter().peekable();
    while let Some((l, tok, r)) = tokens.next() {
        // `..` with no operand before it and none after it is the nullary range.
        if matches!(tok, Tok::RangeOp)
            && !out.last().is_some_and(|(_, prev, _)| ends_operand(prev))
            && tokens
                .peek()
                .is_none_or(|(_, next, _)| closes_operand(next))
        {
            out.push((l, Tok::RangeNullary, r));
            continue;
        }
        match tok {
            Tok::Eol(_)
                if out
                    .last()
                    .is_some_and(|(_, prev, _)| swallows_newline_after(prev)) => {}
            Tok::RParen | Tok::RBracket | Tok::RCurly | Tok::RBit => {
                if matches!(out.last(), Some((_, Tok::Eol(_), _))) {
                    out.pop();
                }
                out.push((l, tok, r));
            }
            Tok::DualOp(op) if !out.last().is_some_and(|(_, prev, _)| ends_operand(prev)) => {
                out.push((l, Tok::UnaryOp(op), r));
            }
            tok => out.push((l, tok, r)),
        }
    }
    out
}

fn swallows_newline_after(t: &Tok) -> bool {
    use Tok::*;
    matches!(
        t,
        AtOp | CaptureOp
            | UnaryOp(_)
            | DualOp(_)
            | MultOp(_)
            | PowerOp
            | ConcatOp(_)
            | RangeOp
            | TernaryOp
            | XorOp
            | AndOp(_)
            | OrOp(_)
            | InOp(_)
            | InMatchOp(_)
            | TypeOp
            | WhenOp
            | PipeOp
            | AssocOp
            | CompOp(_)
            | RelOp(_)
            | ArrowOp(_)
            | MatchOp
            | DotCallOp
            | Dot
            | Comma
            | LParen
            | LBracket
            | LCurly
            | LBit
            | MapOp
            | Percent
            | KwIdentifier(_)
            | KwIdentifierQuoted(_)
            | Eol(_)
    )
}

/// True for tokens that cannot begin an operand: after `..`, they leave it alone.
fn closes_operand(t: &Tok) -> bool {
    use Tok::*;
    matches!(
        t,
        RParen | RBracket | RCurly | RBit | Comma | Eol(_) | Semi | End | StabOp
    )
}

/// True for tokens after which a `+` or `-` is binary.
fn ends_operand(t: &Tok) -> bool {
    use Tok::*;
    matches!(
        t,
        Identifier(_)
            | BracketIdentifier(_)
            | DoIdentifier(_)
            | Alias(_)
            | Atom(_)
            | AtomInterpolated(_)
            | Int(_)
            | Flt(_)
            | Char(_)
            | BinString(_)
            | ListString(_)
            | BinHeredoc(_)
            | ListHeredoc(_)
            | Sigil { .. }
            | True
            | False
            | Nil
            | End
            | RParen
            | RBracket
            | RCurly
            | RBit
    )
}

/// The grammar's actions.
pub(crate) mod build {
    use lalrpop_util::ParseError;

    use super::{parse_tokens, ActionError, Error};
    use crate::ast::{Callee, Clause, Expr, ExprKind, Op, Segment, Sigil, Span, MAX_DEPTH};
    use crate::token::SigilTok;
    use crate::token::StrPart;

    /// The result of an action.
    pub type R<T> = Result<T, Error>;

    fn fail<T>(start: usize, end: usize, message: impl Into<String>) -> R<T> {
        Err(ParseError::User {
            error: ActionError {
                message: message.into(),
                start,
                end,
            },
        })
    }

    /// A leaf.
    pub fn mk(l: usize, r: usize, kind: ExprKind) -> Expr {
        Expr::new(kind, Span::new(l, r))
    }

    /// A node with children: refused when the tree gets too deep.
    pub fn node(l: usize, r: usize, kind: ExprKind) -> R<Expr> {
        let e = Expr::new(kind, Span::new(l, r));
        if e.depth() > MAX_DEPTH {
            return fail(
                l,
                r,
                format!("expression nested more than {MAX_DEPTH} levels deep"),
            );
        }
        Ok(e)
    }

    /// A container (list, tuple, bitstring, struct).
    pub fn container(l: usize, r: usize, kind: ExprKind) -> R<Expr> {
        node(l, r, kind)
    }

    fn start(e: &Expr) -> usize {
        e.span.start as usize
    }

    /// `v` with `x` at the end.
    pub fn push<T>(mut v: Vec<T>, x: T) -> Vec<T> {
        v.push(x);
        v
    }

    /// `a` then `b`.
    pub fn concat<T>(mut a: Vec<T>, b: Vec<T>) -> Vec<T> {
        a.extend(b);
        a
    }

    /// A block of expressions: one expression stands for itself.
    pub fn block(l: usize, r: usize, mut v: Vec<Expr>) -> Expr {
        if v.len() == 1 {
            if let Some(e) = v.pop() {
                return e;
            }
        }
        // A block's depth is bounded by its statements', which were checked.
        Expr::new(ExprKind::Block(v), Span::new(l, r))
    }

    /// An identifier with no arguments.
    pub fn var(l: usize, r: usize, name: String) -> Expr {
        mk(l, r, ExprKind::Var(name))
    }

    /// An atom.
    pub fn atom(l: usize, r: usize, name: String) -> Expr {
        mk(l, r, ExprKind::Atom(name))
    }

    /// String parts to segments; interpolations are parsed here.
    pub fn segments(parts: Vec<StrPart>) -> R<Vec<Segment>> {
        parts
            .into_iter()
            .map(|p| match p {
                StrPart::Lit(s) => Ok(Segment::Lit(s)),
                StrPart::Interp { tokens, start, end } => {
                    let e = parse_tokens(tokens)?;
                    // `#{}` is an empty block spanning the braces.
                    let e = if matches!(&e.kind, ExprKind::Block(v) if v.is_empty()) {
                        mk(start, end, ExprKind::Block(vec![]))
                    } else {
                        e
                    };
                    Ok(Segment::Interp(e))
                }
            })
            .collect()
    }

    /// `:"quoted"` / `"quoted": `: an atom, or an interpolated atom.
    pub fn quoted_atom(l: usize, r: usize, parts: Vec<StrPart>) -> R<Expr> {
        let segs = segments(parts)?;
        if segs.iter().all(|s| matches!(s, Segment::Lit(_))) {
            let name: String = segs
                .into_iter()
                .map(|s| match s {
                    Segment::Lit(t) => t,
                    Segment::Interp(_) => String::new(),
                })
                .collect();
            return Ok(atom(l, r, name));
        }
        node(l, r, ExprKind::AtomInterp(segs))
    }

    /// A sigil.
    #[allow(clippy::boxed_local)] // the token arrives boxed
    pub fn sigil(l: usize, r: usize, s: Box<SigilTok>) -> R<Expr> {
        let SigilTok {
            name,
            parts,
            modifiers,
            delimiter,
        } = *s;
        let parts = segments(parts)?;
        node(
            l,
            r,
            ExprKind::Sigil(Box::new(Sigil {
                name,
                parts,
                modifiers,
                delimiter,
            })),
        )
    }

    /// The pairs out of their boxes (pairs travel boxed through the parser: the parser moves
    /// its values a lot, and a pair of expressions is its largest value).
    pub fn unbox<T>(v: Vec<Box<T>>) -> Vec<T> {
        v.into_iter().map(|b| *b).collect()
    }

    /// A binary operator. As in Elixir, `a not in b` is `not(a in b)`, and so are the
    /// deprecated `not a in b` and `!a in b` (with `!`).
    pub fn bin(op: Op, left: Expr, right: Expr) -> R<Expr> {
        let (l, r) = (start(&left), right.span.end as usize);
        let span = left.span;
        match (op, left.kind) {
            (Op::NotIn, kind) => {
                let inner = bin(Op::In, Expr::new(kind, span), right)?;
                node(
                    l,
                    r,
                    ExprKind::UnaryOp {
                        op: Op::Not,
                        operand: Box::new(inner),
                    },
                )
            }
            (
                Op::In,
                ExprKind::UnaryOp {
                    op: uop @ (Op::Not | Op::Bang),
                    operand,
                },
            ) => {
                let inner = bin(Op::In, *operand, right)?;
                node(
                    l,
                    r,
                    ExprKind::UnaryOp {
                        op: uop,
                        operand: Box::new(inner),
                    },
                )
            }
            (op, kind) => {
                let left = Box::new(Expr::new(kind, span));
                node(
                    l,
                    r,
                    ExprKind::BinOp {
                        op,
                        left,
                        right: Box::new(right),
                    },
                )
            }
        }
    }

    /// `left // right`: only after a range.
    pub fn step(op: Op, left: Expr, right: Expr) -> R<Expr> {
        let (l, r) = (start(&left), right.span.end as usize);
        match left.kind {
            ExprKind::BinOp {
                op: Op::Range,
                left: first,
                right: last,
            } => node(
                l,
                r,
                ExprKind::RangeStep {
                    first,
                    last,
                    step: Box::new(right),
                },
            ),
            _ => {
                let _ = op;
                fail(
                    l,
                    r,
                    "the range step operator (//) must immediately follow the range definition \
                     operator (..), for example: 1..9//2. If you wanted to define a default \
                     argument, use (\\\\) instead. Syntax error before: '//'",
                )
            }
        }
    }

    /// A unary operator at `l`.
    pub fn unary(l: usize, op: Op, operand: Expr) -> R<Expr> {
        let r = operand.span.end as usize;
        node(
            l,
            r,
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        )
    }

    /// A keyword list made of `pairs`.
    pub fn kw_list(l: usize, r: usize, pairs: Vec<(Expr, Expr)>) -> R<Expr> {
        let items = pairs
            .into_iter()
            .map(|(k, v)| {
                let (kl, vr) = (start(&k), v.span.end as usize);
                node(kl, vr, ExprKind::Tuple(vec![k, v]))
            })
            .collect::<R<Vec<Expr>>>()?;
        node(l, r, ExprKind::List(items))
    }

    /// A comma-separated list as written: positional items, then perhaps keyword pairs
    /// without brackets. Calls take the pairs as one last keyword-list argument; lists
    /// take them as their last elements; tuples and bitstrings refuse them.
    /// Keyword pairs without brackets, and where they are.
    type KwTail = (usize, usize, Vec<(Expr, Expr)>);

    pub struct Args {
        items: Vec<Expr>,
        kw: Option<KwTail>,
    }

    impl Args {
        /// Positional items only.
        pub fn new(items: Vec<Expr>) -> Args {
            Args { items, kw: None }
        }

        /// Items, then keyword pairs spanning `l..r`.
        pub fn with_kw(items: Vec<Expr>, l: usize, r: usize, pairs: Vec<(Expr, Expr)>) -> Args {
            Args {
                items,
                kw: Some((l, r, pairs)),
            }
        }

        /// As the arguments of a call.
        pub fn into_call_args(self) -> R<Vec<Expr>> {
            let mut items = self.items;
            if let Some((l, r, pairs)) = self.kw {
                items.push(kw_list(l, r, pairs)?);
            }
            Ok(items)
        }

        /// As the elements of a list: `[a, b: 1]` is `[a, {:b, 1}]`.
        pub fn into_list_items(self) -> R<Vec<Expr>> {
            let mut items = self.items;
            if let Some((_, _, pairs)) = self.kw {
                for (k, v) in pairs {
                    let (kl, vr) = (start(&k), v.span.end as usize);
                    items.push(node(kl, vr, ExprKind::Tuple(vec![k, v]))?);
                }
            }
            Ok(items)
        }

        /// As the elements of a tuple or bitstring: keywords after other elements are one
        /// last keyword list (`{1, a: 2}`); keywords alone are an error (`{a: 1}`).
        pub fn into_items(self, what: &str, open: &str) -> R<Vec<Expr>> {
            match self.kw {
                Some((l, r, _)) if self.items.is_empty() => fail(
                    l,
                    r,
                    format!(
                        "unexpected keyword list inside {what}. Did you mean to write a map \
                         (using %{{...}}) or a list (using [...]) instead? Syntax error after: {open}"
                    ),
                ),
                _ => self.into_call_args(),
            }
        }
    }

    /// What a call calls, before its arguments are known.
    pub enum Head {
        /// `foo`, starting at the offset.
        Local(usize, String),
        /// `expr.foo`
        Remote(Box<Expr>, String),
    }

    impl Head {
        /// A local head.
        pub fn local(l: usize, _r: usize, name: String) -> Head {
            Head::Local(l, name)
        }

        /// A remote head (its end is where the call's arguments take over).
        pub fn remote(e: Expr, name: String, _r: usize) -> Head {
            Head::Remote(Box::new(e), name)
        }

        fn into_call(self, args: Vec<Expr>, parens: bool, r: usize) -> R<Expr> {
            match self {
                Head::Local(l, name) => node(
                    l,
                    r,
                    ExprKind::Call {
                        callee: Callee::Local(name),
                        args,
                        parens,
                    },
                ),
                Head::Remote(e, name) => {
                    let l = start(&e);
                    node(
                        l,
                        r,
                        ExprKind::Call {
                            callee: Callee::Remote(e, name),
                            args,
                            parens,
                        },
                    )
                }
            }
        }
    }

    /// `foo a, b` (no parentheses).
    pub fn no_parens_call(h: Head, args: Vec<Expr>, r: usize) -> R<Expr> {
        h.into_call(args, false, r)
    }

    /// `foo(a)`.
    pub fn local_call(l: usize, r: usize, name: String, args: Vec<Expr>) -> R<Expr> {
        node(
            l,
            r,
            ExprKind::Call {
                callee: Callee::Local(name),
                args,
                parens: true,
            },
        )
    }

    /// `expr.name(args)` or `expr.name` (no parentheses, no arguments).
    pub fn remote(e: Expr, name: String, args: Vec<Expr>, parens: bool, r: usize) -> R<Expr> {
        Head::remote(e, name, r).into_call(args, parens, r)
    }

    /// `expr.(args)`.
    pub fn anonymous_call(e: Expr, args: Vec<Expr>, r: usize) -> R<Expr> {
        let l = start(&e);
        node(
            l,
            r,
            ExprKind::Call {
                callee: Callee::Anonymous(Box::new(e)),
                args,
                parens: true,
            },
        )
    }

    /// `inner(args)` where `inner` is a call.
    pub fn expr_call(inner: Expr, args: Vec<Expr>, r: usize) -> R<Expr> {
        let l = start(&inner);
        node(
            l,
            r,
            ExprKind::Call {
                callee: Callee::Expr(Box::new(inner)),
                args,
                parens: true,
            },
        )
    }

    /// `expr[key]`.
    pub fn access(e: Expr, key: Expr, r: usize) -> R<Expr> {
        let l = start(&e);
        node(
            l,
            r,
            ExprKind::Access {
                expr: Box::new(e),
                key: Box::new(key),
            },
        )
    }

    /// `expr.Alias`.
    pub fn alias_dot(e: Expr, name: String, r: usize) -> R<Expr> {
        let l = start(&e);
        match e.kind {
            ExprKind::Alias { base, mut segments } => {
                segments.push(name);
                node(l, r, ExprKind::Alias { base, segments })
            }
            ExprKind::Atom(_) => fail(
                l,
                r,
                "atom cannot be followed by an alias. If the '.' was meant to be part of the \
                 atom's name, the atom name must be quoted. Syntax error before: '.'",
            ),
            _ => node(
                l,
                r,
                ExprKind::Alias {
                    base: Some(Box::new(e)),
                    segments: vec![name],
                },
            ),
        }
    }

    /// `%{...}` from its parts.
    #[allow(clippy::boxed_local)] // the grammar keeps its values small by boxing this one
    pub fn map(l: usize, r: usize, args: Box<MapArgs>) -> R<Expr> {
        let (update, pairs) = *args;
        node(
            l,
            r,
            ExprKind::Map {
                update: update.map(Box::new),
                pairs,
            },
        )
    }

    /// The inside of `%{...}`: the map being updated, and the pairs.
    pub type MapArgs = (Option<Expr>, Vec<(Expr, Expr)>);

    /// A line of a do-block, `fn` or parenthesised stab: an expression or a clause head.
    pub enum StabItem {
        /// An expression.
        Expr(Expr),
        /// `args -> first line of the body`.
        Clause {
            /// Head.
            args: Vec<Expr>,
            /// First line of the body (boxed, to keep parser values small).
            body: Option<Box<Expr>>,
            /// Start of the clause.
            l: usize,
            /// Position of `->`.
            arrow: usize,
            /// End of the first line.
            r: usize,
        },
    }

    impl StabItem {
        /// A clause.
        pub fn clause(
            l: usize,
            arrow: usize,
            r: usize,
            mut args: Vec<Expr>,
            body: Option<Expr>,
        ) -> StabItem {
            // `() -> x`: the empty parentheses are no arguments.
            if args.len() == 1
                && matches!(&args[..], [Expr { kind: ExprKind::Block(b), .. }] if b.is_empty())
            {
                args.clear();
            }
            StabItem::Clause {
                args,
                body: body.map(Box::new),
                l,
                arrow,
                r,
            }
        }
    }

    /// Plain lines, or clauses each with the lines after it in its body.
    enum Stab {
        Exprs(Vec<Expr>),
        Clauses(Vec<Clause>),
    }

    fn group(items: Vec<StabItem>) -> R<Stab> {
        if !items.iter().any(|i| matches!(i, StabItem::Clause { .. })) {
            return Ok(Stab::Exprs(
                items
                    .into_iter()
                    .filter_map(|i| match i {
                        StabItem::Expr(e) => Some(e),
                        StabItem::Clause { .. } => None,
                    })
                    .collect(),
            ));
        }
        let mut clauses: Vec<(Vec<Expr>, Vec<Expr>, usize, usize)> = Vec::new();
        for item in items {
            match item {
                StabItem::Clause {
                    args,
                    body,
                    l,
                    arrow,
                    r,
                } => {
                    clauses.push((
                        args,
                        body.into_iter().map(|b| *b).collect(),
                        l,
                        r.max(arrow),
                    ));
                }
                StabItem::Expr(e) => match clauses.last_mut() {
                    Some((_, lines, _, r)) => {
                        *r = (*r).max(e.span.end as usize);
                        lines.push(e);
                    }
                    None => {
                        let (l, r) = (start(&e), e.span.end as usize);
                        return fail(
                            l,
                            r,
                            "unexpected operator ->. If you want to define multiple clauses, \
                             the first expression must use ->. Syntax error before: '->'",
                        );
                    }
                },
            }
        }
        Ok(Stab::Clauses(
            clauses
                .into_iter()
                .map(|(args, lines, l, r)| {
                    let body_l = lines.first().map_or(r, start);
                    Clause {
                        args,
                        body: block(body_l, r, lines),
                        span: Span::new(l, r),
                    }
                })
                .collect(),
        ))
    }

    fn stab_value(l: usize, r: usize, items: Vec<StabItem>) -> R<Expr> {
        match group(items)? {
            Stab::Exprs(v) => Ok(block(l, r, v)),
            Stab::Clauses(cs) => node(l, r, ExprKind::Clauses(cs)),
        }
    }

    /// `( ... )`: a block, or clauses.
    pub fn paren_stab(l: usize, r: usize, items: Vec<StabItem>) -> R<Expr> {
        stab_value(l, r, items)
    }

    /// `fn ... end`.
    pub fn fn_expr(l: usize, r: usize, items: Vec<StabItem>) -> R<Expr> {
        match group(items)? {
            Stab::Clauses(cs) => node(l, r, ExprKind::Fn(cs)),
            Stab::Exprs(_) => fail(
                l,
                r,
                "expected anonymous functions to be defined with -> inside: 'fn'",
            ),
        }
    }

    /// `do ... (else ...) end` as the keyword list `[do: ..., else: ...]`.
    pub fn do_block(
        l: usize,
        r: usize,
        body: Option<Vec<StabItem>>,
        rest: Vec<(String, usize, usize, Option<Vec<StabItem>>)>,
    ) -> R<Expr> {
        let body_value = stab_value(l, r, body.unwrap_or_default())?;
        let mut pairs = vec![(atom(l, l + 2, "do".into()), body_value)];
        for (name, bl, br, items) in rest {
            let value = stab_value(bl, br, items.unwrap_or_default())?;
            pairs.push((atom(bl, br, name), value));
        }
        kw_list(l, r, pairs)
    }

    /// `head args do ... end`.
    pub fn block_call(h: Head, mut args: Vec<Expr>, d: Expr, r: usize) -> R<Expr> {
        args.push(d);
        h.into_call(args, false, r)
    }

    /// `foo(args) do ... end`.
    pub fn add_do_block(call: Expr, d: Expr, r: usize) -> R<Expr> {
        let l = start(&call);
        match call.kind {
            ExprKind::Call {
                callee,
                mut args,
                parens,
            } => {
                args.push(d);
                node(
                    l,
                    r,
                    ExprKind::Call {
                        callee,
                        args,
                        parens,
                    },
                )
            }
            other => {
                let inner = Expr::new(other, call.span);
                node(
                    l,
                    r,
                    ExprKind::Call {
                        callee: Callee::Expr(Box::new(inner)),
                        args: vec![d],
                        parens: true,
                    },
                )
            }
        }
    }
}
