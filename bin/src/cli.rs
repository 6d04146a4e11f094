//! Argument parsing and dispatch for the `vm` command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Beamlet: a small BEAM that runs a subset of Elixir.
///
/// `vm FILE.exs [ARGS...]` runs a script, as `elixir FILE.exs` does; `vm` alone opens the
/// REPL. Emulator flags may come first as `elixir --erl` takes them: `vm +S 2 FILE.exs`.
#[derive(Debug, Parser)]
#[command(name = "vm", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, FILE is run as a script (or the REPL opens).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Evaluates an expression before the script (may be repeated), like `elixir -e`.
    #[arg(short = 'e', long = "eval", value_name = "EXPR")]
    pub eval: Vec<String>,
    /// Requires a file first: loads its modules and runs its top-level code (may be
    /// repeated), like `elixir -r`.
    #[arg(short = 'r', long = "require", value_name = "FILE")]
    pub require: Vec<PathBuf>,
    /// Scheduler threads (default: one per core), like `elixir --erl "+S N"`.
    #[arg(long, value_name = "N", global = true)]
    pub schedulers: Option<usize>,
    /// The most processes alive at once (default 262144), like `elixir --erl "+P N"`.
    #[arg(long, value_name = "N", global = true)]
    pub process_limit: Option<usize>,
    /// Emulator flags as `elixir --erl` takes them: `+S N` (schedulers; also `N:M`)
    /// and `+P N` (process limit). Others are ignored. `+S N` and `+P N` may also be
    /// given alone before the script.
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true, global = true)]
    pub erl: Vec<String>,
    /// The script to run: Elixir source, or a program file `vm compile` wrote.
    pub file: Option<PathBuf>,
    /// Arguments passed to the script (`System.argv/0`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile files without running them.
    ///
    /// Exits with 0 when every file is clean, 1 with the diagnostics on stderr otherwise.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the bytecode of each module of a script (or of a program file).
    Disasm {
        /// The script or program file.
        file: PathBuf,
    },
    /// Compile a script into a program file that `vm OUT` runs without compiling.
    ///
    /// The file holds the script's modules and its top-level code, verified again when
    /// it is loaded.
    Compile {
        /// The script.
        file: PathBuf,
        /// Where to write the program file.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: PathBuf,
    },
    /// Open the interactive shell (what `vm` alone does).
    ///
    /// Prompt `iex(N)>`; results are printed with `inspect`; variables stay bound from one
    /// input to the next; `h()` lists the helpers. History is kept in
    /// `$BEAMLET_HISTORY` (default `~/.beamlet_history`).
    Repl,
    /// Print a shell completion script for `vm` (bash, zsh, fish, elvish, powershell).
    ///
    /// For example: `vm completions bash > /etc/bash_completion.d/vm`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// `+S N` and `+P N` before the script, as `elixir` takes them after `--erl`, become
/// `--erl "+S N"` for clap.
fn plus_flags(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut out = Vec::with_capacity(args.len());
    let mut it = args.into_iter();
    if let Some(bin) = it.next() {
        out.push(bin);
    }
    let mut rest: Vec<std::ffi::OsString> = it.collect();
    let mut i = 0;
    while i < rest.len() {
        let a = rest[i].to_string_lossy().to_string();
        if a == "--" || !(a.starts_with('-') || a.starts_with('+')) {
            break;
        }
        let flag = a.get(..2).unwrap_or("");
        if matches!(flag, "+S" | "+P") {
            let mut v = a.clone();
            if a.len() == 2 && i + 1 < rest.len() {
                v = format!("{a} {}", rest[i + 1].to_string_lossy());
                i += 1;
            }
            out.push("--erl".into());
            out.push(v.into());
        } else {
            out.push(std::mem::take(&mut rest[i]));
            // A flag with a separate value: keep the value with it.
            if matches!(
                a.as_str(),
                "-e" | "--eval" | "-r" | "--require" | "--schedulers" | "--process-limit" | "--erl"
            ) && i + 1 < rest.len()
            {
                i += 1;
                out.push(std::mem::take(&mut rest[i]));
            }
        }
        i += 1;
    }
    out.extend(rest.into_iter().skip(i));
    out
}

/// Parses the command line and runs it; the exit status follows `elixir`'s.
pub fn main() -> ExitCode {
    let cli = Cli::parse_from(plus_flags(std::env::args_os().collect()));
    let erl = cli.erl.join(" ");
    let flags = || runtime_flags(cli.schedulers, cli.process_limit, Some(erl.as_str()));
    match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Disasm { file }) => disasm(&file),
        Some(Command::Compile { file, out }) => compile(&file, &out),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "vm", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Some(Command::Repl) => match flags() {
            Ok(()) => crate::repl::run(&cli.require),
            Err(e) => usage_error(&e),
        },
        None => {
            if let Err(e) = flags() {
                return usage_error(&e);
            }
            if cli.file.is_none() && cli.eval.is_empty() {
                return crate::repl::run(&cli.require);
            }
            beamlet_vm::natives::os::set_argv(cli.args);
            run(&cli.require, &cli.eval, cli.file.as_deref())
        }
    }
}

fn usage_error(e: &str) -> ExitCode {
    eprintln!("vm: {e}");
    ExitCode::from(2)
}

/// Applies `--schedulers`, `--process-limit` and the `+S`/`+P` flags of `--erl`.
fn runtime_flags(
    schedulers: Option<usize>,
    limit: Option<usize>,
    erl: Option<&str>,
) -> Result<(), String> {
    let (mut schedulers, mut limit) = (schedulers, limit);
    if let Some(flags) = erl {
        let words: Vec<&str> = flags.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let (flag, inline) = words[i].split_at(words[i].len().min(2));
            let value = |i: &mut usize| -> Result<String, String> {
                if !inline.is_empty() {
                    return Ok(inline.to_string());
                }
                *i += 1;
                words
                    .get(*i)
                    .map(|s| s.to_string())
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag {
                "+S" => {
                    let v = value(&mut i)?;
                    let n = v.split(':').next().unwrap_or("");
                    schedulers = Some(n.parse().map_err(|_| format!("bad +S value: {v}"))?);
                }
                "+P" => {
                    let v = value(&mut i)?;
                    limit = Some(v.parse().map_err(|_| format!("bad +P value: {v}"))?);
                }
                _ => {}
            }
            i += 1;
        }
    }
    if let Some(n) = schedulers {
        if !(1..=1024).contains(&n) {
            return Err(format!(
                "the number of schedulers must be 1 to 1024, not {n}"
            ));
        }
        beamlet_vm::sched::set_schedulers(n);
    }
    if let Some(n) = limit {
        beamlet_vm::sched::set_process_limit(n);
    }
    Ok(())
}

/// Reads a source file; the error is what to print.
fn read_source(file: &std::path::Path) -> Result<String, String> {
    let name = file.display();
    match std::fs::read(file) {
        Ok(bytes) => {
            String::from_utf8(bytes).map_err(|_| format!("{name}: the file is not valid UTF-8"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!("No file named {name}")),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

/// `vm disasm FILE`.
fn disasm(file: &std::path::Path) -> ExitCode {
    if let Ok(bytes) = std::fs::read(file) {
        if beamlet_bytecode::pack::is_pack(&bytes) {
            return match beamlet_bytecode::pack::unpack(&bytes) {
                Ok(mods) => print_modules(&mods),
                Err(e) => {
                    eprintln!("{}: {e}", file.display());
                    ExitCode::from(1)
                }
            };
        }
    }
    let src = match read_source(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let name = file.display().to_string();
    match beamlet_vm::runtime::compile(&src, &name) {
        Ok(mods) => print_modules(&mods),
        Err(f) => {
            eprint!("{}", f.render(&name, &src));
            ExitCode::from(1)
        }
    }
}

fn print_modules(mods: &[beamlet_bytecode::Module]) -> ExitCode {
    for (i, m) in mods.iter().enumerate() {
        if i > 0 {
            println!();
        }
        print!("{}", beamlet_bytecode::disasm::module(m));
    }
    ExitCode::SUCCESS
}

/// `vm check FILE...`.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut clean = true;
    for file in files {
        let name = file.display().to_string();
        let src = match read_source(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                clean = false;
                continue;
            }
        };
        if let Err(f) = beamlet_vm::runtime::compile(&src, &name) {
            eprint!("{}", f.render(&name, &src));
            clean = false;
        }
    }
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Runs the required files, the expressions, then the script (source or program file).
fn run(require: &[PathBuf], eval: &[String], file: Option<&std::path::Path>) -> ExitCode {
    use beamlet_vm::runtime::Input;
    let mut inputs = Vec::new();
    for r in require {
        match read_source(r) {
            Ok(src) => inputs.push(Input::Require {
                src,
                file: r.display().to_string(),
            }),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    inputs.extend(eval.iter().map(|e| Input::Expr(e.clone())));
    if let Some(file) = file {
        let name = file.display().to_string();
        // A missing file reads as `elixir nosuch.exs` reports it, with its exit status.
        match std::fs::read(file) {
            Ok(bytes) if beamlet_bytecode::pack::is_pack(&bytes) => {
                inputs.push(Input::Program { bytes, file: name })
            }
            Ok(_) | Err(_) => match read_source(file) {
                Ok(src) => inputs.push(Input::Script { src, file: name }),
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(1);
                }
            },
        }
    }
    match beamlet_vm::runtime::run_inputs(inputs) {
        beamlet_vm::runtime::Outcome::Done => ExitCode::SUCCESS,
        beamlet_vm::runtime::Outcome::Exited(status) => ExitCode::from(status as u8),
        beamlet_vm::runtime::Outcome::CompileError(e)
        | beamlet_vm::runtime::Outcome::Crashed(e) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
    }
}

/// `vm compile FILE -o OUT`.
fn compile(file: &std::path::Path, out: &std::path::Path) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let name = file.display().to_string();
    match beamlet_vm::runtime::compile(&src, &name) {
        Ok(mods) => match std::fs::write(out, beamlet_bytecode::pack::pack(&mods)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: {e}", out.display());
                ExitCode::from(1)
            }
        },
        Err(f) => {
            eprint!("{}", f.render(&name, &src));
            ExitCode::from(1)
        }
    }
}
