//! Expansion: the AST of a file becomes Core modules.
//!
//! Every built-in form of LANGUAGE.md is lowered here (there are no user macros): module
//! bodies (`def`, `defp`, attributes, `alias`, `import`, `require`, `defstruct`,
//! `defexception`), control forms (`if`, `unless`, `case`, `cond`, `with`, `for`, `try`),
//! operators, pipes, captures, string interpolation, sigils, structs and ranges.
//! Variables get a fresh [`VarId`] per binding; closures record what they capture.
//!
//! The top level of a script becomes the function `run/0` of the module
//! [`SCRIPT_MODULE`]; a `defmodule` there defines its module when the file is loaded.

use std::collections::{HashMap, HashSet};

use num_bigint::BigInt;

use crate::ast::{self, Callee as ACallee, Expr as A, ExprKind as K, Op, Segment, Span};
use crate::core::*;
use crate::diagnostic::Diagnostic;

mod control;
mod forms;
pub(crate) use forms::reflection_functions;
mod patterns;
mod protocols;
mod using;

/// The module holding a script's top-level code: Elixir's name for it, so that messages
/// and stack traces read the same (`anonymous fn/1 in :elixir_compiler_0.__FILE__/1`).
pub const SCRIPT_MODULE: &str = "elixir_compiler_0";
/// The function of [`SCRIPT_MODULE`] that runs the script, of arity 1 (its argument is
/// ignored), as Elixir names it.
pub const SCRIPT_FUN: &str = "__FILE__";

/// A file, expanded.
pub struct Expanded {
    /// Its modules, the script module last.
    pub modules: Vec<Module>,
}

/// What the expander knows about a module of the file.
#[derive(Clone, Default)]
struct ModInfo {
    /// `(name, arity)` of every def/defp.
    funs: HashSet<(String, usize)>,
    /// `(name, arity)` of every def.
    public: HashSet<(String, usize)>,
    /// `(name, arity)` of the def/defp written in the source (not generated).
    defined: HashSet<(String, usize)>,
    /// `@enforce_keys`: struct keys every construction must give.
    enforce: Vec<String>,
    /// Struct fields and their default expressions, when it defines a struct.
    struct_fields: Option<Vec<(String, A)>>,
}

/// A module being expanded.
#[derive(Default)]
struct ModCtx {
    name: String,
    aliases: HashMap<String, String>,
    /// Imported modules with their `only:` filter (`None`: everything public).
    /// Imported modules with the functions each makes visible.
    imports: Vec<(String, HashSet<(String, usize)>)>,
    attributes: HashMap<String, A>,
    funs: Vec<FunDef>,
    /// Index of each `(name, arity)` in `funs`.
    index: HashMap<(String, usize), usize>,
}

/// One level of anonymous function: the outer variables it captures, with the inner
/// variables that receive them.
struct FnFrame {
    captures: Vec<(VarId, VarId)>,
}

/// The exported `(name, arity)` of a module compiled elsewhere, for `import` (the VM
/// answers from its code server).
pub type Exports<'a> = &'a dyn Fn(&str) -> Option<Vec<(String, usize)>>;

pub(crate) struct Expander<'s> {
    #[allow(dead_code)]
    src: &'s str,
    exports: Exports<'s>,
    next_var: VarId,
    env: HashMap<String, VarId>,
    /// How many closures deep each variable is bound.
    var_depth: HashMap<VarId, usize>,
    fn_frames: Vec<FnFrame>,
    known: HashMap<String, ModInfo>,
    mods: Vec<ModCtx>,
    /// The function being expanded, for closure names.
    current_fun: String,
    errors: Vec<Diagnostic>,
    done: Vec<Module>,
    /// The script's top-level expressions.
    script: Vec<Expr>,
}

type R<T> = Result<T, Diagnostic>;

pub(crate) fn err<T>(span: Span, msg: impl Into<String>) -> R<T> {
    Err(Diagnostic {
        message: msg.into(),
        start: span.start as usize,
        end: span.end as usize,
        hint: None,
        incomplete: false,
    })
}

/// Expands a parsed file.
pub fn expand_file<'s>(
    src: &'s str,
    ast: &A,
    exports: Exports<'s>,
) -> Result<Expanded, Vec<Diagnostic>> {
    expand(src, ast, exports, None)
}

/// The state an evaluation (a REPL line, `Runtime::eval`) starts from and leaves for the
/// next one: the variables bound so far, and the aliases and imports in effect.
#[derive(Clone, Debug, Default)]
pub struct EvalEnv {
    /// The names of the variables bound so far (the binding map's keys).
    pub bound: Vec<String>,
    /// `alias` directives in effect: short name to module atom.
    pub aliases: HashMap<String, String>,
    /// `import` directives in effect: module atom with the functions it makes visible.
    pub imports: Vec<(String, HashSet<(String, usize)>)>,
}

/// The function of an evaluation's module: it takes the binding map (variable name atoms
/// to values) and returns `{value, binding}` with the variables bound after the code.
pub const EVAL_FUN: &str = "__eval__";

/// Expands `ast` for an evaluation: like a script, but the top-level code is
/// [`EVAL_FUN`]`/1`, starting with the variables of `env` bound, and `env` is updated with
/// the variables, aliases and imports in effect at the end.
pub fn expand_eval<'s>(
    src: &'s str,
    ast: &A,
    exports: Exports<'s>,
    env: &mut EvalEnv,
) -> Result<Expanded, Vec<Diagnostic>> {
    expand(src, ast, exports, Some(env))
}

fn expand<'s>(
    src: &'s str,
    ast: &A,
    exports: Exports<'s>,
    eval: Option<&mut EvalEnv>,
) -> Result<Expanded, Vec<Diagnostic>> {
    let mut x = Expander {
        src,
        exports,
        next_var: 0,
        env: HashMap::new(),
        var_depth: HashMap::new(),
        fn_frames: Vec::new(),
        known: HashMap::new(),
        mods: vec![ModCtx {
            name: SCRIPT_MODULE.into(),
            ..ModCtx::default()
        }],
        current_fun: if eval.is_some() { EVAL_FUN } else { SCRIPT_FUN }.into(),
        errors: Vec::new(),
        done: Vec::new(),
        script: Vec::new(),
    };
    // `use` is written out first: the prescan must see the functions it defines.
    let rewritten;
    let ast = if src.contains("use") {
        let mut copy = ast.clone();
        using::expand_uses(&mut copy, &mut x.errors);
        rewritten = copy;
        &rewritten
    } else {
        ast
    };
    let top: Vec<&A> = match &ast.kind {
        K::Block(items) => items.iter().collect(),
        _ => vec![ast],
    };
    let span = ast.span;
    // An evaluation binds the variables of the binding map (its argument) first.
    let binding = eval.is_some().then(|| x.fresh());
    if let (Some(env), Some(binding)) = (eval.as_deref(), binding) {
        if let Some(script) = x.mods.first_mut() {
            script.aliases = env.aliases.clone();
            script.imports = env.imports.clone();
        }
        for name in &env.bound {
            let v = x.fresh();
            x.env.insert(name.clone(), v);
            let get = Kind::Call(
                Callee::Remote("maps".into(), "get".into()),
                vec![Expr::atom(name, span), Expr::var(binding, span)],
            );
            x.script.push(Expr::new(
                Kind::Match(Box::new(Pat::Bind(v)), Box::new(Expr::new(get, span))),
                span,
            ));
        }
    }
    let preamble = std::mem::take(&mut x.script);
    x.prescan(&top, "");
    for e in top {
        match x.top_level(e) {
            Ok(Some(c)) => x.script.push(c),
            Ok(None) => {}
            Err(d) => x.errors.push(d),
        }
    }
    if !x.errors.is_empty() {
        return Err(x.errors);
    }
    let mut body = if x.script.is_empty() {
        Expr::atom("nil", span)
    } else {
        Expr::new(Kind::Block(std::mem::take(&mut x.script)), span)
    };
    let (fun, param) = match eval {
        None => (SCRIPT_FUN, Pat::Wild),
        Some(env) => {
            // {value, %{name: var, ...}} of the variables bound at the end.
            let value = x.fresh();
            let mut names: Vec<(String, VarId)> = x
                .env
                .iter()
                .filter(|(n, _)| n.as_str() != "_")
                .map(|(n, v)| (n.clone(), *v))
                .collect();
            names.sort();
            let map = names
                .iter()
                .map(|(n, v)| (Expr::atom(n, span), Expr::var(*v, span)))
                .collect();
            let result = Expr::new(
                Kind::Tuple(vec![
                    Expr::var(value, span),
                    Expr::new(Kind::Map(map), span),
                ]),
                span,
            );
            let mut items = preamble;
            items.push(Expr::new(
                Kind::Match(Box::new(Pat::Bind(value)), Box::new(body)),
                span,
            ));
            items.push(result);
            body = Expr::new(Kind::Block(items), span);
            env.bound = names.into_iter().map(|(n, _)| n).collect();
            if let Some(script) = x.mods.first() {
                env.aliases = script.aliases.clone();
                env.imports = script.imports.clone();
            }
            (EVAL_FUN, binding.map_or(Pat::Wild, Pat::Bind))
        }
    };
    let mut modules = x.done;
    modules.push(Module {
        name: SCRIPT_MODULE.into(),
        struct_fields: None,
        funs: vec![FunDef {
            name: fun.into(),
            arity: 1,
            exported: true,
            clauses: vec![Clause {
                pats: vec![param],
                guard: None,
                body,
            }],
            span,
        }],
    });
    Ok(Expanded { modules })
}

/// The atom of an alias: `Foo.Bar` -> `Elixir.Foo.Bar`.
pub(crate) fn alias_atom(segments: &[String]) -> String {
    match segments.first().map(String::as_str) {
        // `Elixir.Enum` is `Enum`.
        Some("Elixir") if segments.len() > 1 => segments.join("."),
        Some("Elixir") => "Elixir".into(),
        _ => format!("Elixir.{}", segments.join(".")),
    }
}

/// The keyword pairs of a literal keyword list `[a: 1]`.
pub(crate) fn kw_pairs(e: &A) -> Option<Vec<(&str, &A)>> {
    match &e.kind {
        K::List(items) => items
            .iter()
            .map(|i| match &i.kind {
                K::Tuple(kv) => match kv.as_slice() {
                    [k, v] => match &k.kind {
                        K::Atom(a) => Some((a.as_str(), v)),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

impl<'s> Expander<'s> {
    fn fresh(&mut self) -> VarId {
        let depth = self.fn_frames.len();
        self.fresh_at(depth)
    }

    /// A new variable of the function `depth` closures deep.
    fn fresh_at(&mut self, depth: usize) -> VarId {
        let v = self.next_var;
        self.next_var += 1;
        self.var_depth.insert(v, depth);
        v
    }

    /// `v` as seen from the current closure: captured through every closure between the
    /// function that binds it and here.
    fn through_closures(&mut self, mut v: VarId) -> VarId {
        let from = self.var_depth.get(&v).copied().unwrap_or(0);
        for i in from..self.fn_frames.len() {
            let found = self
                .fn_frames
                .get(i)
                .and_then(|f| f.captures.iter().find(|(o, _)| *o == v))
                .map(|&(_, inner)| inner);
            v = match found {
                Some(inner) => inner,
                None => {
                    let inner = self.fresh_at(i + 1);
                    if let Some(f) = self.fn_frames.get_mut(i) {
                        f.captures.push((v, inner));
                    }
                    inner
                }
            };
        }
        v
    }

    fn module(&self) -> &ModCtx {
        // There is always the script module at the bottom.
        self.mods.last().unwrap_or_else(|| unreachable!())
    }

    fn module_mut(&mut self) -> &mut ModCtx {
        self.mods.last_mut().unwrap_or_else(|| unreachable!())
    }

    /// Finds the modules of the file and their functions before expanding anything, so a
    /// call can name a function defined further down.
    fn prescan(&mut self, items: &[&A], prefix: &str) {
        for e in items {
            for (atom, body) in protocols::impl_modules(e, prefix) {
                let mut info = ModInfo::default();
                let inner = block_items(body);
                for d in &inner {
                    forms::scan_def(d, &mut info);
                }
                self.known.insert(atom, info);
            }
            let generated;
            let parts = match protocols::protocol_parts(e) {
                Some((name_e, body)) => match protocols::protocol_body(e, body) {
                    Ok(b) => {
                        generated = b;
                        Some((name_e, Some(&generated)))
                    }
                    Err(_) => None,
                },
                None => defmodule_parts(e),
            };
            if let Some((name_e, body)) = parts {
                // The module's atom, and the prefix of the modules nested in it.
                let (atom, full) = if let K::Atom(a) = &name_e.kind {
                    (
                        a.clone(),
                        a.strip_prefix("Elixir.").unwrap_or(a).to_string(),
                    )
                } else if let Some(segs) = alias_segments(name_e) {
                    let full = if prefix.is_empty() {
                        segs.join(".")
                    } else {
                        format!("{prefix}.{}", segs.join("."))
                    };
                    (format!("Elixir.{full}"), full)
                } else {
                    continue;
                };
                let mut info = ModInfo::default();
                let inner = block_items(body);
                for d in &inner {
                    forms::scan_def(d, &mut info);
                }
                self.known.insert(atom, info);
                self.prescan(&inner, &full);
            }
        }
    }

    fn top_level(&mut self, e: &A) -> R<Option<Expr>> {
        if let Some((name_e, body)) = defmodule_parts(e) {
            self.defmodule(e, name_e, body)?;
            return Ok(None);
        }
        if protocols::protocol_parts(e).is_some() {
            self.defprotocol(e)?;
            return Ok(None);
        }
        if protocols::impl_parts(e).is_some() {
            self.defimpl(e)?;
            return Ok(None);
        }
        Ok(Some(self.expr(e)?))
    }

    /// Expands the arguments of a call.
    fn exprs(&mut self, es: &[A]) -> R<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    /// A block: bindings in one expression are visible in the next.
    fn block(&mut self, es: &[A], span: Span) -> R<Expr> {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.expr(e)?);
        }
        Ok(match out.len() {
            0 => Expr::atom("nil", span),
            1 => out.pop().unwrap_or_else(|| Expr::atom("nil", span)),
            _ => Expr::new(Kind::Block(out), span),
        })
    }

    /// Expands `e` in a scope of its own: bindings inside do not leak out.
    fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = self.env.clone();
        let r = f(self);
        self.env = saved;
        r
    }

    /// The variable `name` as seen from here (captured through enclosing closures).
    fn lookup_var(&mut self, name: &str) -> Option<VarId> {
        let v = *self.env.get(name)?;
        Some(self.through_closures(v))
    }

    /// The expression `e`.
    pub(crate) fn expr(&mut self, e: &A) -> R<Expr> {
        let span = e.span;
        let k = match &e.kind {
            K::Int(i) => Kind::Const(Const::Int(i.clone())),
            K::Float(f) => Kind::Const(Const::Float(*f)),
            K::Char(c) => Kind::Const(Const::Int(BigInt::from(*c))),
            K::Atom(a) => Kind::Const(Const::Atom(a.clone())),
            K::Alias { .. } => Kind::Const(Const::Atom(self.resolve_alias(e)?)),
            K::String(parts) => return self.string(parts, span),
            K::Charlist(parts) => {
                if let Some(s) = literal_string(parts) {
                    return Ok(Expr::konst(charlist_const(&s), span));
                }
                let bin = self.string(parts, span)?;
                return Ok(Expr::remote(
                    "Elixir.String",
                    "to_charlist",
                    vec![bin],
                    span,
                ));
            }
            K::AtomInterp(parts) => {
                let bin = self.string(parts, span)?;
                return Ok(Expr::bif(
                    "binary_to_atom",
                    vec![bin, Expr::atom("utf8", span)],
                    span,
                ));
            }
            K::Sigil(s) => return self.sigil(s, span),
            K::Var(name) => return self.var(name, span),
            K::List(items) => return self.list(items, span),
            K::Tuple(items) => {
                let items = self.exprs(items)?;
                // A tuple of constants is one constant (a literal, built once at load).
                let consts: Option<Vec<Const>> = items
                    .iter()
                    .map(|i| match &i.kind {
                        Kind::Const(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect();
                match consts {
                    Some(cs) => Kind::Const(Const::Tuple(cs)),
                    None => Kind::Tuple(items),
                }
            }
            K::Bitstring(segs) => return self.bitstring(segs, span),
            K::Map { update, pairs } => {
                let pairs = self.map_pairs(pairs)?;
                match update {
                    Some(u) => Kind::MapUpdate(Box::new(self.expr(u)?), pairs),
                    None => Kind::Map(pairs),
                }
            }
            K::Struct { name, map } => return self.struct_expr(name, map, span),
            K::BinOp { op, left, right } => return self.binop(*op, left, right, span),
            K::UnaryOp { op, operand } => return self.unary(*op, operand, span),
            K::NullaryOp(Op::Range) => {
                return self.range(
                    Expr::konst(Const::int(0), span),
                    Expr::konst(Const::int(-1), span),
                    Some(Expr::konst(Const::int(1), span)),
                    span,
                )
            }
            K::NullaryOp(op) => return err(span, format!("unexpected operator {}", op.as_str())),
            K::RangeStep { first, last, step } => {
                let (f, l, s) = (self.expr(first)?, self.expr(last)?, self.expr(step)?);
                return self.range(f, l, Some(s), span);
            }
            K::Call {
                callee,
                args,
                parens,
            } => return self.call(callee, args, *parens, span),
            K::Access { expr, key } => {
                let args = vec![self.expr(expr)?, self.expr(key)?];
                return Ok(Expr::remote("Elixir.Access", "get", args, span));
            }
            K::Fn(clauses) => return self.fn_expr(clauses, span),
            K::Clauses(_) => return err(span, "unexpected clauses (`->`) outside a block"),
            K::Block(items) => return self.block(items, span),
        };
        Ok(Expr::new(k, span))
    }

    fn var(&mut self, name: &str, span: Span) -> R<Expr> {
        match name {
            "__MODULE__" => {
                let m = self.module().name.clone();
                return Ok(Expr::atom(
                    if m == SCRIPT_MODULE { "nil" } else { &m },
                    span,
                ));
            }
            "__ENV__" | "__CALLER__" => return err(span, format!("{name} is not supported")),
            _ => {}
        }
        match self.lookup_var(name) {
            Some(v) => Ok(Expr::var(v, span)),
            // A name that is not a variable is a call without parentheses (`self`, `node`).
            None => self.local_call(name, &[], span),
        }
    }

    fn list(&mut self, items: &[A], span: Span) -> R<Expr> {
        let (items, tail) = split_tail(items);
        let mut acc = match tail {
            Some(t) => self.expr(t)?,
            None => Expr::konst(Const::Nil, span),
        };
        let mut exprs = Vec::with_capacity(items.len());
        for i in items {
            exprs.push(self.expr(i)?);
        }
        for x in exprs.into_iter().rev() {
            acc = Expr::new(Kind::Cons(Box::new(x), Box::new(acc)), span);
        }
        Ok(fold_const(acc))
    }

    fn map_pairs(&mut self, pairs: &[(A, A)]) -> R<Vec<(Expr, Expr)>> {
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            out.push((self.expr(k)?, self.expr(v)?));
        }
        Ok(out)
    }

    /// A string with interpolations: a binary built of the parts, each interpolated value
    /// through `String.Chars.to_string/1` unless it is already a binary.
    pub(crate) fn string(&mut self, parts: &[Segment], span: Span) -> R<Expr> {
        if let Some(s) = literal_string(parts) {
            return Ok(Expr::konst(
                Const::Binary(crate::lexer::literal_bytes(&s)),
                span,
            ));
        }
        let mut segs = Vec::new();
        for p in parts {
            let value = match p {
                Segment::Lit(s) => Expr::konst(Const::Binary(crate::lexer::literal_bytes(s)), span),
                Segment::Interp(e) => {
                    let v = self.expr(e)?;
                    Expr::remote("Elixir.String.Chars", "to_string", vec![v], e.span)
                }
            };
            segs.push(Seg {
                value,
                size: None,
                flags: beamlet_bytecode::instr::seg::BINARY | (8 << 8),
            });
        }
        Ok(Expr::new(Kind::Bin(segs), span))
    }

    fn sigil(&mut self, s: &ast::Sigil, span: Span) -> R<Expr> {
        match s.name.as_str() {
            "s" | "S" => self.string(&s.parts, span),
            "c" | "C" => self.expr(&A::new(K::Charlist(s.parts.clone()), span)),
            "w" | "W" => {
                let Some(text) = literal_string(&s.parts) else {
                    return err(span, "~w with interpolation is not supported yet");
                };
                let mode = s.modifiers.chars().next().unwrap_or('s');
                let items: Vec<Const> = text
                    .split_whitespace()
                    .map(|w| match mode {
                        'a' => Const::Atom(w.to_string()),
                        'c' => charlist_const(w),
                        _ => Const::Binary(crate::lexer::literal_bytes(w)),
                    })
                    .collect();
                Ok(Expr::konst(const_list(items), span))
            }
            // `~r/source/mods`: compiled (and cached) when evaluated.
            "r" | "R" => {
                let source = self.string(&s.parts, span)?;
                let mods = Expr::konst(Const::Binary(s.modifiers.as_bytes().to_vec()), span);
                Ok(Expr::remote(
                    "Elixir.Regex",
                    "compile!",
                    vec![source, mods],
                    span,
                ))
            }
            other => err(span, format!("the sigil ~{other} is not supported yet")),
        }
    }

    /// `first..last//step` as the `Range` struct.
    fn range(&mut self, first: Expr, last: Expr, step: Option<Expr>, span: Span) -> R<Expr> {
        let step = match step {
            Some(s) => s,
            None => {
                // Elixir 1.14: `first..last` steps down when first > last.
                match (&first.kind, &last.kind) {
                    (Kind::Const(Const::Int(a)), Kind::Const(Const::Int(b))) => {
                        Expr::konst(Const::int(if a > b { -1 } else { 1 }), span)
                    }
                    _ => Expr::remote(
                        "Elixir.Range",
                        "__default_step__",
                        vec![first.clone(), last.clone()],
                        span,
                    ),
                }
            }
        };
        Ok(Expr::new(
            Kind::Map(vec![
                (
                    Expr::atom("__struct__", span),
                    Expr::atom("Elixir.Range", span),
                ),
                (Expr::atom("first", span), first),
                (Expr::atom("last", span), last),
                (Expr::atom("step", span), step),
            ]),
            span,
        ))
    }

    /// An anonymous function.
    fn fn_expr(&mut self, clauses: &[ast::Clause], span: Span) -> R<Expr> {
        let arity = clauses.first().map_or(0, |c| strip_guard(&c.args).0.len());
        let saved_env = self.env.clone();
        self.fn_frames.push(FnFrame {
            captures: Vec::new(),
        });
        let mut out = Vec::with_capacity(clauses.len());
        let mut res = Ok(());
        for c in clauses {
            let (args, guard) = strip_guard(&c.args);
            if args.len() != arity {
                res = err(
                    c.span,
                    "cannot mix clauses with different arities in anonymous functions",
                );
                break;
            }
            match self.clause(&args, guard, &c.body) {
                Ok(cl) => out.push(cl),
                Err(d) => {
                    res = Err(d);
                    break;
                }
            }
            self.env = saved_env.clone();
        }
        let frame = self.fn_frames.pop();
        self.env = saved_env;
        res?;
        let frame = frame.unwrap_or(FnFrame { captures: vec![] });
        // The captured variables as the enclosing function sees them (captured in turn).
        let mut captures = Vec::with_capacity(frame.captures.len());
        let mut params = Vec::with_capacity(frame.captures.len());
        for (outer, inner) in frame.captures {
            captures.push(self.capture_outer(outer));
            params.push(inner);
        }
        Ok(Expr::new(
            Kind::Fn(Box::new(FnDef {
                clauses: out,
                arity,
                captures,
                capture_params: params,
                parent: self.current_fun.clone(),
            })),
            span,
        ))
    }

    /// `outer` (a variable of some enclosing scope) as seen from the current closure level.
    fn capture_outer(&mut self, outer: VarId) -> VarId {
        self.through_closures(outer)
    }

    /// A clause: patterns bind in a scope the guard and body see.
    pub(crate) fn clause(&mut self, args: &[A], guard: Option<&A>, body: &A) -> R<Clause> {
        self.scoped(|x| {
            let mut bound = HashMap::new();
            let mut pats = Vec::with_capacity(args.len());
            for a in args {
                pats.push(x.pattern(a, &mut bound)?);
            }
            x.env.extend(bound);
            let guard = match guard {
                Some(g) => Some(x.guard(g)?),
                None => None,
            };
            let body = x.expr(body)?;
            Ok(Clause { pats, guard, body })
        })
    }

    /// A guard: `a when b` inside a guard is `a or b`.
    pub(crate) fn guard(&mut self, g: &A) -> R<Expr> {
        if let K::BinOp {
            op: Op::When,
            left,
            right,
        } = &g.kind
        {
            let (a, b) = (self.guard(left)?, self.guard(right)?);
            return Ok(Expr::new(Kind::OrElse(Box::new(a), Box::new(b)), g.span));
        }
        self.expr(g)
    }

    /// Clauses of `case`/`receive`-like forms: one pattern each.
    pub(crate) fn case_clauses(&mut self, e: &A) -> R<Vec<Clause>> {
        let K::Clauses(cs) = &e.kind else {
            return err(e.span, "expected clauses with `->`");
        };
        cs.iter()
            .map(|c| {
                let (args, guard) = strip_guard(&c.args);
                if args.len() != 1 {
                    return err(c.span, "expected one pattern before `->`");
                }
                self.clause(&args, guard, &c.body)
            })
            .collect()
    }

    pub(crate) fn resolve_alias(&self, e: &A) -> R<String> {
        // `%__MODULE__{}` and the like: the enclosing module.
        if matches!(&e.kind, K::Var(v) if v == "__MODULE__") && self.module().name != SCRIPT_MODULE
        {
            return Ok(self.module().name.clone());
        }
        let K::Alias { base, segments } = &e.kind else {
            return err(e.span, "expected an alias");
        };
        if let Some(b) = base {
            // `__MODULE__.Sub`
            if let K::Var(v) = &b.kind {
                if v == "__MODULE__" {
                    return Ok(format!("{}.{}", self.module().name, segments.join(".")));
                }
            }
            return err(e.span, "dynamic aliases are not supported");
        }
        let first = segments.first().map(String::as_str).unwrap_or("");
        for m in self.mods.iter().rev() {
            if let Some(target) = m.aliases.get(first) {
                let rest = segments.get(1..).unwrap_or(&[]);
                return Ok(if rest.is_empty() {
                    target.clone()
                } else {
                    format!("{target}.{}", rest.join("."))
                });
            }
        }
        Ok(alias_atom(segments))
    }
}

/// The items of a `do` block (a block, a single expression, or nothing).
pub(crate) fn block_items(body: Option<&A>) -> Vec<&A> {
    match body.map(|b| &b.kind) {
        Some(K::Block(xs)) => xs.iter().collect(),
        Some(_) => body.into_iter().collect(),
        None => vec![],
    }
}

/// `defmodule Name do ... end` -> (name, body).
fn defmodule_parts(e: &A) -> Option<(&A, Option<&A>)> {
    module_form(e, "defmodule")
}

/// The arguments of `form(...)`, a local call by that name.
pub(crate) fn local_call_args<'a>(e: &'a A, form: &str) -> Option<&'a [A]> {
    match &e.kind {
        K::Call {
            callee: ACallee::Local(n),
            args,
            ..
        } if n == form => Some(args),
        _ => None,
    }
}

/// `form Name do ... end` -> (name, body).
fn module_form<'a>(e: &'a A, form: &str) -> Option<(&'a A, Option<&'a A>)> {
    let [name, kw] = local_call_args(e, form)? else {
        return None;
    };
    let pairs = kw_pairs(kw)?;
    let body = pairs.iter().find(|(k, _)| *k == "do").map(|(_, v)| *v);
    Some((name, body))
}

fn alias_segments(e: &A) -> Option<Vec<String>> {
    match &e.kind {
        K::Alias {
            base: None,
            segments,
        } => Some(segments.clone()),
        _ => None,
    }
}

/// Splits `[a, b | t]` into items and tail.
pub(crate) fn split_tail(items: &[A]) -> (Vec<&A>, Option<&A>) {
    let mut out: Vec<&A> = items.iter().collect();
    if let Some(last) = items.last() {
        if let K::BinOp {
            op: Op::Pipe,
            left,
            right,
        } = &last.kind
        {
            out.pop();
            out.push(left);
            return (out, Some(right));
        }
    }
    (out, None)
}

/// A string without interpolation.
pub(crate) fn literal_string(parts: &[Segment]) -> Option<String> {
    let mut s = String::new();
    for p in parts {
        match p {
            Segment::Lit(l) => s.push_str(l),
            Segment::Interp(_) => return None,
        }
    }
    Some(s)
}

pub(crate) fn charlist_const(s: &str) -> Const {
    const_list(
        s.chars()
            .map(|c| {
                Const::Int(BigInt::from(
                    crate::lexer::literal_byte(c).map_or(c as u32, u32::from),
                ))
            })
            .collect(),
    )
}

/// A constant proper list.
pub fn const_list(items: Vec<Const>) -> Const {
    if items.is_empty() {
        Const::Nil
    } else {
        Const::List(items, Box::new(Const::Nil))
    }
}

/// `[c1 | [c2 | []]]` of constants becomes one constant list.
fn fold_const(e: Expr) -> Expr {
    fn as_const(e: &Expr) -> Option<Const> {
        match &e.kind {
            Kind::Const(c) => Some(c.clone()),
            Kind::Cons(h, t) => {
                let h = as_const(h)?;
                match as_const(t)? {
                    Const::Nil => Some(Const::List(vec![h], Box::new(Const::Nil))),
                    Const::List(mut items, tail) => {
                        items.insert(0, h);
                        Some(Const::List(items, tail))
                    }
                    other => Some(Const::List(vec![h], Box::new(other))),
                }
            }
            _ => None,
        }
    }
    match as_const(&e) {
        Some(c) => Expr::konst(c, e.span),
        None => e,
    }
}

/// Splits `args` of a clause into the patterns and the `when` guard of the last one.
pub(crate) fn strip_guard(args: &[A]) -> (Vec<A>, Option<&A>) {
    let mut out: Vec<A> = args.to_vec();
    if let Some(last) = args.last() {
        if let K::BinOp {
            op: Op::When,
            left,
            right,
        } = &last.kind
        {
            out.pop();
            out.push((**left).clone());
            return (out, Some(right));
        }
    }
    (out, None)
}
