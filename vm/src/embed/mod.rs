//! The embedding API: run Beamlet inside a Rust program.
//!
//! A [`Runtime`] is a handle on the VM of this OS process (one per process, as with the
//! BEAM: atoms, loaded code and the schedulers are process-wide). Through it a program
//! loads source or bytecode, evaluates code, calls functions, spawns processes and sends
//! messages; a [`Host`] is a mailbox with a pid that a Rust thread receives from; a
//! [`Native`] is a Rust function that Beamlet code calls. Terms cross over as [`Value`]s,
//! with [`IntoValue`]/[`FromValue`] for Rust types and [`serde`](mod@serde) for anything
//! serde can describe.
//!
//! ```
//! use beamlet_vm::embed::{Runtime, Value};
//! let rt = Runtime::shared();
//! rt.load_source("defmodule Greeter do\n  def hello(name), do: \"Hello, #{name}!\"\nend\n", "greeter.ex").unwrap();
//! let v = rt.call("Greeter", "hello", vec![Value::from("Rust")]).unwrap();
//! assert_eq!(v.as_str(), Some("Hello, Rust!"));
//! ```

mod convert;
mod host;
mod native;
pub mod serde;
mod value;

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pub use convert::{AtomName, Binary, ConvertError, FromValue, IntoValue};
pub use host::Host;
pub use native::{Native, NativeFn};
pub use value::{Opaque, Pid, Ref, Value, MAX_DEPTH};

pub(crate) use host::host_deliver;
pub(crate) use native::{host_native, host_native_dirty};

use crate::atom::Atom;
use crate::code;
use crate::sched::{self, Signal, SpawnOpts, Start};

/// What went wrong in a runtime operation.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The builder's settings cannot be applied (a runtime already runs with others).
    Config(String),
    /// Another runtime handle was built and not shut down (one per OS process).
    AlreadyRunning,
    /// The runtime was shut down.
    Shutdown,
    /// The source did not compile: the diagnostics as `elixir` prints them.
    Compile(String),
    /// A module did not load (bad bytecode, a failed verification).
    Load(String),
    /// The code raised: the class (`"error"`, `"exit"`, `"throw"`), the reason, and the
    /// report Elixir would print (`** (RuntimeError) boom` and the stack trace).
    Raised {
        /// `error`, `exit` or `throw`.
        kind: String,
        /// The reason (an exception struct for errors raised by Elixir code).
        reason: Value,
        /// The report, as `Exception.format/3` writes it.
        report: String,
    },
    /// The process running the code ended before it answered (killed): the exit reason.
    Exited(Value),
    /// Nothing arrived in time.
    Timeout,
    /// No process has that name, or the pid is not alive.
    NoProcess(String),
    /// The host process ended (killed by a link, or the runtime shut down).
    HostDown,
    /// The process limit was reached.
    ProcessLimit,
    /// A value did not convert.
    Convert(ConvertError),
    /// A bad argument to the API (a function name that is not one, ...).
    BadArg(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(m) => write!(f, "runtime configuration: {m}"),
            Error::AlreadyRunning => f.write_str("a Beamlet runtime already runs in this process"),
            Error::Shutdown => f.write_str("the runtime was shut down"),
            Error::Compile(m) | Error::Load(m) => f.write_str(m.trim_end()),
            Error::Raised { report, .. } => f.write_str(report.trim_end()),
            Error::Exited(r) => write!(f, "the process exited: {r}"),
            Error::Timeout => f.write_str("timed out"),
            Error::NoProcess(what) => write!(f, "no process: {what}"),
            Error::HostDown => f.write_str("the host process is down"),
            Error::ProcessLimit => f.write_str("the process limit was reached"),
            Error::Convert(e) => e.fmt(f),
            Error::BadArg(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl From<ConvertError> for Error {
    fn from(e: ConvertError) -> Error {
        Error::Convert(e)
    }
}

/// Where a message goes: a pid or a registered name.
#[derive(Clone, Debug, PartialEq)]
pub enum Dest {
    /// A process.
    Pid(Pid),
    /// A registered name (an atom, without the colon).
    Name(String),
}

impl From<Pid> for Dest {
    fn from(p: Pid) -> Dest {
        Dest::Pid(p)
    }
}

impl From<&str> for Dest {
    fn from(n: &str) -> Dest {
        Dest::Name(n.to_string())
    }
}

/// The atom of a module as a program writes it: `Foo.Bar` is `Elixir.Foo.Bar`, `:lists`
/// and `lists` are `lists`.
pub fn module_atom(name: &str) -> String {
    if let Some(erl) = name.strip_prefix(':') {
        erl.to_string()
    } else if name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.starts_with("Elixir.") {
        format!("Elixir.{name}")
    } else {
        name.to_string()
    }
}

fn kind_name(v: &Value) -> String {
    match v {
        Value::Atom(a) => a.clone(),
        other => other.to_string(),
    }
}

/// Settings of a runtime, applied by [`Builder::build`].
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct Builder {
    schedulers: Option<usize>,
    process_limit: Option<usize>,
    min_heap_size: Option<usize>,
    max_heap_size: Option<usize>,
}

impl Builder {
    /// Scheduler threads (default: one per core). The schedulers start once per OS
    /// process: a later runtime must ask for the same number (or none).
    pub fn schedulers(mut self, n: usize) -> Builder {
        self.schedulers = Some(n);
        self
    }

    /// The most processes alive at once (default 262,144, the BEAM's `+P`).
    pub fn process_limit(mut self, n: usize) -> Builder {
        self.process_limit = Some(n);
        self
    }

    /// The smallest heap of a new process, in words (`min_heap_size`, default 233).
    pub fn min_heap_size(mut self, words: usize) -> Builder {
        self.min_heap_size = Some(words);
        self
    }

    /// The largest heap a process may grow to, in words, past which it is killed
    /// (`max_heap_size`; default: no limit). A spawn's own option wins.
    pub fn max_heap_size(mut self, words: usize) -> Builder {
        self.max_heap_size = Some(words);
        self
    }

    /// Starts the runtime (loads the standard library, applies the settings).
    pub fn build(self) -> Result<Runtime, Error> {
        let mut live = state().lock().unwrap_or_else(|e| e.into_inner());
        if live.running {
            return Err(Error::AlreadyRunning);
        }
        crate::runtime::boot().map_err(Error::Load)?;
        if let Some(n) = self.schedulers {
            if !(1..=1024).contains(&n) {
                return Err(Error::Config(format!(
                    "the number of schedulers must be 1 to 1024, not {n}"
                )));
            }
            if !sched::set_schedulers(n) && sched::schedulers() != n {
                return Err(Error::Config(format!(
                    "the schedulers already run ({}); they cannot become {n}",
                    sched::schedulers()
                )));
            }
        }
        if let Some(n) = self.process_limit {
            sched::set_process_limit(n);
        }
        sched::set_default_heap(self.min_heap_size, self.max_heap_size);
        live.running = true;
        live.generation += 1;
        Ok(Runtime {
            generation: live.generation,
        })
    }
}

/// Whether a runtime runs, and which one.
struct State {
    running: bool,
    generation: u64,
}

fn state() -> &'static Mutex<State> {
    static S: OnceLock<Mutex<State>> = OnceLock::new();
    S.get_or_init(|| {
        Mutex::new(State {
            running: false,
            generation: 0,
        })
    })
}

/// A handle on the Beamlet VM of this process. Cheap to clone; `Send + Sync`.
///
/// ```
/// use beamlet_vm::embed::{Runtime, Value};
/// let rt = Runtime::shared();
/// assert_eq!(rt.eval("Enum.sum(1..10)").unwrap(), Value::Int(55));
/// ```
#[derive(Clone, Debug)]
pub struct Runtime {
    generation: u64,
}

impl Runtime {
    /// A builder for the settings.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The runtime that runs, if one does.
    pub fn current() -> Option<Runtime> {
        let s = state().lock().unwrap_or_else(|e| e.into_inner());
        s.running.then_some(Runtime {
            generation: s.generation,
        })
    }

    /// The runtime that runs, or a new one with the default settings.
    pub fn shared() -> Runtime {
        loop {
            if let Some(rt) = Runtime::current() {
                return rt;
            }
            match Runtime::builder().build() {
                Ok(rt) => return rt,
                Err(Error::AlreadyRunning) => continue,
                // The standard library is verified at build time; it loads.
                Err(_) => {
                    return Runtime {
                        generation: u64::MAX,
                    }
                }
            }
        }
    }

    fn check(&self) -> Result<(), Error> {
        let s = state().lock().unwrap_or_else(|e| e.into_inner());
        if s.running && s.generation == self.generation {
            Ok(())
        } else {
            Err(Error::Shutdown)
        }
    }

    /// Compiles `src` (named `file` in messages), loads its modules and runs its top-level
    /// code, as `Code.require_file/1` does. Returns the names of the modules it defined.
    pub fn load_source(&self, src: &str, file: &str) -> Result<Vec<String>, Error> {
        self.check()?;
        let (name, modules) = self.compile_eval(src, file, &mut Default::default())?;
        let defined = defined_modules(&modules, &name);
        load_all(modules)?;
        self.host()?.run(
            &name,
            beamlet_compiler::expand::EVAL_FUN,
            vec![Value::Map(Vec::new())],
        )?;
        Ok(defined)
    }

    /// Loads compiled code: a module file, or a program file that `vm compile` wrote (whose
    /// top-level code then runs). Returns the names of the modules loaded.
    pub fn load_bytecode(&self, bytes: &[u8]) -> Result<Vec<String>, Error> {
        self.check()?;
        let modules = if beamlet_bytecode::pack::is_pack(bytes) {
            beamlet_bytecode::pack::unpack(bytes).map_err(Error::Load)?
        } else {
            vec![beamlet_bytecode::load(bytes).map_err(Error::Load)?]
        };
        let names: Vec<String> = modules.iter().map(|m| m.name().to_string()).collect();
        let script = beamlet_compiler::expand::SCRIPT_MODULE;
        let has_script = names.last().is_some_and(|n| n == script);
        load_all(modules)?;
        if has_script {
            self.host()?.run(
                script,
                beamlet_compiler::expand::SCRIPT_FUN,
                vec![Value::nil()],
            )?;
        }
        Ok(names)
    }

    /// Evaluates `src` in a new process and returns the value of its last expression.
    /// Modules it defines stay loaded.
    pub fn eval(&self, src: &str) -> Result<Value, Error> {
        self.eval_with(src, Vec::new()).map(|(v, _)| v)
    }

    /// [`Runtime::eval`] with variables bound first; returns the value and every variable
    /// bound at the end (sorted by name), as `Code.eval_string/2` does.
    pub fn eval_with(
        &self,
        src: &str,
        bindings: Vec<(String, Value)>,
    ) -> Result<(Value, Vec<(String, Value)>), Error> {
        self.check()?;
        let mut env = beamlet_compiler::expand::EvalEnv {
            bound: bindings.iter().map(|(n, _)| n.clone()).collect(),
            ..Default::default()
        };
        let (name, modules) = self.compile_eval(src, "nofile", &mut env)?;
        load_all(modules)?;
        let binding = Value::Map(
            bindings
                .into_iter()
                .map(|(n, v)| (Value::Atom(n), v))
                .collect(),
        );
        let out = self
            .host()?
            .run(&name, beamlet_compiler::expand::EVAL_FUN, vec![binding])?;
        match out {
            Value::Tuple(mut t) if t.len() == 2 => {
                let vars = match t.pop() {
                    Some(Value::Map(pairs)) => pairs
                        .into_iter()
                        .filter_map(|(k, v)| match k {
                            Value::Atom(a) => Some((a, v)),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                Ok((t.pop().unwrap_or(Value::nil()), vars))
            }
            other => Ok((other, Vec::new())),
        }
    }

    /// Compiles code to evaluate into a module of its own (see [`compile_eval`]).
    fn compile_eval(
        &self,
        src: &str,
        file: &str,
        env: &mut beamlet_compiler::expand::EvalEnv,
    ) -> Result<(String, Vec<beamlet_bytecode::Module>), Error> {
        compile_eval(src, file, env).map_err(|f| Error::Compile(f.render(file, src)))
    }

    /// Calls `module.fun(args)` in a new process and waits for its value. `module` is
    /// written as in code: `Enum`, `MyApp.Server`, `:lists`.
    pub fn call(&self, module: &str, fun: &str, args: Vec<Value>) -> Result<Value, Error> {
        self.check()?;
        self.host()?.run(module, fun, args)
    }

    /// Spawns a process running `module.fun(args)`; its pid.
    pub fn spawn(&self, module: &str, fun: &str, args: Vec<Value>) -> Result<Pid, Error> {
        self.check()?;
        let m = Atom::intern(&module_atom(module)).map_err(|e| Error::BadArg(e.to_string()))?;
        let f = Atom::intern(fun).map_err(|e| Error::BadArg(e.to_string()))?;
        let mut failed = None;
        let pid = sched::spawn(None, SpawnOpts::default(), |p| {
            let mut terms = Vec::with_capacity(args.len());
            for a in &args {
                match a.to_term(&mut p.heap) {
                    Ok(t) => terms.push(t),
                    Err(e) => failed = Some(e),
                }
            }
            Start::Mfa(m, f, terms)
        })
        .ok_or(Error::ProcessLimit)?;
        if let Some(e) = failed {
            let _ = sched::kill(pid);
            return Err(Error::BadArg(e));
        }
        Ok(Pid(pid.as_pid().unwrap_or(0)))
    }

    /// Sends `msg` to a pid or a registered name, as `send/2` does (to a pid that is not
    /// alive, nothing happens; to a name nobody has, [`Error::NoProcess`]).
    pub fn send(&self, to: impl Into<Dest>, msg: impl Into<Value>) -> Result<(), Error> {
        self.check()?;
        let pid = match to.into() {
            Dest::Pid(p) => p,
            Dest::Name(n) => self.whereis(&n).ok_or(Error::NoProcess(n))?,
        };
        let m = msg.into().to_msg().map_err(Error::BadArg)?;
        let _ = sched::signal(pid.term(), Signal::Message(m));
        Ok(())
    }

    /// The pid registered under `name`.
    pub fn whereis(&self, name: &str) -> Option<Pid> {
        let a = Atom::existing(name)?;
        sched::whereis(a).and_then(|t| t.as_pid()).map(Pid)
    }

    /// True while `pid` is alive.
    pub fn alive(&self, pid: Pid) -> bool {
        sched::alive(pid.term())
    }

    /// Sends the exit signal `reason` to `pid`, as `Process.exit/2` does.
    pub fn exit(&self, pid: Pid, reason: impl Into<Value>) -> Result<(), Error> {
        self.check()?;
        let m = reason.into().to_msg().map_err(Error::BadArg)?;
        let _ = sched::signal(
            pid.term(),
            Signal::Exit {
                from: pid.term(),
                reason: m,
                link: false,
            },
        );
        Ok(())
    }

    /// The number of live processes.
    pub fn process_count(&self) -> usize {
        sched::process_count()
    }

    /// A new host process: a pid whose messages this thread (or any) receives.
    pub fn host(&self) -> Result<Host, Error> {
        self.check()?;
        Host::start(self)
    }

    /// Makes `native` callable as `module.name/arity` (the module is made, or remade with
    /// its earlier natives, each time a native is added to it).
    ///
    /// ```
    /// use beamlet_vm::embed::{Native, Runtime, Value};
    /// let rt = Runtime::shared();
    /// rt.register_native("Doc.Native", "add", 2, Native::new(|args| {
    ///     match args {
    ///         [Value::Int(a), Value::Int(b)] => Ok(Value::Int(a + b)),
    ///         _ => Err(Value::atom("badarg")),
    ///     }
    /// })).unwrap();
    /// assert_eq!(rt.eval("Doc.Native.add(2, 3)").unwrap(), Value::Int(5));
    /// ```
    pub fn register_native(
        &self,
        module: &str,
        name: &str,
        arity: usize,
        native: Native,
    ) -> Result<(), Error> {
        self.check()?;
        let ident = |s: &str| {
            let mut cs = s.chars();
            cs.next()
                .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
                && s.trim_end_matches(['?', '!'])
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        if !ident(name) {
            return Err(Error::BadArg(format!(
                "{name:?} is not a function name (letters, digits and _, then ? or !)"
            )));
        }
        let alias_ok = module.split('.').all(|seg| {
            seg.starts_with(|c: char| c.is_ascii_uppercase()) && ident(&seg.to_lowercase())
        });
        let erl_ok = module.strip_prefix(':').is_some_and(ident);
        if !(alias_ok || erl_ok) {
            return Err(Error::BadArg(format!(
                "{module:?} is not a module name (Foo.Bar or :foo)"
            )));
        }
        if arity > 255 {
            return Err(Error::BadArg("a function has at most 255 arguments".into()));
        }
        static MODULES: OnceLock<Mutex<std::collections::HashMap<String, Vec<String>>>> =
            OnceLock::new();
        let mut mods = MODULES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let index = native::add(format!("{module}.{name}/{arity}"), &native);
        let params: Vec<String> = (1..=arity).map(|i| format!("a{i}")).collect();
        let (params, list) = (params.join(", "), format!("[{}]", params.join(", ")));
        let def = if native.dirty {
            format!("  def {name}({params}), do: :beamlet_host.dirty({index}, {list})\n")
        } else {
            format!("  def {name}({params}), do: :beamlet.host_native({index}, {list})\n")
        };
        let defs = mods.entry(module.to_string()).or_default();
        // A later registration of the same name and arity replaces the earlier one.
        defs.retain(|d| !d.starts_with(&format!("  def {name}({params})")));
        defs.push(def);
        let src = format!("defmodule {module} do\n{}end\n", defs.concat());
        let modules = crate::runtime::compile(&src, "native")
            .map_err(|f| Error::Compile(f.render("native", &src)))?;
        load_all(
            modules
                .into_iter()
                .filter(|m| m.name() != beamlet_compiler::expand::SCRIPT_MODULE)
                .collect(),
        )
    }

    /// Stops every process (with the exit reason `:kill`, as `System.halt/0` does) and
    /// waits up to `timeout` for them to end. Handles of this runtime answer
    /// [`Error::Shutdown`] from then on; a new runtime can be built. Loaded code and atoms
    /// stay (they belong to the OS process). Errors with [`Error::Timeout`] when processes
    /// were still running (a native function that does not return).
    pub fn shutdown(&self, timeout: Duration) -> Result<(), Error> {
        {
            let mut s = state().lock().unwrap_or_else(|e| e.into_inner());
            if !s.running || s.generation != self.generation {
                return Err(Error::Shutdown);
            }
            s.running = false;
        }
        let deadline = Instant::now() + timeout;
        loop {
            sched::halt_all();
            if sched::process_count() == 0 {
                break;
            }
            if Instant::now() >= deadline {
                crate::natives::flush_stdout();
                return Err(Error::Timeout);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        crate::natives::flush_stdout();
        Ok(())
    }
}

/// Compiles code to evaluate (a REPL input, `eval`, a required file): its modules, the
/// last one a fresh `elixir_compiler_N` whose `__eval__/1` runs the top-level code with
/// the variables of `env` bound (see `beamlet_compiler::compile_eval`).
pub fn compile_eval(
    src: &str,
    file: &str,
    env: &mut beamlet_compiler::expand::EvalEnv,
) -> Result<(String, Vec<beamlet_bytecode::Module>), beamlet_compiler::Failure> {
    static SEQ: AtomicU64 = AtomicU64::new(1);
    crate::runtime::boot().ok();
    let name = format!("elixir_compiler_{}", SEQ.fetch_add(1, Ordering::Relaxed));
    let modules =
        beamlet_compiler::compile_eval(src, file, &crate::runtime::exports_of, env, &name)?;
    Ok((name, modules))
}

/// The modules an evaluation's code defines: all but its own `eval_module`.
pub fn defined_modules(modules: &[beamlet_bytecode::Module], eval_module: &str) -> Vec<String> {
    modules
        .iter()
        .map(|m| m.name().to_string())
        .filter(|n| n != eval_module)
        .collect()
}

/// Loads compiled modules (each verified first).
pub fn load_all(modules: Vec<beamlet_bytecode::Module>) -> Result<(), Error> {
    for m in modules {
        code::load(m).map_err(|e| Error::Load(e.to_string()))?;
    }
    Ok(())
}

/// Source files that `c/1` (and the `vm` command's `-r`) compiled, by module: `r/1` and
/// `recompile/0` read them again.
fn sources() -> &'static Mutex<std::collections::BTreeMap<String, String>> {
    static S: OnceLock<Mutex<std::collections::BTreeMap<String, String>>> = OnceLock::new();
    S.get_or_init(Default::default)
}

/// Records that `modules` came from `path`.
pub fn note_sources(path: &str, modules: &[String]) {
    let mut s = sources().lock().unwrap_or_else(|e| e.into_inner());
    for m in modules {
        s.insert(m.clone(), path.to_string());
    }
}

mod natives {
    //! The natives behind the REPL's helpers (`IEx.Helpers` in stdlib/lib/iex.ex).
    use super::*;
    use crate::exception::Raise;
    use crate::heap::TermAlloc;
    use crate::process::Process;
    use crate::term::Term;

    fn string_of(t: Term) -> Option<String> {
        crate::binary::bytes(t).and_then(|b| String::from_utf8(b.to_vec()).ok())
    }

    use crate::natives::a as atom;

    /// `:beamlet.compile_file(path)`: `{:ok, modules, eval_module}` (the modules loaded,
    /// the module whose `__eval__/1` runs the file's top-level code) or `{:error, text}`.
    pub(crate) fn compile_file(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
        let [path] = args else {
            return Err(Raise::badarg());
        };
        let path = string_of(*path).ok_or_else(Raise::badarg)?;
        let error = |p: &mut Process, text: String| {
            let e = atom("error");
            let t = p.heap.string(&text);
            Ok(p.heap.tuple(&[e, t]))
        };
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => return error(p, format!("could not read {path}: {e}\n")),
        };
        let (name, modules) = match compile_eval(&src, &path, &mut Default::default()) {
            Ok(x) => x,
            Err(f) => return error(p, f.render(&path, &src)),
        };
        let defined = defined_modules(&modules, &name);
        if let Err(e) = load_all(modules) {
            return error(p, format!("{e}\n"));
        }
        note_sources(&path, &defined);
        let mods: Vec<Term> = defined.iter().map(|m| atom(m)).collect();
        let list = p.heap.list(&mods);
        let ok = atom("ok");
        let eval = atom(&name);
        Ok(p.heap.tuple(&[ok, list, eval]))
    }

    /// `:beamlet.compile_eval(source, file, names)`: compiles `source` to run with the
    /// variables `names` bound and loads it: `{:ok, module}` (whose `__eval__/1` takes the
    /// binding map), or `{:error, :syntax | :incomplete | :compile, text, line, column}`.
    pub(crate) fn compile_eval_native(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
        let [src, file, names] = args else {
            return Err(Raise::badarg());
        };
        let src = string_of(*src).ok_or_else(Raise::badarg)?;
        let file = string_of(*file).ok_or_else(Raise::badarg)?;
        let mut bound = Vec::new();
        let mut l = *names;
        while let Some((h, t)) = l.cons() {
            bound.push(h.as_atom().ok_or_else(Raise::badarg)?.name().to_string());
            l = t;
        }
        let mut env = beamlet_compiler::expand::EvalEnv {
            bound,
            ..Default::default()
        };
        match compile_eval(&src, &file, &mut env) {
            Ok((name, modules)) => {
                if let Err(e) = load_all(modules) {
                    let kind = atom("compile");
                    let text = p.heap.string(&e.to_string());
                    let e = atom("error");
                    let one = Term::small(1).unwrap_or(Term::NIL);
                    return Ok(p.heap.tuple(&[e, kind, text, one, Term::NIL]));
                }
                let ok = atom("ok");
                let m = atom(&name);
                Ok(p.heap.tuple(&[ok, m]))
            }
            Err(f) => {
                let d = f.diagnostics.first();
                let (line, col) = d.map_or((1, 1), |d| {
                    beamlet_compiler::diagnostic::line_col(&src, d.start)
                });
                let kind = match d {
                    Some(d) if f.syntax && d.incomplete => "incomplete",
                    _ if f.syntax => "syntax",
                    _ => "compile",
                };
                let message = d.map_or("compile error", |d| d.message.as_str());
                let e = atom("error");
                let kind = atom(kind);
                let text = p.heap.string(message);
                let line = Term::small(line as i64).unwrap_or(Term::NIL);
                let col = Term::small(col as i64).unwrap_or(Term::NIL);
                Ok(p.heap.tuple(&[e, kind, text, line, col]))
            }
        }
    }

    /// `:beamlet.module_source(module)`: the file `c/1` compiled it from, or `nil`.
    pub(crate) fn module_source(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
        let [m] = args else {
            return Err(Raise::badarg());
        };
        let m = m.as_atom().ok_or_else(Raise::badarg)?;
        let path = sources()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(m.name())
            .cloned();
        Ok(match path {
            Some(s) => p.heap.string(&s),
            None => Term::atom(crate::atom::NIL),
        })
    }

    /// `:beamlet.loaded_sources()`: every file `c/1` compiled.
    pub(crate) fn loaded_sources(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
        let paths: Vec<String> = sources()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect();
        let terms: Vec<Term> = paths.iter().map(|s| p.heap.string(s)).collect();
        Ok(p.heap.list(&terms))
    }

    /// `:beamlet.module_exports(module)`: `[{name, arity}]`, or `nil` when not loaded.
    pub(crate) fn module_exports(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
        let [m] = args else {
            return Err(Raise::badarg());
        };
        let m = m.as_atom().ok_or_else(Raise::badarg)?;
        let Some(loaded) = code::lookup(m) else {
            return Ok(Term::atom(crate::atom::NIL));
        };
        let pairs: Vec<Term> = loaded
            .exports
            .keys()
            .map(|(name, arity)| {
                let a = Term::small(*arity as i64).unwrap_or(Term::NIL);
                p.heap.tuple(&[Term::atom(*name), a])
            })
            .collect();
        Ok(p.heap.list(&pairs))
    }

    /// `:beamlet.make_pid(n)`: `#PID<0.n.0>`.
    pub(crate) fn make_pid(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
        let [n] = args else {
            return Err(Raise::badarg());
        };
        match n.as_small() {
            Some(n) if n >= 0 => Ok(Term::pid(n as u64)),
            _ => Err(Raise::badarg()),
        }
    }
}

pub(crate) use natives::{
    compile_eval_native, compile_file, loaded_sources, make_pid, module_exports, module_source,
};
