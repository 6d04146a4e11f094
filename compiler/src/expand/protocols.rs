//! `defprotocol` and `defimpl`, written out as the modules Elixir's macros make.
//!
//! `defprotocol P do def f(x, y) end` is the module `P` with `f/2` dispatching on its
//! first argument (`P.impl_for!(x).f(x, y)`), `impl_for/1`, `impl_for!/1` (raising
//! `Protocol.UndefinedError`) and `__protocol__/1`. `defimpl P, for: T do ... end` is the
//! module `P.T` (one per type of a `for:` list; the enclosing module without `for:`) with
//! `@protocol`, `@for` and `__impl__/1`. The implementation is found at run time by
//! `:beamlet.impl_for/3` (a struct's `P.Struct`, a built-in type's `P.Integer`,
//! `P.List`, ..., then `P.Any` under `@fallback_to_any true`); protocols are not
//! consolidated, as in a script run by `elixir`.
//!
//! The generated code is Elixir text parsed like the user's (the closest thing to the
//! macro's quoted output) and given the span of the form, so its errors and stack traces
//! point at the `defprotocol` or `defimpl`.

use super::*;

/// The parts of `defprotocol Name do ... end`: the name and the body.
pub(super) fn protocol_parts(e: &A) -> Option<(&A, Option<&A>)> {
    module_form(e, "defprotocol")
}

/// `defimpl P, for: T do ... end` (or `defimpl P do ... end` inside a module): the
/// protocol, the `for:` value and the body.
pub(super) struct ImplParts<'a> {
    pub protocol: &'a A,
    pub for_: Option<&'a A>,
    pub body: Option<&'a A>,
}

pub(super) fn impl_parts(e: &A) -> Option<ImplParts<'_>> {
    let (protocol, rest) = local_call_args(e, "defimpl")?.split_first()?;
    let mut pairs = Vec::new();
    for kw in rest {
        pairs.extend(kw_pairs(kw)?);
    }
    let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    Some(ImplParts {
        protocol,
        for_: get("for"),
        body: get("do"),
    })
}

/// Parses generated code and points all of it at `span`.
pub(super) fn generated(text: &str, span: Span) -> R<A> {
    let mut ast = match crate::parser::parse(text) {
        Ok(ast) => ast,
        Err(d) => {
            return err(
                span,
                format!("internal error in generated code: {}", d.message),
            )
        }
    };
    ast.set_spans(span);
    Ok(ast)
}

/// `ast`'s items followed by `more`, as one block.
fn block_of(ast: A, more: Vec<&A>, span: Span) -> A {
    let mut xs = match ast.kind {
        K::Block(xs) => xs,
        _ => vec![ast],
    };
    xs.extend(more.into_iter().cloned());
    A::new(K::Block(xs), span)
}

/// The body of the module a `defprotocol` defines.
pub(super) fn protocol_body(e: &A, body: Option<&A>) -> R<A> {
    let mut funs: Vec<(String, usize)> = Vec::new();
    let mut fallback = false;
    for item in block_items(body) {
        match &item.kind {
            K::Call {
                callee: ACallee::Local(def),
                args,
                ..
            } if def == "def" => {
                let head = match args.as_slice() {
                    [head] => head,
                    _ => {
                        return err(
                            item.span,
                            "a protocol function is a head without a body: def name(arg, ...)",
                        )
                    }
                };
                let (name, arity) = match &head.kind {
                    K::Call {
                        callee: ACallee::Local(name),
                        args,
                        ..
                    } => (name.clone(), args.len()),
                    K::Var(name) => (name.clone(), 0),
                    _ => return err(head.span, "expected a function head: def name(arg, ...)"),
                };
                if arity == 0 {
                    return err(head.span, "protocol functions expect at least one argument");
                }
                funs.push((name, arity));
            }
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
                    if attr == "fallback_to_any" {
                        fallback = matches!(args.as_slice(), [a] if matches!(&a.kind, K::Atom(t) if t == "true"));
                    }
                }
            }
            _ => return err(
                item.span,
                "only function heads (def name(arg)) and attributes may be given in defprotocol",
            ),
        }
    }
    let mut listed = funs.clone();
    listed.sort();
    let mut text = format!(
        "def impl_for(value), do: :beamlet.impl_for(__MODULE__, value, {fallback})\n\
         def impl_for!(value) do\n\
           case :beamlet.impl_for(__MODULE__, value, {fallback}) do\n\
             nil -> raise Protocol.UndefinedError, protocol: __MODULE__, value: value\n\
             impl -> impl\n\
           end\n\
         end\n\
         def __protocol__(:module), do: __MODULE__\n\
         def __protocol__(:functions), do: [{}]\n\
         def __protocol__(:consolidated?), do: false\n\
         def __protocol__(:impls), do: :not_consolidated\n",
        listed
            .iter()
            .map(|(n, a)| format!("{{:{n}, {a}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (name, arity) in &funs {
        let args: Vec<String> = (0..*arity).map(|i| format!("arg{i}")).collect();
        let args = args.join(", ");
        text.push_str(&format!(
            "def {name}({args}), do: impl_for!(arg0).{name}({args})\n"
        ));
    }
    generated(&text, e.span)
}

/// `Module.concat(a, b)` of two module atoms.
fn module_concat(a: &str, b: &str) -> String {
    let strip = |s: &str| s.strip_prefix("Elixir.").unwrap_or(s).to_string();
    format!("Elixir.{}.{}", strip(a), strip(b))
}

impl Expander<'_> {
    /// `defprotocol`: the module with its dispatching functions.
    pub(super) fn defprotocol(&mut self, e: &A) -> R<()> {
        let Some((name_e, body)) = protocol_parts(e) else {
            return err(e.span, "expected defprotocol Name do ... end");
        };
        let body = protocol_body(e, body)?;
        self.defmodule(e, name_e, Some(&body))
    }

    /// `defimpl`: a module per type of `for:`.
    pub(super) fn defimpl(&mut self, e: &A) -> R<()> {
        let Some(parts) = impl_parts(e) else {
            return err(e.span, "expected defimpl Protocol, for: Type do ... end");
        };
        let protocol = self.resolve_alias(parts.protocol)?;
        let fors: Vec<String> = match parts.for_.map(|f| &f.kind) {
            None if self.module().name == SCRIPT_MODULE => {
                return err(
                    e.span,
                    "defimpl/3 expects a :for option when declared outside a module",
                )
            }
            None => vec![self.module().name.clone()],
            Some(K::List(xs)) => xs.iter().map(|x| self.impl_target(x)).collect::<R<_>>()?,
            Some(_) => vec![self.impl_target(parts.for_.unwrap_or(parts.protocol))?],
        };
        for target in fors {
            let name = module_concat(&protocol, &target);
            let header = generated(
                &format!(
                    "@protocol :\"{protocol}\"\n\
                     @for :\"{target}\"\n\
                     def __impl__(:for), do: :\"{target}\"\n\
                     def __impl__(:protocol), do: :\"{protocol}\"\n"
                ),
                e.span,
            )?;
            let body = block_of(header, block_items(parts.body), e.span);
            let name_e = A::new(K::Atom(name), parts.protocol.span);
            self.defmodule(e, &name_e, Some(&body))?;
        }
        Ok(())
    }

    /// A type named in `for:`: an alias (`Integer`, `MyStruct`) or a module atom.
    fn impl_target(&self, e: &A) -> R<String> {
        match &e.kind {
            K::Atom(a) => Ok(a.clone()),
            _ => self.resolve_alias(e),
        }
    }
}

/// The modules a `defimpl` defines, named without the file's aliases (for the prescan):
/// `(module atom, body)` per type.
pub(super) fn impl_modules<'a>(e: &'a A, enclosing: &str) -> Vec<(String, Option<&'a A>)> {
    let Some(parts) = impl_parts(e) else {
        return vec![];
    };
    let Some(protocol) = alias_segments(parts.protocol).map(|s| alias_atom(&s)) else {
        return vec![];
    };
    let name = |x: &A| match &x.kind {
        K::Atom(a) => Some(a.clone()),
        _ => alias_segments(x).map(|s| alias_atom(&s)),
    };
    let fors: Vec<String> = match parts.for_.map(|f| &f.kind) {
        None if enclosing.is_empty() => vec![],
        None => vec![format!("Elixir.{enclosing}")],
        Some(K::List(xs)) => xs.iter().filter_map(name).collect(),
        Some(_) => parts.for_.and_then(name).into_iter().collect(),
    };
    fors.iter()
        .map(|t| (module_concat(&protocol, t), parts.body))
        .collect()
}
