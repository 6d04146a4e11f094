//! Patterns, bitstrings (built and matched) and structs.

use std::collections::HashMap;

use super::{err, literal_string, split_tail, Expander, R, SCRIPT_MODULE};
use crate::ast::{Callee as ACallee, Expr as A, ExprKind as K, Op, Span};
use crate::core::*;
use beamlet_bytecode::instr::seg;

impl Expander<'_> {
    /// The pattern `e`; new variables go into `bound` (a variable seen twice must match the
    /// same value).
    pub(crate) fn pattern(&mut self, e: &A, bound: &mut HashMap<String, VarId>) -> R<Pat> {
        let span = e.span;
        Ok(match &e.kind {
            K::Var(name) if name == "_" => Pat::Wild,
            K::Var(name) => {
                if let Some(&v) = bound.get(name) {
                    Pat::Pinned(v)
                } else {
                    let v = self.fresh();
                    bound.insert(name.clone(), v);
                    Pat::Bind(v)
                }
            }
            K::Int(_) | K::Float(_) | K::Char(_) | K::Atom(_) | K::Alias { .. } => {
                match self.expr(e)?.kind {
                    Kind::Const(c) => Pat::Const(c),
                    _ => return err(span, "invalid pattern"),
                }
            }
            K::String(parts) => match literal_string(parts) {
                Some(s) => Pat::Const(Const::Binary(crate::lexer::literal_bytes(&s))),
                None => return err(span, "interpolation is not allowed in a pattern"),
            },
            K::Charlist(parts) => match literal_string(parts) {
                Some(s) => Pat::Const(super::charlist_const(&s)),
                None => return err(span, "interpolation is not allowed in a pattern"),
            },
            K::Sigil(_) => match self.expr(e)?.kind {
                Kind::Const(c) => Pat::Const(c),
                _ => return err(span, "invalid pattern"),
            },
            K::UnaryOp {
                op: Op::Pin,
                operand,
            } => {
                let K::Var(name) = &operand.kind else {
                    return err(span, "the pin operator ^ takes a variable");
                };
                match self.lookup_var(name) {
                    Some(v) => Pat::Pinned(v),
                    None => return err(span, format!("undefined variable ^{name}")),
                }
            }
            K::UnaryOp {
                op: Op::Minus,
                operand,
            } => match &operand.kind {
                K::Int(i) => Pat::Const(Const::Int(-i.clone())),
                K::Float(f) => Pat::Const(Const::Float(-f)),
                _ => return err(span, "invalid pattern"),
            },
            K::List(items) => {
                let (items, tail) = split_tail(items);
                let mut acc = match tail {
                    Some(t) => self.pattern(t, bound)?,
                    None => Pat::Const(Const::Nil),
                };
                let mut pats = Vec::with_capacity(items.len());
                for i in items {
                    pats.push(self.pattern(i, bound)?);
                }
                for p in pats.into_iter().rev() {
                    acc = Pat::Cons(Box::new(p), Box::new(acc));
                }
                acc
            }
            K::Tuple(items) => {
                let mut pats = Vec::with_capacity(items.len());
                for i in items {
                    pats.push(self.pattern(i, bound)?);
                }
                Pat::Tuple(pats)
            }
            K::Map {
                update: None,
                pairs,
            } => Pat::Map(self.map_pattern_pairs(pairs, bound)?),
            K::Map { .. } => return err(span, "map update is not allowed in a pattern"),
            K::Struct { name, map } => {
                let K::Map {
                    update: None,
                    pairs,
                } = &map.kind
                else {
                    return err(span, "invalid struct pattern");
                };
                if matches!(name.kind, K::Alias { .. }) {
                    let module = self.resolve_alias(name)?;
                    self.struct_available(&module, name.span)?;
                }
                let name_pat = match &name.kind {
                    K::Var(_) | K::UnaryOp { op: Op::Pin, .. } => self.pattern(name, bound)?,
                    _ => Pat::Const(Const::Atom(self.resolve_alias(name)?)),
                };
                let mut pairs = self.map_pattern_pairs(pairs, bound)?;
                pairs.insert(0, (Expr::atom("__struct__", span), name_pat));
                Pat::Map(pairs)
            }
            K::Bitstring(segs) => Pat::Bin(self.segments_pat(segs, bound)?),
            K::BinOp {
                op: Op::Range,
                left,
                right,
            } => {
                let (f, l) = (self.pattern(left, bound)?, self.pattern(right, bound)?);
                range_pat(f, l, None, span)
            }
            K::RangeStep { first, last, step } => {
                let f = self.pattern(first, bound)?;
                let l = self.pattern(last, bound)?;
                let s = self.pattern(step, bound)?;
                range_pat(f, l, Some(s), span)
            }
            K::BinOp {
                op: Op::Match,
                left,
                right,
            } => {
                let l = self.pattern(left, bound)?;
                let r = self.pattern(right, bound)?;
                Pat::Both(Box::new(l), Box::new(r))
            }
            K::BinOp {
                op: Op::StrConcat,
                left,
                right,
            } => {
                let K::String(parts) = &left.kind else {
                    return err(
                        left.span,
                        "the left side of <> in a pattern must be a literal string",
                    );
                };
                let Some(prefix) = literal_string(parts) else {
                    return err(left.span, "interpolation is not allowed in a pattern");
                };
                let rest = self.pattern(right, bound)?;
                Pat::Prefix(crate::lexer::literal_bytes(&prefix), Box::new(rest))
            }
            K::Call {
                callee: ACallee::Local(n),
                ..
            } if n == "__MODULE__" => Pat::Const(Const::Atom(self.module().name.clone())),
            K::Call { .. } => {
                // `@attr` in a pattern: the attribute's constant value.
                match self.expr(e) {
                    Ok(Expr {
                        kind: Kind::Const(c),
                        ..
                    }) => Pat::Const(c),
                    _ => return err(span, "cannot invoke a function inside a pattern"),
                }
            }
            K::UnaryOp { op: Op::At, .. } => match self.expr(e)?.kind {
                Kind::Const(c) => Pat::Const(c),
                _ => return err(span, "a module attribute in a pattern must be a constant"),
            },
            _ => return err(span, "invalid pattern"),
        })
    }

    fn map_pattern_pairs(
        &mut self,
        pairs: &[(A, A)],
        bound: &mut HashMap<String, VarId>,
    ) -> R<Vec<(Expr, Pat)>> {
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            let key = match &k.kind {
                K::UnaryOp {
                    op: Op::Pin,
                    operand,
                } => self.expr(operand)?,
                K::Var(_) => {
                    return err(
                        k.span,
                        "a variable is not allowed as a map key in a pattern; use ^var",
                    )
                }
                _ => {
                    let e = self.expr(k)?;
                    if !matches!(e.kind, Kind::Const(_)) {
                        return err(k.span, "a map key in a pattern must be a literal or ^var");
                    }
                    e
                }
            };
            out.push((key, self.pattern(v, bound)?));
        }
        Ok(out)
    }

    /// A bitstring expression.
    pub(crate) fn bitstring(&mut self, segs: &[A], span: Span) -> R<Expr> {
        let mut out = Vec::with_capacity(segs.len());
        for s in segs {
            let (value, spec) = split_segment(s);
            let mut flags = SegSpec::parse(self, spec)?;
            // `<<"é"::utf8>>`: one segment per code point.
            if let (K::String(parts), Some(ty @ (seg::UTF8 | seg::UTF16 | seg::UTF32))) =
                (&value.kind, flags.ty)
            {
                let Some(text) = literal_string(parts) else {
                    return err(value.span, "interpolation is not allowed in a utf segment");
                };
                for c in text.chars() {
                    let spec = SegSpec {
                        ty: Some(ty),
                        ..flags.clone()
                    };
                    let v = Expr::konst(
                        Const::int(crate::lexer::literal_byte(c).map_or(c as i64, i64::from)),
                        value.span,
                    );
                    out.push(spec.finish(ty, v));
                }
                continue;
            }
            let v = match &value.kind {
                // A literal string segment is its bytes (or code points for utf types).
                K::String(parts) if flags.ty.is_none() || flags.ty == Some(seg::BINARY) => {
                    flags.ty = Some(seg::BINARY);
                    self.string(parts, value.span)?
                }
                _ => self.expr(value)?,
            };
            let ty = match flags.ty {
                Some(t) => t,
                None if matches!(v.kind, Kind::Const(Const::Float(_))) => seg::FLOAT,
                None => seg::INTEGER,
            };
            out.push(flags.finish(ty, v));
        }
        Ok(Expr::new(Kind::Bin(out), span))
    }

    fn segments_pat(&mut self, segs: &[A], bound: &mut HashMap<String, VarId>) -> R<Vec<Seg<Pat>>> {
        let mut out = Vec::with_capacity(segs.len());
        for s in segs {
            let (value, spec) = split_segment(s);
            // Sizes may use variables bound earlier in the same pattern.
            let saved = self.env.clone();
            self.env.extend(bound.iter().map(|(k, v)| (k.clone(), *v)));
            let flags = SegSpec::parse(self, spec);
            self.env = saved;
            let mut flags = flags?;
            if let K::String(parts) = &value.kind {
                let Some(text) = literal_string(parts) else {
                    return err(value.span, "interpolation is not allowed in a pattern");
                };
                if let Some(ty @ (seg::UTF8 | seg::UTF16 | seg::UTF32)) = flags.ty {
                    for c in text.chars() {
                        let spec = SegSpec {
                            ty: Some(ty),
                            ..flags.clone()
                        };
                        out.push(spec.finish(
                            ty,
                            Pat::Const(Const::int(
                                crate::lexer::literal_byte(c).map_or(c as i64, i64::from),
                            )),
                        ));
                    }
                    continue;
                }
                if flags.ty.is_none() || flags.ty == Some(seg::BINARY) {
                    flags.ty = Some(seg::BINARY);
                    let n = text.len();
                    let mut f = flags.finish(
                        seg::BINARY,
                        Pat::Const(Const::Binary(crate::lexer::literal_bytes(&text))),
                    );
                    f.size = Some(Expr::konst(Const::int(n as i64), value.span));
                    out.push(f);
                    continue;
                }
            }
            let p = self.pattern(value, bound)?;
            let ty = match flags.ty {
                Some(t) => t,
                None if matches!(p, Pat::Const(Const::Float(_))) => seg::FLOAT,
                None => seg::INTEGER,
            };
            out.push(flags.finish(ty, p));
        }
        Ok(out)
    }

    /// A struct of a module of this file cannot be built by the file's top-level code:
    /// Elixir expands that code before it runs the `defmodule`s (CompileError).
    fn struct_available(&self, module: &str, span: Span) -> R<()> {
        let here = self
            .known
            .get(module)
            .is_some_and(|i| i.struct_fields.is_some());
        if here && self.module().name == SCRIPT_MODULE {
            let short = module.trim_start_matches("Elixir.");
            return err(
                span,
                format!(
                    "cannot access struct {short}, the struct was not yet defined or the \
                     struct is being accessed in the same context that defines it"
                ),
            );
        }
        Ok(())
    }

    /// `%Name{k: v}`: the struct's defaults overridden by the given keys.
    pub(crate) fn struct_expr(&mut self, name: &A, map: &A, span: Span) -> R<Expr> {
        let module = self.resolve_alias(name)?;
        self.struct_available(&module, name.span)?;
        let K::Map { update, pairs } = &map.kind else {
            return err(span, "invalid struct");
        };
        if let Some(u) = update {
            // `%Name{s | k: v}`: an update of a struct of that name.
            let base = self.expr(u)?;
            let pairs = self.map_pairs(pairs)?;
            return Ok(Expr::new(Kind::MapUpdate(Box::new(base), pairs), span));
        }
        let given = self.map_pairs(pairs)?;
        let fields = self
            .known
            .get(&module)
            .and_then(|i| i.struct_fields.clone());
        match fields {
            Some(fields) => {
                for (k, _) in &given {
                    if let Kind::Const(Const::Atom(a)) = &k.kind {
                        if !fields.iter().any(|(f, _)| f == a) {
                            let short = module.trim_start_matches("Elixir.");
                            return err(k.span, format!("unknown key :{a} for struct {short}"));
                        }
                    }
                }
                let enforce = self
                    .known
                    .get(&module)
                    .map(|i| i.enforce.clone())
                    .unwrap_or_default();
                let missing: Vec<&String> = enforce
                    .iter()
                    .filter(|k| {
                        !given
                            .iter()
                            .any(|(g, _)| matches!(&g.kind, Kind::Const(Const::Atom(a)) if a == *k))
                    })
                    .collect();
                if !missing.is_empty() {
                    let list: Vec<String> = missing.iter().map(|k| format!(":{k}")).collect();
                    return err(
                        span,
                        format!(
                            "the following keys must also be given when building struct {}: [{}]",
                            module.trim_start_matches("Elixir."),
                            list.join(", ")
                        ),
                    );
                }
                // The defaults come from `__struct__/0`: they were evaluated in the
                // struct's own module (its attributes, its aliases).
                let _ = fields;
                let defaults = Expr::remote(&module, "__struct__", vec![], span);
                if given.is_empty() {
                    return Ok(defaults);
                }
                Ok(Expr::new(Kind::MapUpdate(Box::new(defaults), given), span))
            }
            None => {
                let kv =
                    given
                        .into_iter()
                        .rev()
                        .fold(Expr::konst(Const::Nil, span), |acc, (k, v)| {
                            let pair = Expr::new(Kind::Tuple(vec![k, v]), span);
                            Expr::new(Kind::Cons(Box::new(pair), Box::new(acc)), span)
                        });
                Ok(Expr::remote(&module, "__struct__", vec![kv], span))
            }
        }
    }
}

/// `value::spec` -> (value, spec).
fn split_segment(s: &A) -> (&A, Option<&A>) {
    match &s.kind {
        K::BinOp {
            op: Op::Type,
            left,
            right,
        } => (left, Some(right)),
        _ => (s, None),
    }
}

/// The modifiers of one segment.
#[derive(Default, Clone)]
struct SegSpec {
    ty: Option<u32>,
    signed: bool,
    endian: u32,
    size: Option<Expr>,
    unit: Option<u32>,
}

impl SegSpec {
    fn parse(x: &mut Expander<'_>, spec: Option<&A>) -> R<SegSpec> {
        let mut s = SegSpec::default();
        let mut work: Vec<&A> = spec.into_iter().collect();
        let mut items = Vec::new();
        while let Some(e) = work.pop() {
            match &e.kind {
                K::BinOp {
                    op: Op::Minus,
                    left,
                    right,
                } => {
                    work.push(right);
                    work.push(left);
                }
                _ => items.push(e),
            }
        }
        for e in items {
            let (name, args): (&str, &[A]) = match &e.kind {
                K::Var(n) => (n, &[]),
                K::Call {
                    callee: ACallee::Local(n),
                    args,
                    ..
                } => (n, args),
                K::Int(i) => {
                    // `x::8` is `size(8)`.
                    s.size = Some(Expr::konst(Const::Int(i.clone()), e.span));
                    continue;
                }
                _ => return err(e.span, "invalid bitstring modifier"),
            };
            match (name, args) {
                ("integer", []) => s.ty = Some(seg::INTEGER),
                ("float", []) => s.ty = Some(seg::FLOAT),
                ("binary" | "bytes", []) => s.ty = Some(seg::BINARY),
                ("bitstring" | "bits", []) => s.ty = Some(seg::BITSTRING),
                ("utf8", []) => s.ty = Some(seg::UTF8),
                ("utf16", []) => s.ty = Some(seg::UTF16),
                ("utf32", []) => s.ty = Some(seg::UTF32),
                ("signed", []) => s.signed = true,
                ("unsigned", []) => s.signed = false,
                ("big", []) => s.endian = 0,
                ("little", []) => s.endian = seg::LITTLE,
                ("native", []) => s.endian = seg::NATIVE,
                ("size", [n]) => s.size = Some(x.expr(n)?),
                ("unit", [n]) => match &n.kind {
                    K::Int(u) => {
                        let u = u32::try_from(u).ok().filter(|u| (1..=256).contains(u));
                        match u {
                            Some(u) => s.unit = Some(u),
                            None => return err(n.span, "unit must be an integer from 1 to 256"),
                        }
                    }
                    _ => return err(n.span, "unit must be a literal integer"),
                },
                _ => return err(e.span, format!("unknown bitstring modifier {name}")),
            }
        }
        Ok(s)
    }

    fn finish<T>(self, ty: u32, value: T) -> Seg<T> {
        let default_unit = match ty {
            seg::BINARY => 8,
            _ => 1,
        };
        let unit = self.unit.unwrap_or(default_unit).min(255);
        let size = match (ty, self.size) {
            (_, Some(s)) => Some(s),
            (seg::INTEGER, None) => Some(Expr::konst(Const::int(8), Span::default())),
            (seg::FLOAT, None) => Some(Expr::konst(Const::int(64), Span::default())),
            _ => None,
        };
        Seg {
            value,
            size,
            flags: ty
                | if self.signed { seg::SIGNED } else { 0 }
                | self.endian
                | (unit << seg::UNIT_SHIFT),
        }
    }
}

/// `first..last//step` in a pattern: the `Range` struct's fields.
fn range_pat(first: Pat, last: Pat, step: Option<Pat>, span: Span) -> Pat {
    let mut pairs = vec![
        (
            Expr::atom("__struct__", span),
            Pat::Const(Const::atom("Elixir.Range")),
        ),
        (Expr::atom("first", span), first),
        (Expr::atom("last", span), last),
    ];
    if let Some(s) = step {
        pairs.push((Expr::atom("step", span), s));
    }
    Pat::Map(pairs)
}
