//! `use GenServer | Supervisor | DynamicSupervisor | Agent | Task`, written out as the code
//! their `__using__` macros inject in Elixir 1.14 (there are no user macros, so `use` of
//! any other module is a compile error that says so).
//!
//! Every `use` in a module body is replaced, before anything else looks at the body, by
//! `@behaviour` and the default functions of the behaviour. A default is left out when
//! the module defines the same name and arity itself: that is what `defoverridable`
//! amounts to when nothing calls `super`. The options of `use` go to
//! `Supervisor.child_spec/2` in the generated `child_spec/1`, as in Elixir. A module that
//! `use`s GenServer without defining `init/1` gets Elixir's default (`{:ok, init_arg}`).
//!
//! The generated code is Elixir text, parsed like the user's and given the span of the
//! `use`, so its errors and stack traces point there (as [`super::protocols`] does).

use super::*;

/// One default function: its name and arity (left out when the module defines it) and its
/// text.
type Default = (&'static str, usize, &'static str);

/// What `use Module` injects: attributes, the `child_spec/1` template (`OPTS` stands for
/// the options of `use`), and the overridable defaults.
struct Behaviour {
    head: &'static str,
    child_spec: &'static str,
    defaults: &'static [Default],
}

const GEN_SERVER: Behaviour = Behaviour {
    head: "@behaviour GenServer",
    child_spec: "def child_spec(init_arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}}
  Supervisor.child_spec(default, OPTS)
end",
    defaults: &[
        (
            "handle_call",
            3,
            "def handle_call(msg, _from, state) do
  proc =
    case Process.info(self(), :registered_name) do
      {_, []} -> self()
      {_, name} -> name
    end

  case :erlang.phash2(1, 1) do
    0 -> raise \"attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided\"
    1 -> {:stop, {:bad_call, msg}, state}
  end
end",
        ),
        (
            "handle_info",
            2,
            "def handle_info(msg, state) do
  proc =
    case Process.info(self(), :registered_name) do
      {_, []} -> self()
      {_, name} -> name
    end

  GenServer.__no_handle_info__(__MODULE__, proc, msg)
  {:noreply, state}
end",
        ),
        (
            "handle_cast",
            2,
            "def handle_cast(msg, state) do
  proc =
    case Process.info(self(), :registered_name) do
      {_, []} -> self()
      {_, name} -> name
    end

  case :erlang.phash2(1, 1) do
    0 -> raise \"attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided\"
    1 -> {:stop, {:bad_cast, msg}, state}
  end
end",
        ),
        ("terminate", 2, "def terminate(_reason, _state), do: :ok"),
        (
            "code_change",
            3,
            "def code_change(_old, state, _extra), do: {:ok, state}",
        ),
        // `GenServer.__before_compile__`: Elixir warns and injects this.
        ("init", 1, "def init(init_arg), do: {:ok, init_arg}"),
    ],
};

const SUPERVISOR: Behaviour = Behaviour {
    head: "@behaviour Supervisor",
    child_spec: "def child_spec(init_arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}, type: :supervisor}
  Supervisor.child_spec(default, OPTS)
end",
    defaults: &[],
};

const DYNAMIC_SUPERVISOR: Behaviour = Behaviour {
    head: "@behaviour DynamicSupervisor",
    child_spec: "def child_spec(arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, type: :supervisor}
  Supervisor.child_spec(default, OPTS)
end",
    defaults: &[],
};

const AGENT: Behaviour = Behaviour {
    head: "",
    child_spec: "def child_spec(arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}
  Supervisor.child_spec(default, OPTS)
end",
    defaults: &[],
};

const TASK: Behaviour = Behaviour {
    head: "",
    child_spec: "def child_spec(arg) do
  default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}
  Supervisor.child_spec(default, OPTS)
end",
    defaults: &[],
};

fn behaviour(module: &str) -> Option<&'static Behaviour> {
    Some(match module {
        "GenServer" => &GEN_SERVER,
        "Supervisor" => &SUPERVISOR,
        "DynamicSupervisor" => &DYNAMIC_SUPERVISOR,
        "Agent" => &AGENT,
        "Task" => &TASK,
        _ => return None,
    })
}

/// Replaces the `use`s in every module body of the file (nested modules included).
pub(super) fn expand_uses(e: &mut A, errors: &mut Vec<Diagnostic>) {
    if defmodule_parts(e).is_some() {
        if let Some(body) = body_mut(e) {
            if let Err(d) = rewrite_body(body) {
                errors.push(d);
            }
        }
    }
    e.kind.for_each_child_mut(&mut |c| expand_uses(c, errors));
}

/// The `do` body of `defmodule Name do ... end`, mutably.
fn body_mut(e: &mut A) -> Option<&mut A> {
    let K::Call { args, .. } = &mut e.kind else {
        return None;
    };
    let K::List(pairs) = &mut args.get_mut(1)?.kind else {
        return None;
    };
    pairs.iter_mut().find_map(|p| match &mut p.kind {
        K::Tuple(kv) => match kv.as_mut_slice() {
            [k, v] if matches!(&k.kind, K::Atom(a) if a == "do") => Some(v),
            _ => None,
        },
        _ => None,
    })
}

/// `use Module, opts` -> (the module expression, the options).
fn use_parts(e: &A) -> Option<(&A, Option<&A>)> {
    match local_call_args(e, "use")? {
        [target] => Some((target, None)),
        [target, opts] => Some((target, Some(opts))),
        _ => None,
    }
}

fn rewrite_body(body: &mut A) -> R<()> {
    let items: Vec<&A> = block_items(Some(body));
    if !items.iter().any(|i| use_parts(i).is_some()) {
        return Ok(());
    }
    let mut info = ModInfo::default();
    for d in &items {
        forms::scan_def(d, &mut info);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Some((target, opts)) = use_parts(item) else {
            out.push(item.clone());
            continue;
        };
        let name = alias_segments(target)
            .map(|s| s.join("."))
            .unwrap_or_else(|| crate::printer::print(target));
        let Some(b) = behaviour(&name) else {
            return err(
                item.span,
                format!(
                    "use {name} is outside Beamlet's subset of Elixir (there are no user \
                     macros; `use` is built in for GenServer, Supervisor, DynamicSupervisor, \
                     Agent and Task)"
                ),
            );
        };
        let opts = opts.map_or_else(|| "[]".to_string(), crate::printer::print);
        let mut text = String::new();
        text.push_str(b.head);
        text.push('\n');
        if !info.funs.contains(&("child_spec".to_string(), 1)) {
            text.push_str(&b.child_spec.replace("OPTS", &opts));
            text.push('\n');
        }
        for (fun, arity, def) in b.defaults {
            if !info.funs.contains(&(fun.to_string(), *arity)) {
                text.push_str(def);
                text.push('\n');
            }
        }
        let generated = protocols::generated(&text, item.span)?;
        match generated.kind {
            K::Block(xs) => out.extend(xs),
            _ => out.push(generated),
        }
    }
    *body = A::new(K::Block(out), body.span);
    Ok(())
}
