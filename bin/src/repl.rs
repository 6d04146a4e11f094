//! The REPL: `vm` alone, or `vm repl` (docs/internals/repl.md).
//!
//! Built on the embedding API: the REPL thread reads lines (rustyline), compiles each
//! complete input into a module of its own with the variables bound so far
//! (`embed::compile_eval`), and asks the shell process (`:beamlet_shell`, stdlib/lib/iex.ex)
//! to run it through a host process, which also monitors the shell. A crash of the shell
//! (an exit signal, `Process.exit(self(), :kill)`) is reported as iex reports it and a new
//! shell takes its place, with no bindings.

use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use beamlet_compiler::expand::EvalEnv;
use beamlet_vm::embed::{self, Error, Host, Pid, Ref, Runtime, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

/// Set by Ctrl-C while an input is evaluated (the terminal is not in raw mode then).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// What iex prints first, and again after a new shell process starts.
const BANNER: &str =
    "Interactive Elixir (1.14.0) on Beamlet - press Ctrl+D to exit (type h() ENTER for help)";

/// The module whose functions every input imports.
const HELPERS: &str = "Elixir.IEx.Helpers";

/// Runs the REPL until Ctrl-D (or end of input).
pub fn run(require: &[PathBuf]) -> ExitCode {
    let rt = Runtime::shared();
    for file in require {
        let name = file.display().to_string();
        let src = match std::fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{name}: {e}");
                return ExitCode::from(1);
            }
        };
        match rt.load_source(&src, &name) {
            Ok(mods) => embed::note_sources(&name, &mods),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    match Repl::new(rt) {
        Ok(mut repl) => repl.main_loop(),
        Err(e) => {
            eprintln!("vm: cannot start the shell: {e}");
            ExitCode::from(1)
        }
    }
}

/// The environment an input starts from: the helpers imported, nothing bound.
fn fresh_env() -> EvalEnv {
    let helpers = beamlet_vm::runtime::exports_of(HELPERS)
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _)| !n.starts_with('_') && n != "module_info")
        .collect();
    EvalEnv {
        imports: vec![(HELPERS.to_string(), helpers)],
        ..EvalEnv::default()
    }
}

struct Repl {
    rt: Runtime,
    host: Host,
    shell: Pid,
    shell_ref: Ref,
    env: Arc<Mutex<EvalEnv>>,
    counter: usize,
}

/// How an evaluation ended, for the loop.
enum Reply {
    Value(Option<String>),
    Raised(String),
    Respawn,
    ShellDown(Value),
}

impl Repl {
    fn new(rt: Runtime) -> Result<Repl, Error> {
        let host = rt.host()?;
        let (shell, shell_ref) = start_shell(&rt, &host)?;
        Ok(Repl {
            rt,
            host,
            shell,
            shell_ref,
            env: Arc::new(Mutex::new(fresh_env())),
            counter: 1,
        })
    }

    fn env(&self) -> std::sync::MutexGuard<'_, EvalEnv> {
        self.env.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn main_loop(&mut self) -> ExitCode {
        let config = rustyline::Config::builder().auto_add_history(false).build();
        let mut editor: Editor<ReplHelper, rustyline::history::FileHistory> =
            match Editor::with_config(config) {
                Ok(e) => e,
                Err(e) => {
                    eprintln!("vm: cannot read the terminal: {e}");
                    return ExitCode::from(1);
                }
            };
        editor.set_helper(Some(ReplHelper {
            env: self.env.clone(),
        }));
        let history = history_path();
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        println!("{BANNER}");
        let mut buffer = String::new();
        loop {
            let prompt = if buffer.is_empty() {
                format!("iex({})> ", self.counter)
            } else {
                format!("...({})> ", self.counter)
            };
            match editor.readline(&prompt) {
                Ok(line) => {
                    if line.trim() == "#iex:break" {
                        buffer.clear();
                        continue;
                    }
                    buffer.push_str(&line);
                    buffer.push('\n');
                    if buffer.trim().is_empty() {
                        buffer.clear();
                        continue;
                    }
                    if incomplete(&buffer) {
                        continue;
                    }
                    let input = std::mem::take(&mut buffer);
                    let _ = editor.add_history_entry(input.trim_end());
                    if let Some(h) = &history {
                        let _ = editor.save_history(h);
                    }
                    self.eval(&input);
                }
                Err(ReadlineError::Interrupted) => {
                    buffer.clear();
                }
                Err(ReadlineError::Eof) => break,
                Err(e) => {
                    eprintln!("vm: {e}");
                    break;
                }
            }
        }
        if let Some(h) = &history {
            let _ = editor.save_history(h);
        }
        beamlet_vm::natives::flush_stdout();
        ExitCode::SUCCESS
    }

    /// Compiles and runs one complete input, and prints its result or its error.
    fn eval(&mut self, input: &str) {
        let before = self.env().clone();
        let compiled = {
            let mut env = self.env();
            embed::compile_eval(input, "iex", &mut env)
        };
        let (module, modules) = match compiled {
            Ok(x) => x,
            Err(f) => {
                print!("{}", f.render("iex", input));
                return;
            }
        };
        if let Err(e) = embed::load_all(modules) {
            println!("** (CompileError) {e}");
            *self.env() = before;
            return;
        }
        match self.run(&module) {
            Ok(Reply::Value(text)) => {
                beamlet_vm::natives::flush_stdout();
                if let Some(t) = text {
                    println!("{t}");
                }
                self.counter += 1;
            }
            Ok(Reply::Raised(text)) => {
                beamlet_vm::natives::flush_stdout();
                print!("{text}");
                *self.env() = before;
            }
            Ok(Reply::Respawn) => {
                let _ = self.host.demonitor(self.shell_ref);
                let _ = self.rt.exit(self.shell, Value::atom("kill"));
                self.restart();
            }
            Ok(Reply::ShellDown(reason)) => {
                beamlet_vm::natives::flush_stdout();
                println!(
                    "** (EXIT from {}) shell process exited with reason: {}",
                    self.shell,
                    format_reason(&self.rt, reason)
                );
                println!();
                self.restart();
            }
            Err(e) => {
                println!("** (vm) {e}");
                self.restart();
            }
        }
    }

    /// A new shell process, no bindings, the counter back at 1, the banner.
    fn restart(&mut self) {
        match start_shell(&self.rt, &self.host) {
            Ok((pid, r)) => {
                self.shell = pid;
                self.shell_ref = r;
            }
            Err(e) => println!("** (vm) cannot start a shell process: {e}"),
        }
        *self.env() = fresh_env();
        self.counter = 1;
        println!("{BANNER}");
    }

    /// Asks the shell to run `module` and waits for the answer (or its end).
    fn run(&mut self, module: &str) -> Result<Reply, Error> {
        let tag = Value::Ref(Ref::new());
        let width = terminal_size::terminal_size().map_or(80, |(w, _)| w.0 as i64);
        let req = Value::tuple([
            Value::atom("eval"),
            tag.clone(),
            Value::atom(module),
            Value::Int(self.counter as i64),
            Value::Int(width.max(20)),
        ]);
        INTERRUPTED.store(false, Ordering::SeqCst);
        self.rt.send(self.shell, req)?;
        let shell_ref = Value::Ref(self.shell_ref);
        loop {
            let got = self
                .host
                .recv_match(Some(Duration::from_millis(50)), |m| match m {
                    Value::Tuple(t) => {
                        (t.len() >= 2 && t[0] == tag)
                            || (t.len() == 5 && t[0].is_atom("DOWN") && t[1] == shell_ref)
                    }
                    _ => false,
                });
            let msg = match got {
                Ok(m) => m,
                Err(Error::Timeout) => {
                    if INTERRUPTED.swap(false, Ordering::SeqCst) {
                        self.rt.exit(self.shell, Value::atom("kill"))?;
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            let Value::Tuple(mut t) = msg else { continue };
            if t.len() == 5 {
                return Ok(Reply::ShellDown(t.pop().unwrap_or(Value::nil())));
            }
            return Ok(match t.get(1) {
                Some(v) if v.is_atom("ok") => {
                    Reply::Value(t.get(2).and_then(Value::as_str).map(str::to_string))
                }
                Some(v) if v.is_atom("quiet") => Reply::Value(None),
                Some(v) if v.is_atom("respawn") => Reply::Respawn,
                _ => Reply::Raised(
                    t.get(2)
                        .and_then(Value::as_str)
                        .unwrap_or("** (error)\n")
                        .to_string(),
                ),
            });
        }
    }
}

/// An exit reason as iex prints it (`Exception.format_exit/1`: `killed`, not `:killed`).
fn format_reason(rt: &Runtime, reason: Value) -> String {
    let shown = reason.to_string();
    match rt.call("Exception", "format_exit", vec![reason]) {
        Ok(Value::Binary(b)) => String::from_utf8(b).unwrap_or(shown),
        _ => shown,
    }
}

fn start_shell(rt: &Runtime, host: &Host) -> Result<(Pid, Ref), Error> {
    let pid = rt.spawn(":beamlet_shell", "start", vec![Value::Pid(host.pid())])?;
    let r = host.monitor(pid)?;
    Ok((pid, r))
}

/// `$BEAMLET_HISTORY`, else `~/.beamlet_history`.
fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BEAMLET_HISTORY") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".beamlet_history"))
}

/// True when `src` stops in the middle of an expression (an open `do`, bracket, string
/// or operator): the REPL reads another line.
fn incomplete(src: &str) -> bool {
    match beamlet_compiler::parser::parse_all(src) {
        Ok(_) => false,
        Err(diags) => diags.iter().any(|d| d.incomplete),
    }
}

/// Tab completion: modules, their functions after a dot, variables, helpers and Kernel.
struct ReplHelper {
    env: Arc<Mutex<EvalEnv>>,
}

impl ReplHelper {
    fn candidates(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some((module, prefix)) = word.rsplit_once('.') {
            let is_alias = module.starts_with(|c: char| c.is_ascii_uppercase());
            let is_erl = module.starts_with(':');
            if is_alias || is_erl {
                let atom = embed::module_atom(module);
                if let Some(funs) = beamlet_vm::runtime::exports_of(&atom) {
                    out.extend(
                        funs.into_iter()
                            .map(|(f, _)| f)
                            .filter(|f| f.starts_with(prefix) && !f.starts_with("__"))
                            .map(|f| format!("{module}.{f}")),
                    );
                }
                if is_alias {
                    // Nested modules: `Enum.` offers nothing nested, `Task.` offers `Task.Supervisor`.
                    let full = format!("Elixir.{module}.");
                    out.extend(
                        loaded_modules()
                            .into_iter()
                            .filter_map(|m| m.strip_prefix(&full).map(str::to_string))
                            .filter(|rest| rest.starts_with(prefix))
                            .map(|rest| {
                                let seg = rest.split('.').next().unwrap_or(&rest).to_string();
                                format!("{module}.{seg}")
                            }),
                    );
                }
            }
        } else if word.starts_with(|c: char| c.is_ascii_uppercase()) {
            out.extend(
                loaded_modules()
                    .into_iter()
                    .filter_map(|m| m.strip_prefix("Elixir.").map(str::to_string))
                    .map(|m| m.split('.').next().unwrap_or(&m).to_string())
                    .filter(|m| m.starts_with(word)),
            );
        } else if let Some(prefix) = word.strip_prefix(':') {
            out.extend(
                loaded_modules()
                    .into_iter()
                    .filter(|m| !m.starts_with("Elixir.") && m.starts_with(prefix))
                    .map(|m| format!(":{m}")),
            );
        } else {
            let env = self.env.lock().unwrap_or_else(|e| e.into_inner());
            out.extend(env.bound.iter().filter(|v| v.starts_with(word)).cloned());
            for (_, funs) in &env.imports {
                out.extend(
                    funs.iter()
                        .map(|(f, _)| f.clone())
                        .filter(|f| f.starts_with(word)),
                );
            }
            if let Some(kernel) = beamlet_vm::runtime::exports_of("Elixir.Kernel") {
                out.extend(
                    kernel
                        .into_iter()
                        .map(|(f, _)| f)
                        .filter(|f| f.starts_with(word) && f.starts_with(char::is_alphabetic)),
                );
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

fn loaded_modules() -> Vec<String> {
    beamlet_vm::code::loaded()
        .into_iter()
        .map(|a| a.name().to_string())
        .filter(|n| !n.starts_with("elixir_compiler_"))
        .collect()
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | ':' | '?' | '!')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = before.get(start..).unwrap_or("");
        let pairs = self
            .candidates(word)
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}
