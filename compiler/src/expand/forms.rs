//! Module bodies, calls, operators and the control forms.

use std::collections::HashSet;

use super::{alias_atom, err, kw_pairs, split_tail, Expander, ModCtx, ModInfo, R, SCRIPT_MODULE};
use crate::ast::{Callee as ACallee, Clause as AClause, Expr as A, ExprKind as K, Op, Span};
use crate::core::*;

/// Kernel functions that are `:erlang` BIFs, by Elixir name and arity.
const KERNEL_BIFS: &[(&str, usize, &str)] = &[
    ("abs", 1, "abs"),
    ("length", 1, "length"),
    ("hd", 1, "hd"),
    ("tl", 1, "tl"),
    ("tuple_size", 1, "tuple_size"),
    ("map_size", 1, "map_size"),
    ("byte_size", 1, "byte_size"),
    ("bit_size", 1, "bit_size"),
    ("div", 2, "div"),
    ("rem", 2, "rem"),
    ("round", 1, "round"),
    ("trunc", 1, "trunc"),
    ("floor", 1, "floor"),
    ("ceil", 1, "ceil"),
    ("max", 2, "max"),
    ("min", 2, "min"),
    ("binary_part", 3, "binary_part"),
    ("is_atom", 1, "is_atom"),
    ("is_binary", 1, "is_binary"),
    ("is_bitstring", 1, "is_bitstring"),
    ("is_boolean", 1, "is_boolean"),
    ("is_float", 1, "is_float"),
    ("is_function", 1, "is_function"),
    ("is_function", 2, "is_function"),
    ("is_integer", 1, "is_integer"),
    ("is_list", 1, "is_list"),
    ("is_map", 1, "is_map"),
    ("is_number", 1, "is_number"),
    ("is_pid", 1, "is_pid"),
    ("is_port", 1, "is_port"),
    ("is_reference", 1, "is_reference"),
    ("is_tuple", 1, "is_tuple"),
    ("not", 1, "not"),
    ("node", 0, "node"),
    ("node", 1, "node"),
    ("self", 0, "self"),
    ("make_ref", 0, "make_ref"),
    ("send", 2, "send"),
    ("spawn", 1, "spawn"),
    ("spawn", 3, "spawn"),
    ("spawn_link", 1, "spawn_link"),
    ("spawn_link", 3, "spawn_link"),
    ("spawn_monitor", 1, "spawn_monitor"),
    ("spawn_monitor", 3, "spawn_monitor"),
];

/// The BIFs that Erlang allows in guards, called as `:erlang.name(...)`.
fn erlang_guard_bif(module: &str, name: &str, arity: usize) -> Option<&'static str> {
    const GUARD_BIFS: &[(&str, usize)] = &[
        ("abs", 1),
        ("bit_size", 1),
        ("byte_size", 1),
        ("ceil", 1),
        ("element", 2),
        ("float", 1),
        ("floor", 1),
        ("hd", 1),
        ("is_atom", 1),
        ("is_binary", 1),
        ("is_bitstring", 1),
        ("is_boolean", 1),
        ("is_float", 1),
        ("is_function", 1),
        ("is_function", 2),
        ("is_integer", 1),
        ("is_list", 1),
        ("is_map", 1),
        ("is_map_key", 2),
        ("is_number", 1),
        ("is_pid", 1),
        ("is_port", 1),
        ("is_reference", 1),
        ("is_tuple", 1),
        ("length", 1),
        ("map_get", 2),
        ("map_size", 1),
        ("max", 2),
        ("min", 2),
        ("node", 0),
        ("node", 1),
        ("round", 1),
        ("self", 0),
        ("size", 1),
        ("tl", 1),
        ("trunc", 1),
        ("tuple_size", 1),
        ("binary_part", 2),
        ("binary_part", 3),
        ("div", 2),
        ("rem", 2),
        ("band", 2),
        ("bor", 2),
        ("bxor", 2),
        ("bnot", 1),
        ("bsl", 2),
        ("bsr", 2),
        ("not", 1),
        ("+", 2),
        ("-", 2),
        ("*", 2),
        ("/", 2),
        ("-", 1),
        ("+", 1),
        ("==", 2),
        ("/=", 2),
        ("=:=", 2),
        ("=/=", 2),
        ("<", 2),
        (">", 2),
        ("=<", 2),
        (">=", 2),
    ];
    if module != "erlang" {
        return None;
    }
    GUARD_BIFS
        .iter()
        .find(|&&(n, a)| n == name && a == arity)
        .map(|&(n, _)| n)
}

/// Kernel functions written in the language (stdlib `Kernel`).
const KERNEL_FUNS: &[(&str, usize)] = &[
    ("inspect", 1),
    ("inspect", 2),
    ("to_string", 1),
    ("to_charlist", 1),
    ("then", 2),
    ("tap", 2),
    ("apply", 2),
    ("get_in", 2),
    ("put_in", 3),
    ("update_in", 3),
    ("pop_in", 2),
    ("get_and_update_in", 3),
    ("struct", 1),
    ("struct", 2),
    ("struct!", 1),
    ("struct!", 2),
    ("is_struct", 1),
    ("is_struct", 2),
    ("is_exception", 1),
    ("is_exception", 2),
    ("function_exported?", 3),
    ("elem", 2),
    ("put_elem", 3),
    ("binding", 0),
    ("=~", 2),
];

/// The `:erlang` function an operator is, by arity (`&-/1`, `&+/2`), if it is one.
fn op_bif(op: Op, arity: usize) -> Option<&'static str> {
    match (op, arity) {
        (Op::Minus, 1) => Some("-"),
        (Op::Plus, 1) => Some("+"),
        (Op::Not, 1) => Some("not"),
        (_, 2) => binop_bif(op),
        _ => None,
    }
}

/// Kernel functions that Elixir inlines to an `:erlang` function of another name or
/// that the compiler does not treat as BIFs (for captures: `&send/2` is
/// `&:erlang.send/2`).
const KERNEL_ERLANG: &[(&str, usize, &str)] = &[
    ("apply", 2, "apply"),
    ("function_exported?", 3, "function_exported"),
];

/// Kernel names that are macros in Elixir: a capture makes an anonymous function.
const KERNEL_MACROS: &[(&str, usize)] = &[
    ("to_string", 1),
    ("to_charlist", 1),
    ("then", 2),
    ("tap", 2),
    ("is_struct", 1),
    ("is_struct", 2),
    ("is_exception", 1),
    ("is_exception", 2),
    ("is_nil", 1),
    ("binding", 0),
];

/// `:erlang` names of binary operators.
fn binop_bif(op: Op) -> Option<&'static str> {
    Some(match op {
        Op::Plus => "+",
        Op::Minus => "-",
        Op::Mul => "*",
        Op::Div => "/",
        Op::Eq => "==",
        Op::NotEq => "/=",
        Op::StrictEq => "=:=",
        Op::StrictNotEq => "=/=",
        Op::Lt => "<",
        Op::Gt => ">",
        Op::Le => "=<",
        Op::Ge => ">=",
        Op::Concat => "++",
        Op::Subtract => "--",
        Op::BAnd => "band",
        Op::BOr => "bor",
        Op::BXor => "bxor",
        Op::Shl => "bsl",
        Op::Shr => "bsr",
        _ => return None,
    })
}

/// Records the functions a module body defines (for calls to functions defined later).
/// The name and parameters of a function head: `f(a, b)`, `f`, or an operator
/// (`a + b`, `left =~ right`, `-a`).
fn def_head(head: &A) -> Option<(String, Vec<A>)> {
    match &head.kind {
        K::Call {
            callee: ACallee::Local(n),
            args,
            ..
        } => Some((n.clone(), args.clone())),
        K::Var(n) => Some((n.clone(), vec![])),
        K::BinOp { op, left, right } if !matches!(op, Op::When | Op::Default) => Some((
            op.as_str().to_string(),
            vec![(**left).clone(), (**right).clone()],
        )),
        K::UnaryOp { op, operand } if !matches!(op, Op::At | Op::Capture) => {
            Some((op.as_str().to_string(), vec![(**operand).clone()]))
        }
        _ => None,
    }
}

pub(super) fn scan_def(d: &A, info: &mut ModInfo) {
    // `@enforce_keys [:a, :b]`
    if let K::UnaryOp {
        op: Op::At,
        operand,
    } = &d.kind
    {
        if let K::Call {
            callee: ACallee::Local(n),
            args,
            ..
        } = &operand.kind
        {
            if let (true, Some(K::List(items))) =
                (n == "enforce_keys", args.first().map(|a| &a.kind))
            {
                info.enforce = items
                    .iter()
                    .filter_map(|i| match &i.kind {
                        K::Atom(a) => Some(a.clone()),
                        _ => None,
                    })
                    .collect();
            }
        }
        return;
    }
    let K::Call {
        callee: ACallee::Local(kind),
        args,
        ..
    } = &d.kind
    else {
        return;
    };
    match kind.as_str() {
        "def" | "defp" => {
            let Some(head) = args.first() else { return };
            let head = match &head.kind {
                K::BinOp {
                    op: Op::When, left, ..
                } => left,
                _ => head,
            };
            let Some((name, params)) = def_head(head) else {
                return;
            };
            let (name, params): (&str, &[A]) = (&name, &params);
            let defaults = params
                .iter()
                .filter(|p| {
                    matches!(
                        p.kind,
                        K::BinOp {
                            op: Op::Default,
                            ..
                        }
                    )
                })
                .count();
            info.defined.insert((name.to_string(), params.len()));
            for arity in params.len() - defaults..=params.len() {
                info.funs.insert((name.to_string(), arity));
                if kind == "def" {
                    info.public.insert((name.to_string(), arity));
                }
            }
        }
        "defstruct" | "defexception" => {
            let mut fields = Vec::new();
            if let Some(a) = args.first() {
                if let K::List(items) = &a.kind {
                    for i in items {
                        match &i.kind {
                            K::Atom(n) => {
                                fields.push((n.clone(), A::new(K::Atom("nil".into()), i.span)))
                            }
                            K::Tuple(kv) => {
                                if let [k, v] = kv.as_slice() {
                                    if let K::Atom(n) = &k.kind {
                                        fields.push((n.clone(), v.clone()));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            if kind == "defexception" {
                fields.push((
                    "__exception__".into(),
                    A::new(K::Atom("true".into()), d.span),
                ));
                for (n, a) in [("message", 1), ("exception", 1)] {
                    info.funs.insert((n.into(), a));
                    info.public.insert((n.into(), a));
                }
            }
            for a in [0, 1] {
                info.funs.insert(("__struct__".into(), a));
                info.public.insert(("__struct__".into(), a));
            }
            info.struct_fields = Some(fields);
        }
        _ => {}
    }
}

impl Expander<'_> {
    pub(super) fn defmodule(&mut self, _e: &A, name_e: &A, body: Option<&A>) -> R<()> {
        let outer = self.module().name.clone();
        // `defmodule :name` names the module by a plain atom, nested or not.
        let (name, segs) = if let K::Atom(a) = &name_e.kind {
            (a.clone(), Vec::new())
        } else if let Some(segs) = super::alias_segments(name_e) {
            let name = if outer == SCRIPT_MODULE {
                alias_atom(&segs)
            } else if outer.starts_with("Elixir.") {
                format!("{outer}.{}", segs.join("."))
            } else {
                format!("Elixir.{outer}.{}", segs.join("."))
            };
            (name, segs)
        } else {
            return err(
                name_e.span,
                "defmodule expects an alias or an atom as the module name",
            );
        };
        // A nested module is aliased in its parent by its first segment.
        if outer != SCRIPT_MODULE {
            if let Some(first) = segs.first() {
                let target = format!("{outer}.{first}");
                self.module_mut().aliases.insert(first.clone(), target);
            }
        }
        let saved_env = std::mem::take(&mut self.env);
        self.mods.push(ModCtx {
            name: name.clone(),
            ..ModCtx::default()
        });
        let items = super::block_items(body);
        let mut errors = Vec::new();
        for item in items {
            if let Err(d) = self.module_item(item) {
                errors.push(d);
            }
        }
        let ctx = self.mods.pop().unwrap_or_default();
        self.env = saved_env;
        if let Some(first) = errors.first().cloned() {
            self.errors.extend(errors.into_iter().skip(1));
            return Err(first);
        }
        self.finish_module(ctx)
    }

    fn finish_module(&mut self, ctx: ModCtx) -> R<()> {
        let struct_fields = self
            .known
            .get(&ctx.name)
            .and_then(|i| i.struct_fields.as_ref())
            .map(|fs| fs.iter().map(|(f, _)| f.clone()).collect());
        self.done.push(Module {
            name: ctx.name,
            funs: ctx.funs,
            struct_fields,
        });
        Ok(())
    }

    fn module_item(&mut self, item: &A) -> R<()> {
        if let Some((name_e, body)) = super::defmodule_parts(item) {
            return self.defmodule(item, name_e, body);
        }
        match &item.kind {
            K::Call {
                callee: ACallee::Local(kind),
                args,
                ..
            } => match kind.as_str() {
                "def" | "defp" => return self.def(kind == "def", args, item.span),
                "defstruct" => return self.defstruct(false, item.span),
                "defexception" => return self.defstruct(true, item.span),
                "alias" | "import" | "require" => {
                    self.directive(kind, args, item.span)?;
                    return Ok(());
                }
                "use" => return self.use_(args, item.span),
                "defmacro" | "defmacrop" | "defguard" | "defguardp" => {
                    return err(
                        item.span,
                        format!("{kind} is outside Beamlet's subset of Elixir"),
                    )
                }
                "defdelegate" => return err(item.span, "defdelegate is not supported yet"),
                "defprotocol" => return self.defprotocol(item),
                "defimpl" => return self.defimpl(item),
                _ => {}
            },
            K::UnaryOp {
                op: Op::At,
                operand,
            } => {
                if let K::Call {
                    callee: ACallee::Local(attr),
                    args,
                    ..
                } = &operand.kind
                {
                    if let [value] = args.as_slice() {
                        if !matches!(
                            attr.as_str(),
                            "doc"
                                | "moduledoc"
                                | "spec"
                                | "type"
                                | "typep"
                                | "opaque"
                                | "impl"
                                | "behaviour"
                                | "callback"
                                | "typedoc"
                                | "derive"
                                | "compile"
                                | "dialyzer"
                        ) {
                            self.module_mut()
                                .attributes
                                .insert(attr.clone(), value.clone());
                        }
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
        // Any other expression runs when the module is defined.
        let e = self.expr(item)?;
        self.script.push(e);
        Ok(())
    }

    pub(super) fn directive(&mut self, kind: &str, args: &[A], span: Span) -> R<()> {
        let Some(target) = args.first() else {
            return err(span, format!("{kind} expects a module"));
        };
        // `alias Base.{A, B.C}`: one directive per module.
        if let K::Call {
            callee: ACallee::Remote(base, name),
            args: items,
            ..
        } = &target.kind
        {
            if name == "{}" {
                let base = self.resolve_alias(base)?;
                for item in items {
                    let Some(segs) = super::alias_segments(item) else {
                        return err(item.span, format!("{kind} expects aliases inside {{}}"));
                    };
                    let full = format!("{base}.{}", segs.join("."));
                    let target = A::new(K::Atom(full), item.span);
                    self.directive(kind, std::slice::from_ref(&target), span)?;
                }
                return Ok(());
            }
        }
        let opts = args.get(1).and_then(kw_pairs).unwrap_or_default();
        let module = match &target.kind {
            K::Alias { .. } => self.resolve_alias(target)?,
            K::Atom(a) => a.clone(),
            _ => return err(target.span, format!("{kind} expects a module")),
        };
        match kind {
            "alias" => {
                let short = match opts.iter().find(|(k, _)| *k == "as") {
                    Some((_, v)) => match super::alias_segments(v) {
                        Some(s) => s.join("."),
                        None => return err(v.span, "alias as: expects an alias"),
                    },
                    None => module.rsplit('.').next().unwrap_or(&module).to_string(),
                };
                self.module_mut().aliases.insert(short, module);
            }
            "import" => {
                let set_of = |key: &str| -> Option<HashSet<(String, usize)>> {
                    let (_, v) = opts.iter().find(|(k, _)| *k == key)?;
                    let pairs = kw_pairs(v)?;
                    let mut set = HashSet::new();
                    for (n, a) in pairs {
                        if let K::Int(a) = &a.kind {
                            set.insert((n.to_string(), usize::try_from(a).unwrap_or(0)));
                        }
                    }
                    Some(set)
                };
                let only = set_of("only");
                let except = set_of("except").unwrap_or_default();
                // What the module exports: from this file, or from the modules loaded
                // where the file is compiled (the standard library).
                let exports: HashSet<(String, usize)> = match self.known.get(&module) {
                    Some(i) => i.public.clone(),
                    None => (self.exports)(&module)
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                };
                let visible: HashSet<(String, usize)> = match only {
                    Some(set) => set,
                    // `module_info` is the Erlang compiler's, not a function to import.
                    None => exports
                        .into_iter()
                        .filter(|(n, _)| !n.starts_with('_') && n != "module_info")
                        .collect(),
                };
                let visible = visible
                    .into_iter()
                    .filter(|k| !except.contains(k))
                    .collect();
                self.module_mut().imports.push((module, visible));
            }
            _ => {}
        }
        Ok(())
    }

    fn use_(&mut self, args: &[A], span: Span) -> R<()> {
        let Some(target) = args.first() else {
            return err(span, "use expects a module");
        };
        let module = self.resolve_alias(target)?;
        err(
            span,
            format!(
                "use {} is not supported yet",
                module.trim_start_matches("Elixir.")
            ),
        )
    }

    fn defstruct(&mut self, exception: bool, span: Span) -> R<()> {
        let name = self.module().name.clone();
        let fields = self
            .known
            .get(&name)
            .and_then(|i| i.struct_fields.clone())
            .unwrap_or_default();
        // __struct__/0: the defaults.
        let mut pairs = vec![(Expr::atom("__struct__", span), Expr::atom(&name, span))];
        for (f, default) in &fields {
            pairs.push((Expr::atom(f, span), self.expr(default)?));
        }
        let defaults = Expr::new(Kind::Map(pairs), span);
        self.add_fun(
            "__struct__",
            0,
            true,
            Clause {
                pats: vec![],
                guard: None,
                body: defaults,
            },
            span,
        );
        // __struct__/1: the defaults merged with a keyword list or map.
        let kv = self.fresh();
        let enforce = self
            .known
            .get(&name)
            .map(|i| i.enforce.clone())
            .unwrap_or_default();
        let merged = Expr::new(
            Kind::Bif(
                "beamlet",
                "merge_struct",
                vec![
                    Expr::new(
                        Kind::Call(Callee::Local("__struct__".into(), 0), vec![]),
                        span,
                    ),
                    Expr::var(kv, span),
                ],
            ),
            span,
        );
        let body = if enforce.is_empty() {
            merged
        } else {
            let keys = crate::expand::const_list(enforce.iter().map(|k| Const::atom(k)).collect());
            let check = Expr::remote(
                "Elixir.Beamlet.Kernel",
                "enforce_keys",
                vec![
                    Expr::var(kv, span),
                    Expr::konst(keys, span),
                    Expr::atom(&name, span),
                ],
                span,
            );
            Expr::new(Kind::Block(vec![check, merged]), span)
        };
        self.add_fun(
            "__struct__",
            1,
            true,
            Clause {
                pats: vec![Pat::Bind(kv)],
                guard: None,
                body,
            },
            span,
        );
        if exception {
            // exception/1: a message or a keyword list.
            let msg = self.fresh();
            let with_msg = Expr::new(
                Kind::MapUpdate(
                    Box::new(Expr::new(
                        Kind::Call(Callee::Local("__struct__".into(), 0), vec![]),
                        span,
                    )),
                    vec![(Expr::atom("message", span), Expr::var(msg, span))],
                ),
                span,
            );
            let has_message = fields.iter().any(|(f, _)| f == "message");
            let own_exception = self.module_defines_later("exception", 1);
            if has_message && !own_exception {
                self.add_fun(
                    "exception",
                    1,
                    true,
                    Clause {
                        pats: vec![Pat::Bind(msg)],
                        guard: Some(Expr::bif("is_binary", vec![Expr::var(msg, span)], span)),
                        body: with_msg,
                    },
                    span,
                );
            }
            let kv = self.fresh();
            if !own_exception {
                self.add_fun(
                    "exception",
                    1,
                    true,
                    Clause {
                        pats: vec![Pat::Bind(kv)],
                        guard: None,
                        body: Expr::new(
                            Kind::Call(
                                Callee::Local("__struct__".into(), 1),
                                vec![Expr::var(kv, span)],
                            ),
                            span,
                        ),
                    },
                    span,
                );
            }
            // message/1 unless the module defines it.
            let defines_message = self
                .module()
                .index
                .contains_key(&("message".to_string(), 1))
                || self.module_defines_later("message", 1);
            if !defines_message && has_message {
                let e = self.fresh();
                self.add_fun(
                    "message",
                    1,
                    true,
                    Clause {
                        pats: vec![Pat::Bind(e)],
                        guard: None,
                        body: Expr::bif(
                            "map_get",
                            vec![Expr::atom("message", span), Expr::var(e, span)],
                            span,
                        ),
                    },
                    span,
                );
            }
        }
        Ok(())
    }

    /// Whether the module has a `def name/arity` somewhere in its body (prescanned).
    fn module_defines_later(&self, name: &str, arity: usize) -> bool {
        self.known
            .get(&self.module().name)
            .is_some_and(|i| i.defined.contains(&(name.to_string(), arity)))
    }

    fn add_fun(&mut self, name: &str, arity: usize, exported: bool, clause: Clause, span: Span) {
        let m = self.module_mut();
        let key = (name.to_string(), arity);
        match m.index.get(&key) {
            Some(&i) => {
                if let Some(f) = m.funs.get_mut(i) {
                    f.clauses.push(clause);
                }
            }
            None => {
                m.index.insert(key, m.funs.len());
                m.funs.push(FunDef {
                    name: name.into(),
                    arity,
                    exported,
                    clauses: vec![clause],
                    span,
                });
            }
        }
    }

    /// `def name(args) when guard do body end` (and the `do:` form, defaults, an implicit
    /// `try` when the body has `rescue`/`catch`/`after`).
    fn def(&mut self, public: bool, args: &[A], span: Span) -> R<()> {
        let (head, kw) = match args {
            [head, kw] => (head, Some(kw)),
            // A bodiless head declares default arguments for the clauses that follow.
            [head] => (head, None),
            _ => return err(span, "def expects a head and a body"),
        };
        let (head, guard) = match &head.kind {
            K::BinOp {
                op: Op::When,
                left,
                right,
            } => (&**left, Some(&**right)),
            _ => (head, None),
        };
        let Some((name, params)) = def_head(head) else {
            return err(head.span, "invalid function head");
        };
        let pairs = match kw {
            Some(kw) => match kw_pairs(kw) {
                Some(p) => p,
                None => return err(kw.span, "def expects a do block"),
            },
            None => vec![],
        };
        let body = match pairs.iter().find(|(k, _)| *k == "do") {
            Some((_, b)) => Some((*b).clone()),
            None if kw.is_none() => None,
            None => return err(span, "def expects a do block"),
        };
        let body = body.map(|body| {
            if pairs.len() > 1 {
                // `def f do ... rescue ... end`: the body is a try.
                A::new(
                    K::Call {
                        callee: ACallee::Local("try".into()),
                        args: kw.into_iter().cloned().collect(),
                        parens: false,
                    },
                    body.span,
                )
            } else {
                body
            }
        });
        // Default arguments: `f/n` for fewer arguments calls the full one.
        let mut patterns = Vec::with_capacity(params.len());
        let mut defaults = Vec::new();
        for (i, p) in params.iter().enumerate() {
            match &p.kind {
                K::BinOp {
                    op: Op::Default,
                    left,
                    right,
                } => {
                    patterns.push((**left).clone());
                    defaults.push((i, (**right).clone()));
                }
                _ => patterns.push(p.clone()),
            }
        }
        let arity = patterns.len();
        if !defaults.is_empty() {
            for k in 0..defaults.len() {
                let given = arity - (defaults.len() - k);
                if self.module().index.contains_key(&(name.clone(), given)) {
                    continue;
                }
                // Parameters without a default, plus the first k defaulted ones, are passed.
                let mut call_args = Vec::with_capacity(arity);
                let mut pats = Vec::with_capacity(given);
                let mut passed_defaults = 0;
                for i in 0..arity {
                    match defaults.iter().find(|(j, _)| *j == i) {
                        Some((_, d)) if passed_defaults >= k => {
                            call_args.push(self.expr(d)?);
                        }
                        Some(_) => {
                            passed_defaults += 1;
                            let v = self.fresh();
                            pats.push(Pat::Bind(v));
                            call_args.push(Expr::var(v, span));
                        }
                        None => {
                            let v = self.fresh();
                            pats.push(Pat::Bind(v));
                            call_args.push(Expr::var(v, span));
                        }
                    }
                }
                let body = Expr::new(
                    Kind::Call(Callee::Local(name.clone(), arity), call_args),
                    span,
                );
                self.add_fun(
                    &name,
                    given,
                    public,
                    Clause {
                        pats,
                        guard: None,
                        body,
                    },
                    span,
                );
            }
        }
        let Some(body) = body else {
            return Ok(());
        };
        self.current_fun = format!("{name}/{arity}");
        self.env.clear();
        let clause = self.clause(&patterns, guard, &body)?;
        self.env.clear();
        self.add_fun(&name, arity, public, clause, span);
        Ok(())
    }

    /// A call.
    pub(crate) fn call(
        &mut self,
        callee: &ACallee,
        args: &[A],
        parens: bool,
        span: Span,
    ) -> R<Expr> {
        match callee {
            ACallee::Local(name) => self.local_call(name, args, span),
            ACallee::Remote(target, name) => {
                // `var.field` without parentheses: a map's field, or a call when the
                // value is a module name (as Elixir compiles it).
                if !parens && args.is_empty() {
                    let dynamic = match &target.kind {
                        K::Var(v) => self.env.contains_key(v),
                        K::Alias { .. } | K::Atom(_) => false,
                        _ => true,
                    };
                    if dynamic {
                        let m = self.expr(target)?;
                        return Ok(self.dot(m, name, span));
                    }
                }
                let args_e = self.exprs(args)?;
                match &target.kind {
                    K::Alias { .. } => {
                        let m = self.resolve_alias(target)?;
                        if m == "Elixir.Kernel" && kernel_inline(name, args.len()) {
                            return self.kernel_call(name, args, span);
                        }
                        if let Some((m, f)) = remote_inline(&m, name, args.len()) {
                            return Ok(Expr::remote(m, f, args_e, span));
                        }
                        Ok(Expr::remote(&m, name, args_e, span))
                    }
                    // `:erlang.raise(class, reason, stacktrace)` keeps the given stack
                    // trace, as `reraise` does.
                    K::Atom(m) if m == "erlang" && name == "raise" && args_e.len() == 3 => {
                        let mut it = args_e.into_iter();
                        let (Some(c), Some(r), Some(t)) = (it.next(), it.next(), it.next()) else {
                            return err(span, "internal error: :erlang.raise/3");
                        };
                        Ok(Expr::new(
                            Kind::Reraise(Box::new(c), Box::new(r), Box::new(t)),
                            span,
                        ))
                    }
                    K::Atom(m) => match erlang_guard_bif(m, name, args_e.len()) {
                        // `:erlang.element(1, t)` is the BIF (a failing guard is false).
                        Some(bif) => Ok(Expr::bif(bif, args_e, span)),
                        None => Ok(Expr::remote(m, name, args_e, span)),
                    },
                    _ => {
                        let m = self.expr(target)?;
                        Ok(Expr::new(
                            Kind::Call(Callee::Dynamic(Box::new(m), name.clone()), args_e),
                            span,
                        ))
                    }
                }
            }
            ACallee::Anonymous(f) => {
                let f = self.expr(f)?;
                let args = self.exprs(args)?;
                Ok(Expr::new(Kind::Call(Callee::Fun(Box::new(f)), args), span))
            }
            ACallee::Expr(_) => err(span, "this kind of call is not supported"),
        }
    }

    /// `Kernel.name(args)` for a Kernel function the compiler inlines (operators, BIFs).
    fn kernel_call(&mut self, name: &str, args: &[A], span: Span) -> R<Expr> {
        if let Some(op) = operator(name) {
            let Some(e) = apply_op(op, args, span) else {
                return err(span, "invalid operator call");
            };
            return self.expr(&e);
        }
        // `Kernel.f(...)` is Kernel's even where the module defines or imports an `f`.
        if let Some(e) = self.special_form(name, args, span)? {
            return Ok(e);
        }
        self.kernel_fun(name, args, span)
    }

    /// `value.name` without parentheses: `case value do %{name: v} -> v; m when is_map(m) ->
    /// raise {:badkey, name, m}; other -> other.name() end`.
    fn dot(&mut self, value: Expr, name: &str, span: Span) -> Expr {
        let (v, m, other) = (self.fresh(), self.fresh(), self.fresh());
        let key = Expr::atom(name, span);
        Expr::new(
            Kind::Case(
                Box::new(value),
                vec![
                    Clause {
                        pats: vec![Pat::Map(vec![(key.clone(), Pat::Bind(v))])],
                        guard: None,
                        body: Expr::var(v, span),
                    },
                    Clause {
                        pats: vec![Pat::Bind(m)],
                        guard: Some(Expr::bif("is_map", vec![Expr::var(m, span)], span)),
                        body: Expr::new(
                            Kind::Bif("beamlet", "dot", vec![Expr::var(m, span), key]),
                            span,
                        ),
                    },
                    Clause {
                        pats: vec![Pat::Bind(other)],
                        guard: None,
                        body: Expr::new(
                            Kind::Call(
                                Callee::Dynamic(Box::new(Expr::var(other, span)), name.into()),
                                vec![],
                            ),
                            span,
                        ),
                    },
                ],
                Fail::CaseClause,
            ),
            span,
        )
    }

    /// A call of `name` without a module: a special form, a local function, an import, or
    /// Kernel.
    pub(crate) fn local_call(&mut self, name: &str, args: &[A], span: Span) -> R<Expr> {
        if let Some(e) = self.special_form(name, args, span)? {
            return Ok(e);
        }
        let arity = args.len();
        if self.defined_here(name, arity) {
            let args = self.exprs(args)?;
            return Ok(Expr::new(
                Kind::Call(Callee::Local(name.into(), arity), args),
                span,
            ));
        }
        if let Some(target) = self.imported(name, arity) {
            let args = self.exprs(args)?;
            return Ok(Expr::remote(&target, name, args, span));
        }
        self.kernel_fun(name, args, span)
    }

    /// `name(args)` as Kernel's function, or the error for an undefined function.
    fn kernel_fun(&mut self, name: &str, args: &[A], span: Span) -> R<Expr> {
        let arity = args.len();
        let module = self.module().name.clone();
        if let Some(&(_, _, bif)) = KERNEL_BIFS
            .iter()
            .find(|(n, a, _)| *n == name && *a == arity)
        {
            let args = self.exprs(args)?;
            return Ok(Expr::bif(bif, args, span));
        }
        if KERNEL_FUNS.iter().any(|(n, a)| *n == name && *a == arity) {
            let args = self.exprs(args)?;
            return Ok(Expr::remote("Elixir.Kernel", name, args, span));
        }
        let here = "undefined function";
        let what = if module == SCRIPT_MODULE {
            format!("{here} {name}/{arity} (there is no such import)")
        } else {
            format!(
                "{here} {name}/{arity} (expected {} to define such a function or for it to be imported, but none are available)",
                module.trim_start_matches("Elixir.")
            )
        };
        err(span, what)
    }

    /// Whether `name/arity` is a function of the module being compiled (the script's
    /// top level has none).
    fn defined_here(&self, name: &str, arity: usize) -> bool {
        let key = (name.to_string(), arity);
        let module = &self.module().name;
        let here = self
            .known
            .get(module)
            .is_some_and(|i| i.funs.contains(&key))
            || self.module().index.contains_key(&key);
        here && module != SCRIPT_MODULE
    }

    /// The module `name/arity` is imported from, innermost module first.
    fn imported(&self, name: &str, arity: usize) -> Option<String> {
        let key = (name.to_string(), arity);
        for m in self.mods.iter().rev() {
            for (target, visible) in m.imports.iter().rev() {
                if visible.contains(&key) {
                    return Some(target.clone());
                }
            }
        }
        None
    }

    /// The external fun that `&Kernel.name/arity` is in Elixir, for a Kernel function
    /// that the compiler inlines: `&:erlang.abs/1` for a BIF, `&Kernel.elem/2` for the
    /// others (which `inspect` shows).
    /// Macros in Elixir (`is_nil/1`, `then/2`, ...) are captured as anonymous functions.
    fn kernel_capture(&self, name: &str, arity: usize, span: Span) -> Option<Expr> {
        let found = |t: &[(&str, usize, &'static str)]| {
            t.iter()
                .find(|(n, a, _)| *n == name && *a == arity)
                .map(|&(_, _, f)| f)
        };
        let (module, fun) = if let Some(bif) = found(KERNEL_BIFS).or_else(|| found(KERNEL_ERLANG)) {
            ("erlang", bif)
        } else if let Some(bif) = operator(name).and_then(|op| op_bif(op, arity)) {
            ("erlang", bif)
        } else if KERNEL_MACROS.contains(&(name, arity)) {
            return None;
        } else if matches!(
            (name, arity),
            ("elem", 2) | ("put_elem", 3) | ("is_map_key", 2)
        ) || KERNEL_FUNS.iter().any(|(n, a)| *n == name && *a == arity)
        {
            ("Elixir.Kernel", name)
        } else {
            return None;
        };
        Some(Expr::bif(
            "make_fun",
            vec![
                Expr::atom(module, span),
                Expr::atom(fun, span),
                Expr::konst(Const::int(arity as i64), span),
            ],
            span,
        ))
    }

    pub(crate) fn binop(&mut self, op: Op, l: &A, r: &A, span: Span) -> R<Expr> {
        if let Some(bif) = binop_bif(op) {
            let (a, b) = (self.expr(l)?, self.expr(r)?);
            return Ok(Expr::bif(bif, vec![a, b], span));
        }
        match op {
            Op::Match => {
                let value = self.expr(r)?;
                let mut bound = std::collections::HashMap::new();
                let pat = self.pattern(l, &mut bound)?;
                self.env.extend(bound);
                Ok(Expr::new(Kind::Match(Box::new(pat), Box::new(value)), span))
            }
            Op::PipeInto => {
                let mut call = r.clone();
                match &mut call.kind {
                    K::Call { args, .. } => args.insert(0, l.clone()),
                    K::Var(name) => {
                        call = A::new(
                            K::Call {
                                callee: ACallee::Local(name.clone()),
                                args: vec![l.clone()],
                                parens: true,
                            },
                            r.span,
                        )
                    }
                    _ => return err(r.span, "the right side of |> must be a call"),
                }
                self.expr(&call)
            }
            Op::StrConcat => {
                // `a <> b <> c` is one construction `<<a::binary, b::binary, c::binary>>`,
                // as Elixir's `<>` makes it (a failure names the segment by its position).
                let mut operands = vec![l];
                let mut right = r;
                while let K::BinOp {
                    op: Op::StrConcat,
                    left,
                    right: next,
                } = &right.kind
                {
                    operands.push(&**left);
                    right = &**next;
                }
                operands.push(right);
                let segs: Vec<A> = operands
                    .into_iter()
                    .map(|x| {
                        A::new(
                            K::BinOp {
                                op: Op::Type,
                                left: Box::new(x.clone()),
                                right: Box::new(A::new(K::Var("binary".into()), x.span)),
                            },
                            x.span,
                        )
                    })
                    .collect();
                self.bitstring(&segs, span)
            }
            Op::And | Op::Or => {
                let (a, b) = (self.expr(l)?, self.expr(r)?);
                let k = if op == Op::And {
                    Kind::AndAlso(Box::new(a), Box::new(b))
                } else {
                    Kind::OrElse(Box::new(a), Box::new(b))
                };
                Ok(Expr::new(k, span))
            }
            Op::AndAnd | Op::OrOr => {
                let a = self.expr(l)?;
                let b = self.scoped(|x| x.expr(r))?;
                let v = self.fresh();
                let falsy = falsy_guard(v, span);
                let (when_falsy, when_truthy) = if op == Op::AndAnd {
                    (Expr::var(v, span), b)
                } else {
                    (b, Expr::var(v, span))
                };
                Ok(case(
                    a,
                    vec![
                        Clause {
                            pats: vec![Pat::Bind(v)],
                            guard: Some(falsy),
                            body: when_falsy,
                        },
                        Clause {
                            pats: vec![Pat::Bind(v)],
                            guard: None,
                            body: when_truthy,
                        },
                    ],
                    span,
                ))
            }
            Op::In | Op::NotIn => {
                let x = self.expr(l)?;
                let test = self.membership(x, r, span)?;
                Ok(if op == Op::NotIn {
                    Expr::bif("not", vec![test], span)
                } else {
                    test
                })
            }
            Op::Range => {
                let (a, b) = (self.expr(l)?, self.expr(r)?);
                self.range(a, b, None, span)
            }
            Op::Pow => {
                let (a, b) = (self.expr(l)?, self.expr(r)?);
                Ok(Expr::remote(
                    "Elixir.Beamlet.Kernel",
                    "pow",
                    vec![a, b],
                    span,
                ))
            }
            Op::Match_ => {
                let (a, b) = (self.expr(l)?, self.expr(r)?);
                Ok(Expr::remote("Elixir.Kernel", "=~", vec![a, b], span))
            }
            Op::Default => err(
                span,
                "default arguments (\\\\) are only allowed in def heads",
            ),
            Op::Type => err(span, ":: is only allowed inside a bitstring"),
            Op::When => err(span, "when is only allowed in clauses"),
            Op::Pipe => err(span, "| is only allowed at the end of a list"),
            Op::Stab => err(span, "unexpected ->"),
            _ => err(
                span,
                format!("the operator {} is not supported", op.as_str()),
            ),
        }
    }

    /// `x in right`: a literal list or range becomes comparisons (guard-safe), anything
    /// else `Enum.member?/2`.
    fn membership(&mut self, x: Expr, r: &A, span: Span) -> R<Expr> {
        match &r.kind {
            K::List(items) if split_tail(items).1.is_none() => {
                let mut test: Option<Expr> = None;
                let v = x;
                for i in items {
                    let item = self.expr(i)?;
                    let eq = Expr::bif("=:=", vec![v.clone(), item], span);
                    test = Some(match test {
                        None => eq,
                        Some(t) => Expr::new(Kind::OrElse(Box::new(t), Box::new(eq)), span),
                    });
                }
                Ok(test.unwrap_or_else(|| Expr::konst(Const::bool(false), span)))
            }
            K::BinOp {
                op: Op::Range,
                left,
                right,
            } => {
                let (a, b) = (self.expr(left)?, self.expr(right)?);
                let is_int = Expr::bif("is_integer", vec![x.clone()], span);
                // Either direction, as Elixir's `in` on a range with the default step.
                let lo = Expr::bif("min", vec![a.clone(), b.clone()], span);
                let hi = Expr::bif("max", vec![a, b], span);
                let ge = Expr::bif(">=", vec![x.clone(), lo], span);
                let le = Expr::bif("=<", vec![x, hi], span);
                let both = Expr::new(Kind::AndAlso(Box::new(ge), Box::new(le)), span);
                Ok(Expr::new(
                    Kind::AndAlso(Box::new(is_int), Box::new(both)),
                    span,
                ))
            }
            _ => {
                let coll = self.expr(r)?;
                Ok(Expr::remote("Elixir.Enum", "member?", vec![coll, x], span))
            }
        }
    }

    pub(crate) fn unary(&mut self, op: Op, operand: &A, span: Span) -> R<Expr> {
        match op {
            Op::Minus => match &operand.kind {
                K::Int(i) => Ok(Expr::konst(Const::Int(-i.clone()), span)),
                K::Float(f) => Ok(Expr::konst(Const::Float(-f), span)),
                _ => {
                    let v = self.expr(operand)?;
                    Ok(Expr::bif("-", vec![v], span))
                }
            },
            Op::Plus => {
                let v = self.expr(operand)?;
                Ok(Expr::bif("+", vec![v], span))
            }
            Op::Not => {
                let v = self.expr(operand)?;
                Ok(Expr::bif("not", vec![v], span))
            }
            Op::BNot => {
                let v = self.expr(operand)?;
                Ok(Expr::bif("bnot", vec![v], span))
            }
            Op::Bang => {
                let a = self.expr(operand)?;
                let v = self.fresh();
                Ok(case(
                    a,
                    vec![
                        Clause {
                            pats: vec![Pat::Bind(v)],
                            guard: Some(falsy_guard(v, span)),
                            body: Expr::konst(Const::bool(true), span),
                        },
                        Clause {
                            pats: vec![Pat::Wild],
                            guard: None,
                            body: Expr::konst(Const::bool(false), span),
                        },
                    ],
                    span,
                ))
            }
            Op::At => self.attribute(operand, span),
            Op::Capture => self.capture(operand, span),
            Op::Pin => err(span, "the pin operator ^ is only allowed in patterns"),
            _ => err(
                span,
                format!("the operator {} is not supported", op.as_str()),
            ),
        }
    }

    fn attribute(&mut self, operand: &A, span: Span) -> R<Expr> {
        let name = match &operand.kind {
            K::Var(n) => n.clone(),
            K::Call {
                callee: ACallee::Local(n),
                args,
                ..
            } if args.is_empty() => n.clone(),
            _ => return err(span, "module attributes can only be set in a module body"),
        };
        let value = self
            .mods
            .iter()
            .rev()
            .find_map(|m| m.attributes.get(&name).cloned());
        match value {
            Some(v) => {
                let saved = std::mem::take(&mut self.env);
                let r = self.expr(&v);
                self.env = saved;
                r
            }
            None => Ok(Expr::atom("nil", span)),
        }
    }

    /// `&Mod.f/2`, `&f/2`, `&(&1 + 1)`.
    fn capture(&mut self, operand: &A, span: Span) -> R<Expr> {
        if let K::BinOp {
            op: Op::Div,
            left,
            right,
        } = &operand.kind
        {
            if let K::Int(n) = &right.kind {
                let arity = usize::try_from(n).unwrap_or(0);
                match &left.kind {
                    K::Call {
                        callee: ACallee::Remote(m, f),
                        args,
                        ..
                    } if args.is_empty()
                        && !(matches!(&m.kind, K::Alias { base: None, segments } if segments.len() == 1 && segments.first().is_some_and(|s| s == "Kernel"))
                            && kernel_inline(f, arity)) =>
                    {
                        if let K::Alias { .. } = &m.kind {
                            let name = self.resolve_alias(m)?;
                            if let Some((m, f)) = remote_inline(&name, f, arity) {
                                return Ok(Expr::bif(
                                    "make_fun",
                                    vec![
                                        Expr::atom(m, span),
                                        Expr::atom(f, span),
                                        Expr::konst(Const::int(arity as i64), span),
                                    ],
                                    span,
                                ));
                            }
                        }
                        let m = self.expr(m)?;
                        return Ok(Expr::bif(
                            "make_fun",
                            vec![
                                m,
                                Expr::atom(f, span),
                                Expr::konst(Const::int(arity as i64), span),
                            ],
                            span,
                        ));
                    }
                    K::Call {
                        callee: ACallee::Remote(_, f),
                        args,
                        ..
                    } if args.is_empty() => {
                        // `&Kernel.abs/1`: what Elixir makes of an inlined Kernel function.
                        if let Some(e) = self.kernel_capture(f, arity, span) {
                            return Ok(e);
                        }
                    }
                    K::Var(f)
                    | K::Call {
                        callee: ACallee::Local(f),
                        ..
                    } if !(matches!(left.kind, K::Call { ref args, .. } if !args.is_empty()))
                        && !self.defined_here(f, arity)
                        && self.imported(f, arity).is_none()
                        && self.kernel_capture(f, arity, span).is_some() =>
                    {
                        return Ok(self
                            .kernel_capture(f, arity, span)
                            .unwrap_or_else(|| Expr::atom("nil", span)));
                    }
                    _ => {}
                }
                match &left.kind {
                    K::Var(f)
                    | K::Call {
                        callee: ACallee::Local(f),
                        ..
                    }
                    | K::Call {
                        callee: ACallee::Remote(_, f),
                        ..
                    } if !(matches!(left.kind, K::Call { ref args, .. } if !args.is_empty())) => {
                        let params: Vec<A> = (1..=arity)
                            .map(|i| A::new(K::Var(format!("&{i}")), span))
                            .collect();
                        if let Some(op) = operator(f) {
                            let Some(body) = apply_op(op, &params, span) else {
                                return err(span, "invalid operator capture");
                            };
                            return self.fn_expr(
                                &[AClause {
                                    args: params,
                                    body,
                                    span,
                                }],
                                span,
                            );
                        }
                        let body = A::new(
                            K::Call {
                                callee: ACallee::Local(f.clone()),
                                args: params.clone(),
                                parens: true,
                            },
                            span,
                        );
                        return self.fn_expr(
                            &[AClause {
                                args: params,
                                body,
                                span,
                            }],
                            span,
                        );
                    }
                    _ => {}
                }
            }
        }
        // `&+/2`: an operator as a function.
        if let K::BinOp {
            op: Op::Div,
            left,
            right,
        } = &operand.kind
        {
            if let (K::NullaryOp(op), K::Int(n)) = (&left.kind, &right.kind) {
                let arity = usize::try_from(n).unwrap_or(0);
                if let Some(e) = self.kernel_capture(op.as_str(), arity, span) {
                    // `&=~/2` is `&Kernel.=~/2` in Elixir.
                    return Ok(e);
                }
                if let Some(bif) = op_bif(*op, arity) {
                    // `&+/2` is `&:erlang.+/2` in Elixir.
                    return Ok(Expr::bif(
                        "make_fun",
                        vec![
                            Expr::atom("erlang", span),
                            Expr::atom(bif, span),
                            Expr::konst(Const::int(arity as i64), span),
                        ],
                        span,
                    ));
                }
                let params: Vec<A> = (1..=arity)
                    .map(|i| A::new(K::Var(format!("&{i}")), span))
                    .collect();
                let Some(body) = apply_op(*op, &params, span) else {
                    return err(span, "invalid operator capture");
                };
                return self.fn_expr(
                    &[AClause {
                        args: params,
                        body,
                        span,
                    }],
                    span,
                );
            }
        }
        // `&(expr with &1 ...)`.
        let mut body = operand.clone();
        let mut max = 0usize;
        body.visit_mut(&mut |e| {
            if let K::UnaryOp {
                op: Op::Capture,
                operand,
            } = &e.kind
            {
                if let K::Int(n) = &operand.kind {
                    let n = usize::try_from(n).unwrap_or(0);
                    max = max.max(n);
                    e.kind = K::Var(format!("&{n}"));
                }
            }
        });
        if max == 0 {
            return err(
                span,
                "invalid capture: expected &Mod.fun/arity, &fun/arity or an expression with &1",
            );
        }
        let params: Vec<A> = (1..=max)
            .map(|i| A::new(K::Var(format!("&{i}")), span))
            .collect();
        self.fn_expr(
            &[AClause {
                args: params,
                body,
                span,
            }],
            span,
        )
    }
}

/// `v === false or v === nil`.
pub(crate) fn falsy_guard(v: VarId, span: Span) -> Expr {
    Expr::new(
        Kind::OrElse(
            Box::new(Expr::bif(
                "=:=",
                vec![Expr::var(v, span), Expr::konst(Const::bool(false), span)],
                span,
            )),
            Box::new(Expr::bif(
                "=:=",
                vec![Expr::var(v, span), Expr::atom("nil", span)],
                span,
            )),
        ),
        span,
    )
}

/// A `case` that cannot fail to match.
pub(crate) fn case(value: Expr, clauses: Vec<Clause>, span: Span) -> Expr {
    Expr::new(Kind::Case(Box::new(value), clauses, Fail::CaseClause), span)
}

/// The operator named `name` (for captures like `&+/2`).
fn operator(name: &str) -> Option<Op> {
    use Op::*;
    [
        Plus,
        Minus,
        Mul,
        Div,
        Eq,
        NotEq,
        StrictEq,
        StrictNotEq,
        Lt,
        Gt,
        Le,
        Ge,
        Concat,
        Subtract,
        StrConcat,
        And,
        Or,
        AndAnd,
        OrOr,
        Not,
        Bang,
        Range,
        Pow,
        BAnd,
        BOr,
        BXor,
        Shl,
        Shr,
        BNot,
        PipeInto,
        Match_,
        In,
    ]
    .into_iter()
    .find(|op| op.as_str() == name)
}

/// Remote functions that Elixir's compiler replaces by the Erlang function they
/// delegate to (`elixir_rewrite`), in calls and captures alike: their errors and their
/// captures are the Erlang function's. (The function itself, reached by `apply`, keeps
/// its own guards.)
fn remote_inline(module: &str, name: &str, arity: usize) -> Option<(&'static str, &'static str)> {
    match (module, name, arity) {
        ("Elixir.String", "duplicate", 2) => Some(("binary", "copy")),
        _ => None,
    }
}

/// Whether `Kernel.name/arity` is compiled inline (an operator or a BIF), so that
/// `Kernel.+(1, 2)` and `&Kernel.+/2` work though no `Kernel.+/2` function exists.
fn kernel_inline(name: &str, arity: usize) -> bool {
    (operator(name).is_some() && (arity == 1 || arity == 2))
        || KERNEL_BIFS
            .iter()
            .any(|(n, a, _)| *n == name && *a == arity)
        || matches!(
            (name, arity),
            ("elem", 2) | ("put_elem", 3) | ("is_nil", 1) | ("is_map_key", 2)
        )
}

/// `op a` or `a op b` as syntax (captures and `Kernel.op(...)` calls); `None` for other
/// argument counts.
fn apply_op(op: Op, args: &[A], span: Span) -> Option<A> {
    Some(match args {
        [a] => A::new(
            K::UnaryOp {
                op,
                operand: Box::new(a.clone()),
            },
            span,
        ),
        [a, b] => A::new(
            K::BinOp {
                op,
                left: Box::new(a.clone()),
                right: Box::new(b.clone()),
            },
            span,
        ),
        _ => return None,
    })
}

/// `__info__/1` and `module_info/0,1`, which Elixir and the Erlang compiler add to every
/// module: the module's name, its public functions (`__info__(:functions)`, without these
/// three), its exports and functions (`module_info`), no macros, attributes or compile
/// options. None when the module defines one of them itself. Code generation adds them
/// after every other function, so that they change no other function's numbering.
pub(crate) fn reflection_functions(
    module: &str,
    funs: &[FunDef],
    struct_fields: Option<&[String]>,
    span: Span,
) -> Vec<FunDef> {
    let defined = |n: &str, a: usize| funs.iter().any(|f| f.name == n && f.arity == a);
    if defined("__info__", 1) || defined("module_info", 0) || defined("module_info", 1) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let pair = |n: &str, a: usize| {
        Const::Tuple(vec![
            Const::atom(n),
            Const::Int(num_bigint::BigInt::from(a)),
        ])
    };
    let list = |items: Vec<Const>| {
        if items.is_empty() {
            Const::Nil
        } else {
            Const::List(items, Box::new(Const::Nil))
        }
    };
    let mut public: Vec<(String, usize)> = funs
        .iter()
        .filter(|f| f.exported)
        .map(|f| (f.name.clone(), f.arity))
        .collect();
    public.sort();
    public.dedup();
    let mut all: Vec<(String, usize)> = funs.iter().map(|f| (f.name.clone(), f.arity)).collect();
    let generated = [("__info__", 1), ("module_info", 0), ("module_info", 1)];
    let mut exports: Vec<(String, usize)> = public.clone();
    exports.extend(generated.iter().map(|(n, a)| (n.to_string(), *a)));
    all.extend(generated.iter().map(|(n, a)| (n.to_string(), *a)));
    let to_list = |v: &[(String, usize)]| list(v.iter().map(|(n, a)| pair(n, *a)).collect());
    let struct_info = match struct_fields {
        None => Const::atom("nil"),
        Some(fields) => list(
            fields
                .iter()
                .map(|f| {
                    Const::Map(vec![
                        (Const::atom("field"), Const::atom(f)),
                        (Const::atom("required"), Const::atom("false")),
                    ])
                })
                .collect(),
        ),
    };
    let clause = |key: &str, value: Const| Clause {
        pats: vec![Pat::Const(Const::atom(key))],
        guard: None,
        body: Expr::konst(value, span),
    };
    let name = Const::atom(module);
    let fun = |n: &str, arity: usize, clauses: Vec<Clause>| FunDef {
        name: n.into(),
        arity,
        exported: true,
        clauses,
        span,
    };
    out.push(fun(
        "__info__",
        1,
        vec![
            clause("module", name.clone()),
            clause("functions", to_list(&public)),
            clause("macros", list(Vec::new())),
            clause("attributes", list(Vec::new())),
            clause("compile", list(Vec::new())),
            clause("md5", Const::Binary(vec![0; 16])),
            clause("struct", struct_info),
            clause("deprecated", list(Vec::new())),
        ],
    ));
    let kw = |k: &str, v: Const| Const::Tuple(vec![Const::atom(k), v]);
    let info = list(vec![
        kw("module", name.clone()),
        kw("exports", to_list(&exports)),
        kw("attributes", list(Vec::new())),
        kw("compile", list(Vec::new())),
        kw("md5", Const::Binary(vec![0; 16])),
    ]);
    out.push(fun(
        "module_info",
        0,
        vec![Clause {
            pats: Vec::new(),
            guard: None,
            body: Expr::konst(info, span),
        }],
    ));
    out.push(fun(
        "module_info",
        1,
        vec![
            clause("module", name),
            clause("exports", to_list(&exports)),
            clause("functions", to_list(&all)),
            clause("attributes", list(Vec::new())),
            clause("compile", list(Vec::new())),
            clause("md5", Const::Binary(vec![0; 16])),
        ],
    ));
    out
}
