//! The control forms: `if`, `unless`, `case`, `cond`, `with`, `for`, `try`, `raise` and
//! friends, `match?`, and the Kernel functions that are forms here (`elem`, `is_nil`, ...).

use std::collections::HashMap;

use super::forms::case;
use super::{err, kw_pairs, strip_guard, Expander, R};
use crate::ast::{Callee as ACallee, Clause as AClause, Expr as A, ExprKind as K, Op, Span};
use crate::core::*;

/// The value of key `k` in a keyword list argument.
fn kw<'a>(pairs: &[(&str, &'a A)], k: &str) -> Option<&'a A> {
    pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| *v)
}

/// `pat when guard <- expr` parses as `pat when (guard <- expr)`; turn it into
/// `(pat when guard) <- expr`.
fn arrow_guard(e: &A) -> A {
    if let K::BinOp {
        op: Op::When,
        left,
        right,
    } = &e.kind
    {
        if let K::BinOp {
            op: Op::LeftArrow,
            left: guard,
            right: value,
        } = &right.kind
        {
            let pat = A::new(
                K::BinOp {
                    op: Op::When,
                    left: left.clone(),
                    right: guard.clone(),
                },
                e.span,
            );
            return A::new(
                K::BinOp {
                    op: Op::LeftArrow,
                    left: Box::new(pat),
                    right: value.clone(),
                },
                e.span,
            );
        }
    }
    e.clone()
}

/// A generator's step `fn pat, acc_head -> body; _, acc -> acc end`: elements that do not
/// match the pattern leave the accumulator as it is.
fn step_fn(pat: A, acc_head: A, body: A, acc: &str, span: Span) -> A {
    A::new(
        K::Fn(vec![
            AClause {
                args: vec![pat, acc_head],
                body,
                span,
            },
            AClause {
                args: vec![avar("_", span), avar(acc, span)],
                body: avar(acc, span),
                span,
            },
        ]),
        span,
    )
}

fn avar(name: &str, span: Span) -> A {
    A::new(K::Var(name.into()), span)
}

fn aremote(module: &[&str], name: &str, args: Vec<A>, span: Span) -> A {
    A::new(
        K::Call {
            callee: ACallee::Remote(
                Box::new(A::new(
                    K::Alias {
                        base: None,
                        segments: module.iter().map(|s| s.to_string()).collect(),
                    },
                    span,
                )),
                name.into(),
            ),
            args,
            parens: true,
        },
        span,
    )
}

impl Expander<'_> {
    /// `name(args)` when `name` is a special form; `None` otherwise.
    pub(crate) fn special_form(&mut self, name: &str, args: &[A], span: Span) -> R<Option<Expr>> {
        let e = match (name, args) {
            ("if" | "unless", [cond, opts]) => {
                let Some(pairs) = kw_pairs(opts) else {
                    return err(span, format!("{name} expects a do block"));
                };
                let c = self.expr(cond)?;
                let then = self.branch(kw(&pairs, "do"), span)?;
                let other = self.branch(kw(&pairs, "else"), span)?;
                let (t, f) = if name == "if" {
                    (then, other)
                } else {
                    (other, then)
                };
                Expr::new(Kind::If(Box::new(c), Box::new(t), Box::new(f)), span)
            }
            ("case", [value, opts]) => {
                let Some(pairs) = kw_pairs(opts) else {
                    return err(span, "case expects a do block");
                };
                let v = self.expr(value)?;
                let Some(body) = kw(&pairs, "do") else {
                    return err(span, "case expects a do block");
                };
                let clauses = self.case_clauses(body)?;
                Expr::new(Kind::Case(Box::new(v), clauses, Fail::CaseClause), span)
            }
            ("cond", [opts]) => {
                let Some(body) = kw_pairs(opts).and_then(|p| kw(&p, "do")) else {
                    return err(span, "cond expects a do block");
                };
                let K::Clauses(cs) = &body.kind else {
                    return err(span, "cond expects clauses with ->");
                };
                self.cond(cs, span)?
            }
            ("with", [_, ..]) => return self.with(args, span).map(Some),
            ("for", [_, ..]) => return self.for_(args, span).map(Some),
            ("try", [opts]) => return self.try_(opts, span).map(Some),
            ("receive", [opts]) => return self.receive(opts, span).map(Some),
            ("raise", [x]) => {
                let e = self.exception_of(x, None, span)?;
                Expr::new(Kind::Raise(0, Box::new(e)), span)
            }
            ("raise", [m, x]) => {
                let e = self.exception_of(m, Some(x), span)?;
                Expr::new(Kind::Raise(0, Box::new(e)), span)
            }
            ("reraise", [x, st]) => {
                let e = self.exception_of(x, None, span)?;
                let st = self.expr(st)?;
                Expr::new(
                    Kind::Reraise(
                        Box::new(Expr::atom("error", span)),
                        Box::new(e),
                        Box::new(st),
                    ),
                    span,
                )
            }
            ("reraise", [m, x, st]) => {
                let e = self.exception_of(m, Some(x), span)?;
                let st = self.expr(st)?;
                Expr::new(
                    Kind::Reraise(
                        Box::new(Expr::atom("error", span)),
                        Box::new(e),
                        Box::new(st),
                    ),
                    span,
                )
            }
            ("throw", [x]) => {
                let v = self.expr(x)?;
                Expr::new(Kind::Raise(2, Box::new(v)), span)
            }
            ("exit", [x]) => {
                let v = self.expr(x)?;
                Expr::new(Kind::Raise(1, Box::new(v)), span)
            }
            ("match?", [pat, value]) => {
                let v = self.expr(value)?;
                let (pats, guard) = strip_guard(std::slice::from_ref(pat));
                let body = A::new(K::Atom("true".into()), span);
                let c = self.clause(&pats, guard, &body)?;
                case(
                    v,
                    vec![
                        c,
                        Clause {
                            pats: vec![Pat::Wild],
                            guard: None,
                            body: Expr::konst(Const::bool(false), span),
                        },
                    ],
                    span,
                )
            }
            // Elixir's `is_map_key(map, key)` is `:erlang.is_map_key(key, map)`.
            ("is_map_key", [m, k]) => {
                let (m, k) = (self.expr(m)?, self.expr(k)?);
                Expr::bif("is_map_key", vec![k, m], span)
            }
            // `put_in(data.a[:b], v)` and friends: the path becomes a list of keys.
            ("put_in" | "update_in" | "get_and_update_in", [path, f])
                if access_path(path).is_some() =>
            {
                let Some((root, keys)) = access_path(path) else {
                    return Ok(None);
                };
                let root = self.expr(root)?;
                let keys = self.path_keys(&keys, span)?;
                let f = self.expr(f)?;
                Expr::remote("Elixir.Kernel", name, vec![root, keys, f], span)
            }
            ("pop_in", [path]) if access_path(path).is_some() => {
                let Some((root, keys)) = access_path(path) else {
                    return Ok(None);
                };
                let root = self.expr(root)?;
                let keys = self.path_keys(&keys, span)?;
                Expr::remote("Elixir.Kernel", name, vec![root, keys], span)
            }
            ("is_nil", [x]) => {
                let v = self.expr(x)?;
                Expr::bif("=:=", vec![v, Expr::atom("nil", span)], span)
            }
            ("elem", [t, i]) => {
                let (t, i) = (self.expr(t)?, self.expr(i)?);
                let i1 = Expr::bif("+", vec![i, Expr::konst(Const::int(1), span)], span);
                Expr::bif("element", vec![i1, t], span)
            }
            ("put_elem", [t, i, v]) => {
                let (t, i, v) = (self.expr(t)?, self.expr(i)?, self.expr(v)?);
                let i1 = Expr::bif("+", vec![i, Expr::konst(Const::int(1), span)], span);
                Expr::bif("setelement", vec![i1, t, v], span)
            }
            ("apply", [f, a]) => {
                let (f, a) = (self.expr(f)?, self.expr(a)?);
                Expr::remote("erlang", "apply", vec![f, a], span)
            }
            ("apply", [m, f, a]) => {
                let (m, f, a) = (self.expr(m)?, self.expr(f)?, self.expr(a)?);
                Expr::new(Kind::Apply(Box::new(m), Box::new(f), Box::new(a)), span)
            }
            ("alias" | "import" | "require", [_, ..]) => {
                self.directive(name, args, span)?;
                Expr::atom("nil", span)
            }
            ("def" | "defp", _) => {
                return err(span, format!("cannot invoke {name}/2 outside module"))
            }
            ("defstruct" | "defexception" | "defmodule", _) => {
                return err(
                    span,
                    format!("{name} is only allowed at the top level or in a module body"),
                )
            }
            ("__block__", _) => self.block(args, span)?,
            _ => return Ok(None),
        };
        Ok(Some(e))
    }

    /// The keys of an access path as a list expression: `[k]` is `k`, `.field` is
    /// `Access.key!(:field)`.
    fn path_keys(&mut self, keys: &[PathKey<'_>], span: Span) -> R<Expr> {
        let mut items = Vec::with_capacity(keys.len());
        for k in keys {
            items.push(match k {
                PathKey::Index(e) => self.expr(e)?,
                PathKey::Field(name) => {
                    Expr::remote("Elixir.Access", "key!", vec![Expr::atom(name, span)], span)
                }
            });
        }
        Ok(items
            .into_iter()
            .rev()
            .fold(Expr::konst(Const::Nil, span), |acc, x| {
                Expr::new(Kind::Cons(Box::new(x), Box::new(acc)), span)
            }))
    }

    /// A branch of `if`: its own scope; a missing branch is `nil`.
    /// `receive do clauses after timeout -> body end` (either part may be missing).
    fn receive(&mut self, opts: &A, span: Span) -> R<Expr> {
        let Some(pairs) = kw_pairs(opts) else {
            return err(span, "receive expects a do block");
        };
        if let Some((k, _)) = pairs.iter().find(|(k, _)| !matches!(&**k, "do" | "after")) {
            return err(span, format!("unexpected option {k} in receive"));
        }
        let clauses = match kw(&pairs, "do") {
            None => return err(span, "receive expects a do block"),
            Some(body) => match &body.kind {
                K::Clauses(_) => self.case_clauses(body)?,
                // `receive do after ... end`: no clauses.
                K::Block(items) if items.is_empty() => Vec::new(),
                K::Atom(a) if a == "nil" => Vec::new(),
                _ => return err(body.span, "expected clauses with `->` in receive"),
            },
        };
        let after = match kw(&pairs, "after") {
            None => None,
            Some(a) => {
                let K::Clauses(cs) = &a.kind else {
                    return err(
                        a.span,
                        "expected a single clause `timeout -> body` in after",
                    );
                };
                let [c] = cs.as_slice() else {
                    return err(
                        a.span,
                        "expected a single clause `timeout -> body` in after",
                    );
                };
                let [t] = c.args.as_slice() else {
                    return err(c.span, "expected a single timeout before `->` in after");
                };
                let timeout = self.expr(t)?;
                let body = self.scoped(|x| x.expr(&c.body))?;
                Some(Box::new((timeout, body)))
            }
        };
        if clauses.is_empty() && after.is_none() {
            return err(span, "receive expects clauses or an after block");
        }
        Ok(Expr::new(Kind::Receive(clauses, after), span))
    }

    fn branch(&mut self, e: Option<&A>, span: Span) -> R<Expr> {
        match e {
            Some(e) => self.scoped(|x| x.expr(e)),
            None => Ok(Expr::atom("nil", span)),
        }
    }

    fn cond(&mut self, cs: &[AClause], span: Span) -> R<Expr> {
        let Some((first, rest)) = cs.split_first() else {
            let e = Expr::remote(
                "Elixir.CondClauseError",
                "exception",
                vec![Expr::konst(Const::Nil, span)],
                span,
            );
            return Ok(Expr::new(Kind::Raise(0, Box::new(e)), span));
        };
        let [test] = first.args.as_slice() else {
            return err(first.span, "cond clauses take one condition");
        };
        let c = self.expr(test)?;
        let body = self.scoped(|x| x.expr(&first.body))?;
        let other = self.cond(rest, span)?;
        Ok(Expr::new(
            Kind::If(Box::new(c), Box::new(body), Box::new(other)),
            span,
        ))
    }

    /// `with p <- e, ..., do: body, else: clauses`.
    fn with(&mut self, args: &[A], span: Span) -> R<Expr> {
        let Some((opts, steps)) = args.split_last() else {
            return err(span, "with expects a do block");
        };
        let Some(pairs) = kw_pairs(opts) else {
            return err(span, "with expects a do block");
        };
        let Some(body) = kw(&pairs, "do") else {
            return err(span, "with expects a do block");
        };
        let else_ = kw(&pairs, "else");
        self.scoped(|x| x.with_steps(steps, body, else_, span))
    }

    fn with_steps(&mut self, steps: &[A], body: &A, else_: Option<&A>, span: Span) -> R<Expr> {
        let Some((step, rest)) = steps.split_first() else {
            return self.expr(body);
        };
        let step = &arrow_guard(step);
        match &step.kind {
            K::BinOp {
                op: Op::LeftArrow,
                left,
                right,
            } => {
                let value = self.expr(right)?;
                let (pats, guard) = strip_guard(std::slice::from_ref(&**left));
                let clause = self.scoped(|x| {
                    let mut bound = HashMap::new();
                    let mut ps = Vec::new();
                    for p in &pats {
                        ps.push(x.pattern(p, &mut bound)?);
                    }
                    x.env.extend(bound);
                    let guard = match guard {
                        Some(g) => Some(x.expr(g)?),
                        None => None,
                    };
                    let body = x.with_steps(rest, body, else_, span)?;
                    Ok(Clause {
                        pats: ps,
                        guard,
                        body,
                    })
                })?;
                let other = self.fresh();
                let fallback = match else_ {
                    None => Expr::var(other, span),
                    Some(e) => {
                        let clauses = self.case_clauses(e)?;
                        Expr::new(
                            Kind::Case(Box::new(Expr::var(other, span)), clauses, Fail::WithClause),
                            span,
                        )
                    }
                };
                Ok(case(
                    value,
                    vec![
                        clause,
                        Clause {
                            pats: vec![Pat::Bind(other)],
                            guard: None,
                            body: fallback,
                        },
                    ],
                    span,
                ))
            }
            _ => {
                let first = self.expr(step)?;
                let rest = self.with_steps(rest, body, else_, span)?;
                Ok(Expr::new(Kind::Block(vec![first, rest]), span))
            }
        }
    }

    /// `for` comprehensions, lowered to `Enum.reduce/3` over each generator.
    fn for_(&mut self, args: &[A], span: Span) -> R<Expr> {
        let (mut opts, mut quals) = match args.split_last() {
            Some((last, init)) if kw_pairs(last).is_some() => {
                (kw_pairs(last).unwrap_or_default(), init)
            }
            _ => return err(span, "for expects a do block"),
        };
        // `for x <- xs, reduce: 0 do ... end`: the options and the do block are two lists.
        if let Some((prev, init)) = quals.split_last() {
            if let Some(more) = kw_pairs(prev) {
                if !more.is_empty() {
                    opts.extend(more);
                    quals = init;
                }
            }
        }
        let Some(body) = kw(&opts, "do") else {
            return err(span, "for expects a do block");
        };
        let acc = "for acc";
        let reduce = kw(&opts, "reduce");
        // The innermost step: add the body's value to the accumulator.
        let inner = match reduce {
            Some(_) => {
                // `reduce: init do acc -> ... end`: the clauses run on the accumulator.
                A::new(
                    K::Call {
                        callee: ACallee::Local("case".into()),
                        args: vec![
                            avar(acc, span),
                            A::new(
                                K::List(vec![A::new(
                                    K::Tuple(vec![
                                        A::new(K::Atom("do".into()), span),
                                        body.clone(),
                                    ]),
                                    span,
                                )]),
                                span,
                            ),
                        ],
                        parens: false,
                    },
                    span,
                )
            }
            None => A::new(
                K::List(vec![A::new(
                    K::BinOp {
                        op: Op::Pipe,
                        left: Box::new(body.clone()),
                        right: Box::new(avar(acc, span)),
                    },
                    span,
                )]),
                span,
            ),
        };
        let mut ast = inner;
        for q in quals.iter().rev() {
            let q = &arrow_guard(q);
            ast = match &q.kind {
                K::BinOp {
                    op: Op::LeftArrow,
                    left,
                    right,
                } => {
                    let (pat, guard) = match &left.kind {
                        K::BinOp {
                            op: Op::When,
                            left,
                            right,
                        } => ((**left).clone(), Some((**right).clone())),
                        _ => ((**left).clone(), None),
                    };
                    let head = match guard {
                        Some(g) => A::new(
                            K::BinOp {
                                op: Op::When,
                                left: Box::new(avar(acc, span)),
                                right: Box::new(g),
                            },
                            span,
                        ),
                        None => avar(acc, span),
                    };
                    let f = step_fn(pat, head, ast, acc, span);
                    aremote(
                        &["Enum"],
                        "reduce",
                        vec![(**right).clone(), avar(acc, span), f],
                        span,
                    )
                }
                K::Bitstring(segs)
                    if matches!(
                        segs.last().map(|s| &s.kind),
                        Some(K::BinOp {
                            op: Op::LeftArrow,
                            ..
                        })
                    ) =>
                {
                    let Some((last, init)) = segs.split_last() else {
                        return err(q.span, "invalid bitstring generator");
                    };
                    let K::BinOp { left, right, .. } = &last.kind else {
                        return err(q.span, "invalid bitstring generator");
                    };
                    // `<<a::8, b::8 <- bin>>`: chunks of `bin`, each matched with `<<a::8, b::8>>`.
                    let mut pat_segs: Vec<A> = init.to_vec();
                    pat_segs.push((**left).clone());
                    let whole = A::new(K::Bitstring(pat_segs.clone()), span);
                    let mut size: Option<A> = None;
                    for seg in &pat_segs {
                        let bits = self.segment_bits(seg)?;
                        if matches!(bits.kind, K::Atom(_)) && pat_segs.len() > 1 {
                            return err(q.span, "utf segments in a generator with several segments are not supported");
                        }
                        size = Some(match size {
                            None => bits,
                            Some(acc) => A::new(
                                K::BinOp {
                                    op: Op::Plus,
                                    left: Box::new(acc),
                                    right: Box::new(bits),
                                },
                                span,
                            ),
                        });
                    }
                    let Some(seg_size) = size else {
                        return err(q.span, "invalid bitstring generator");
                    };
                    let f = step_fn(whole, avar(acc, span), ast, acc, span);
                    aremote(
                        &["Beamlet", "For"],
                        "bitstring_reduce",
                        vec![(**right).clone(), seg_size, avar(acc, span), f],
                        span,
                    )
                }
                _ => {
                    // A filter.
                    A::new(
                        K::Call {
                            callee: ACallee::Local("if".into()),
                            args: vec![
                                q.clone(),
                                A::new(
                                    K::List(vec![
                                        A::new(
                                            K::Tuple(vec![A::new(K::Atom("do".into()), span), ast]),
                                            span,
                                        ),
                                        A::new(
                                            K::Tuple(vec![
                                                A::new(K::Atom("else".into()), span),
                                                avar(acc, span),
                                            ]),
                                            span,
                                        ),
                                    ]),
                                    span,
                                ),
                            ],
                            parens: false,
                        },
                        span,
                    )
                }
            };
        }
        // Bind the initial accumulator, run, then finish.
        let init = match reduce {
            Some(r) => r.clone(),
            None => A::new(K::List(vec![]), span),
        };
        let start = A::new(
            K::BinOp {
                op: Op::Match,
                left: Box::new(avar(acc, span)),
                right: Box::new(init),
            },
            span,
        );
        let result = self.scoped(|x| {
            let s = x.expr(&start)?;
            let r = x.expr(&ast)?;
            Ok(Expr::new(Kind::Block(vec![s, r]), span))
        })?;
        if reduce.is_some() {
            return Ok(result);
        }
        let list = Expr::remote("lists", "reverse", vec![result], span);
        let list = match kw(&opts, "uniq") {
            Some(u) if matches!(&u.kind, K::Atom(a) if a == "true") => {
                Expr::remote("Elixir.Enum", "uniq", vec![list], span)
            }
            _ => list,
        };
        Ok(match kw(&opts, "into") {
            Some(into) => {
                let i = self.expr(into)?;
                Expr::remote("Elixir.Enum", "into", vec![list, i], span)
            }
            None => list,
        })
    }

    /// The size in bits of the segment of a bitstring generator, or 0 for utf8/16/32
    /// (variable size) — passed to `Beamlet.For.bitstring_reduce/4`.
    fn segment_bits(&mut self, seg: &A) -> R<A> {
        let span = seg.span;
        let spec = match &seg.kind {
            K::BinOp {
                op: Op::Type,
                right,
                ..
            } => Some(&**right),
            _ => None,
        };
        let mut size: Option<A> = None;
        let mut unit = 1i64;
        let mut ty = "integer";
        let mut work: Vec<&A> = spec.into_iter().collect();
        while let Some(e) = work.pop() {
            match &e.kind {
                K::BinOp {
                    op: Op::Minus,
                    left,
                    right,
                } => {
                    work.push(left);
                    work.push(right);
                }
                K::Var(n) => match n.as_str() {
                    "utf8" | "utf16" | "utf32" | "binary" | "bytes" | "bits" | "bitstring"
                    | "float" | "integer" => ty = n,
                    _ => {}
                },
                K::Int(_) => size = Some(e.clone()),
                K::Call {
                    callee: ACallee::Local(n),
                    args,
                    ..
                } => match (n.as_str(), args.as_slice()) {
                    ("size", [s]) => size = Some(s.clone()),
                    ("unit", [u]) => {
                        if let K::Int(u) = &u.kind {
                            unit = i64::try_from(u).unwrap_or(1);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        let kind = match ty {
            "utf8" => "utf8",
            "utf16" => "utf16",
            "utf32" => "utf32",
            _ => "fixed",
        };
        let bits = match (kind, size) {
            ("fixed", Some(s)) => A::new(
                K::BinOp {
                    op: Op::Mul,
                    left: Box::new(s),
                    right: Box::new(A::new(K::Int(unit.into()), span)),
                },
                span,
            ),
            ("fixed", None) => match ty {
                "float" => A::new(K::Int(64.into()), span),
                "integer" => A::new(K::Int(8.into()), span),
                _ => return err(span, "a binary segment in a generator needs a size"),
            },
            (k, _) => A::new(K::Atom(k.into()), span),
        };
        Ok(bits)
    }

    /// `try do ... rescue ... catch ... else ... after ... end`.
    fn try_(&mut self, opts: &A, span: Span) -> R<Expr> {
        let Some(pairs) = kw_pairs(opts) else {
            return err(span, "try expects a do block");
        };
        let Some(body) = kw(&pairs, "do") else {
            return err(span, "try expects a do block");
        };
        let body = self.scoped(|x| x.expr(body))?;
        let else_clauses = match kw(&pairs, "else") {
            Some(e) => self.scoped(|x| x.case_clauses(e))?,
            None => vec![],
        };
        let mut catch_clauses = Vec::new();
        if let Some(r) = kw(&pairs, "rescue") {
            catch_clauses.push(self.rescue_clause(r, span)?);
        }
        if let Some(c) = kw(&pairs, "catch") {
            let K::Clauses(cs) = &c.kind else {
                return err(c.span, "catch expects clauses with ->");
            };
            for cl in cs {
                let (args, guard) = strip_guard(&cl.args);
                let (kind, value) = match args.as_slice() {
                    [v] => (A::new(K::Atom("throw".into()), cl.span), v.clone()),
                    [k, v] => (k.clone(), v.clone()),
                    _ => return err(cl.span, "catch clauses take one or two patterns"),
                };
                let c = self.scoped(|x| {
                    let st = x.fresh();
                    x.env.insert("__STACKTRACE__".into(), st);
                    let mut c = x.clause(&[kind, value], guard, &cl.body)?;
                    c.pats.push(Pat::Bind(st));
                    Ok(c)
                })?;
                catch_clauses.push(c);
            }
        }
        let after = match kw(&pairs, "after") {
            Some(a) => Some(self.scoped(|x| x.expr(a))?),
            None => None,
        };
        Ok(Expr::new(
            Kind::Try(Box::new(TryDef {
                body,
                else_clauses,
                catch_clauses,
                after,
            })),
            span,
        ))
    }

    /// All `rescue` clauses as one catch clause for class `:error`: the reason is
    /// normalized into an exception struct, then matched; no match raises it again.
    fn rescue_clause(&mut self, r: &A, span: Span) -> R<Clause> {
        let K::Clauses(cs) = &r.kind else {
            return err(r.span, "rescue expects clauses with ->");
        };
        let reason = self.fresh();
        let st = self.fresh();
        let e = self.fresh();
        let mut clauses = Vec::new();
        for cl in cs {
            let [arg] = cl.args.as_slice() else {
                return err(cl.span, "rescue clauses take one pattern");
            };
            let c = self.scoped(|x| {
                x.env.insert("__STACKTRACE__".into(), st);
                let (var, mods): (Option<&str>, Vec<&A>) = match &arg.kind {
                    K::BinOp {
                        op: Op::In,
                        left,
                        right,
                    } => {
                        let K::Var(v) = &left.kind else {
                            return err(left.span, "expected a variable before `in`");
                        };
                        let mods = match &right.kind {
                            K::List(items) => items.iter().collect(),
                            _ => vec![&**right],
                        };
                        (Some(v.as_str()), mods)
                    }
                    K::Var(v) => (Some(v.as_str()), vec![]),
                    K::List(items) => (None, items.iter().collect()),
                    K::Alias { .. } => (None, vec![arg]),
                    _ => return err(arg.span, "invalid rescue clause"),
                };
                let mut names = Vec::new();
                for m in mods {
                    names.push(x.resolve_alias(m)?);
                }
                let s = x.fresh();
                let bind = match var {
                    Some("_") | None => Pat::Wild,
                    Some(v) => {
                        let id = x.fresh();
                        x.env.insert(v.to_string(), id);
                        Pat::Bind(id)
                    }
                };
                let (pat, guard) = if names.is_empty() {
                    (bind, None)
                } else {
                    let test = names
                        .iter()
                        .map(|n| {
                            Expr::bif("=:=", vec![Expr::var(s, span), Expr::atom(n, span)], span)
                        })
                        .reduce(|a, b| Expr::new(Kind::OrElse(Box::new(a), Box::new(b)), span));
                    (
                        Pat::Both(
                            Box::new(bind),
                            Box::new(Pat::Map(vec![(
                                Expr::atom("__struct__", span),
                                Pat::Bind(s),
                            )])),
                        ),
                        test,
                    )
                };
                let body = x.expr(&cl.body)?;
                Ok(Clause {
                    pats: vec![pat],
                    guard,
                    body,
                })
            })?;
            clauses.push(c);
        }
        clauses.push(Clause {
            pats: vec![Pat::Wild],
            guard: None,
            body: Expr::new(
                Kind::Reraise(
                    Box::new(Expr::atom("error", span)),
                    Box::new(Expr::var(reason, span)),
                    Box::new(Expr::var(st, span)),
                ),
                span,
            ),
        });
        let normalized = Expr::remote(
            "Elixir.Exception",
            "normalize",
            vec![
                Expr::atom("error", span),
                Expr::var(reason, span),
                Expr::var(st, span),
            ],
            span,
        );
        let body = Expr::new(
            Kind::Block(vec![
                Expr::new(
                    Kind::Match(Box::new(Pat::Bind(e)), Box::new(normalized)),
                    span,
                ),
                Expr::new(
                    Kind::Case(Box::new(Expr::var(e, span)), clauses, Fail::Unreachable),
                    span,
                ),
            ]),
            span,
        );
        Ok(Clause {
            pats: vec![
                Pat::Const(Const::atom("error")),
                Pat::Bind(reason),
                Pat::Bind(st),
            ],
            guard: None,
            body,
        })
    }

    /// The exception `raise` raises: `raise "msg"`, `raise Mod`, `raise Mod, arg`,
    /// `raise struct`.
    fn exception_of(&mut self, m: &A, arg: Option<&A>, span: Span) -> R<Expr> {
        match (&m.kind, arg) {
            (K::Alias { .. }, arg) => {
                let module = self.resolve_alias(m)?;
                let a = match arg {
                    Some(a) => self.expr(a)?,
                    None => Expr::konst(Const::Nil, span),
                };
                Ok(Expr::remote(&module, "exception", vec![a], span))
            }
            (_, None) => {
                let v = self.expr(m)?;
                Ok(Expr::remote(
                    "Elixir.Beamlet.Kernel",
                    "exception_of",
                    vec![v],
                    span,
                ))
            }
            (_, Some(a)) => {
                let module = self.expr(m)?;
                let a = self.expr(a)?;
                Ok(Expr::new(
                    Kind::Call(
                        Callee::Dynamic(Box::new(module), "exception".into()),
                        vec![a],
                    ),
                    span,
                ))
            }
        }
    }
}

/// One step of an access path.
enum PathKey<'a> {
    /// `[key]`.
    Index(&'a A),
    /// `.field`.
    Field(&'a str),
}

/// `root.a[:b].c` -> (root, [a, :b, c]); `None` when `e` is not such a path.
fn access_path(e: &A) -> Option<(&A, Vec<PathKey<'_>>)> {
    let mut keys = Vec::new();
    let mut cur = e;
    loop {
        match &cur.kind {
            K::Access { expr, key } => {
                keys.push(PathKey::Index(key));
                cur = expr;
            }
            K::Call {
                callee: ACallee::Remote(base, name),
                args,
                parens: false,
            } if args.is_empty() && !matches!(base.kind, K::Alias { .. } | K::Atom(_)) => {
                keys.push(PathKey::Field(name));
                cur = base;
            }
            _ => break,
        }
    }
    if keys.is_empty() {
        return None;
    }
    keys.reverse();
    Some((cur, keys))
}
