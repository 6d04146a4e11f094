//! The REPL driven through a pseudo-terminal (rexpect), as a person types at it: prompts,
//! multi-line input, errors, a crash of the shell process, `defmodule`, helpers, tab
//! completion, Ctrl-C, and history kept from one run to the next.

use std::process::Command;

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};

/// A REPL whose history goes to `history`.
fn repl(history: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vm"));
    cmd.env("BEAMLET_HISTORY", history)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    let mut p = spawn_with_options(
        cmd,
        Options::new()
            .timeout_ms(Some(30_000))
            .strip_ansi_escape_codes(false),
    )
    .expect("the vm binary starts in a pty");
    p.exp_string("Interactive Elixir").unwrap();
    p.exp_string("iex(1)> ").unwrap();
    p
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("beamlet-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("history")
}

/// Types `line` and waits for the next prompt; what came between.
fn eval(p: &mut PtySession, line: &str, prompt: &str) -> String {
    p.send_line(line).unwrap();
    p.exp_string(prompt).unwrap()
}

#[test]
fn bindings_persist_and_results_are_inspected() {
    let mut p = repl(&temp("bindings"));
    assert!(eval(&mut p, "x = 20 + 1", "iex(2)> ").contains("21"));
    assert!(eval(&mut p, "x * 2", "iex(3)> ").contains("42"));
    assert!(eval(&mut p, "%{name: \"beam\", list: [1, 2]}", "iex(4)> ")
        .contains("%{list: [1, 2], name: \"beam\"}"));
    // v/0 and v/1: earlier results.
    assert!(eval(&mut p, "v(2) + v(-3)", "iex(5)> ").contains("63"));
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn multi_line_input_continues_until_complete() {
    let mut p = repl(&temp("multi"));
    p.send_line("list = [1,").unwrap();
    p.exp_string("...(1)> ").unwrap();
    p.send_line("2,").unwrap();
    p.exp_string("...(1)> ").unwrap();
    let out = eval(&mut p, "3]", "iex(2)> ");
    assert!(out.contains("[1, 2, 3]"), "{out}");
    p.send_line("Enum.map(list, fn n ->").unwrap();
    p.exp_string("...(2)> ").unwrap();
    p.send_line("  n * 10").unwrap();
    p.exp_string("...(2)> ").unwrap();
    let out = eval(&mut p, "end)", "iex(3)> ");
    assert!(out.contains("[10, 20, 30]"), "{out}");
    // `#iex:break` abandons an unfinished input.
    p.send_line("[1,").unwrap();
    p.exp_string("...(3)> ").unwrap();
    eval(&mut p, "#iex:break", "iex(3)> ");
}

#[test]
fn errors_are_printed_and_the_repl_goes_on() {
    let mut p = repl(&temp("errors"));
    eval(&mut p, "x = 1", "iex(2)> ");
    let out = eval(&mut p, "1 + )", "iex(2)> ");
    assert!(out.contains("** (SyntaxError) iex:1:"), "{out}");
    let out = eval(&mut p, "raise ArgumentError, \"bad\"", "iex(2)> ");
    assert!(out.contains("** (ArgumentError) bad"), "{out}");
    let out = eval(&mut p, "undefined_thing", "iex(2)> ");
    assert!(
        out.contains("** (CompileError) iex:1: undefined function undefined_thing/0"),
        "{out}"
    );
    // A failed input binds nothing; the earlier bindings stay.
    eval(&mut p, "y = 5; raise \"after y\"", "iex(2)> ");
    let out = eval(&mut p, "x", "iex(3)> ");
    assert!(out.contains('1'), "{out}");
    let out = eval(&mut p, "y", "iex(3)> ");
    assert!(out.contains("undefined function y/0"), "{out}");
}

#[test]
fn a_crash_of_the_shell_process_starts_a_new_one() {
    let mut p = repl(&temp("crash"));
    let first = eval(&mut p, "me = self()", "iex(2)> ");
    let out = eval(&mut p, "Process.exit(self(), :kill)", "iex(1)> ");
    assert!(
        out.contains("shell process exited with reason: killed"),
        "{out}"
    );
    assert!(out.contains("Interactive Elixir"), "{out}");
    // A new process, and the bindings went with the old one.
    let out = eval(&mut p, "me", "iex(1)> ");
    assert!(out.contains("undefined function me/0"), "{out}");
    let second = eval(&mut p, "self()", "iex(2)> ");
    let pid = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("#PID<"))
            .map(str::to_string)
    };
    assert!(
        pid(&first).is_some() && pid(&second).is_some(),
        "{first} / {second}"
    );
    assert_ne!(pid(&first), pid(&second));
    // A linked process that crashes takes the shell down too.
    let out = eval(
        &mut p,
        "spawn_link(fn -> exit(:boom) end); Process.sleep(100)",
        "iex(1)> ",
    );
    assert!(
        out.contains("shell process exited with reason: :boom") || out.contains("reason: boom"),
        "{out}"
    );
    // respawn/0.
    eval(&mut p, "z = 1", "iex(2)> ");
    let out = eval(&mut p, "respawn()", "iex(1)> ");
    assert!(out.contains("Interactive Elixir"), "{out}");
}

#[test]
fn defmodule_at_the_prompt() {
    let mut p = repl(&temp("defmodule"));
    p.send_line("defmodule Greeter do").unwrap();
    p.exp_string("...(1)> ").unwrap();
    p.send_line("  def hello(name), do: \"hi #{name}\"")
        .unwrap();
    p.exp_string("...(1)> ").unwrap();
    eval(&mut p, "end", "iex(2)> ");
    let out = eval(&mut p, "Greeter.hello(\"you\")", "iex(3)> ");
    assert!(out.contains("\"hi you\""), "{out}");
    // A module that calls it, and has called the first version.
    eval(
        &mut p,
        "defmodule Caller do def go, do: Greeter.hello(2); def go(m), do: m.hello(3) end",
        "iex(4)> ",
    );
    let out = eval(&mut p, "{Caller.go(), Caller.go(Greeter)}", "iex(5)> ");
    assert!(out.contains("{\"hi 2\", \"hi 3\"}"), "{out}");
    // Redefined: the new version answers, to the caller too (a remote call and a call
    // through a module in a variable).
    eval(
        &mut p,
        "defmodule Greeter do def hello(_), do: :changed end",
        "iex(6)> ",
    );
    let out = eval(&mut p, "Greeter.hello(1)", "iex(7)> ");
    assert!(out.contains(":changed"), "{out}");
    let out = eval(&mut p, "{Caller.go(), Caller.go(Greeter)}", "iex(8)> ");
    assert!(out.contains("{:changed, :changed}"), "{out}");
}

#[test]
fn helpers_work() {
    let mut p = repl(&temp("helpers"));
    let out = eval(&mut p, "h()", "iex(2)> ");
    assert!(out.contains("flush/0"), "{out}");
    eval(&mut p, "send(self(), {:hello, 1})", "iex(3)> ");
    let out = eval(&mut p, "flush()", "iex(4)> ");
    assert!(out.contains("{:hello, 1}") && out.contains(":ok"), "{out}");
    let out = eval(&mut p, "i(\"abc\")", "iex(5)> ");
    assert!(
        out.contains("Data type") && out.contains("BitString"),
        "{out}"
    );
    let out = eval(&mut p, "pid(\"0.1.0\")", "iex(6)> ");
    assert!(out.contains("#PID<0.1.0>"), "{out}");
    let out = eval(&mut p, "top()", "iex(7)> ");
    assert!(out.contains("REDUCTIONS"), "{out}");
    let out = eval(&mut p, "runtime_info()", "iex(8)> ");
    assert!(out.contains("Schedulers"), "{out}");
    let src = p_file(
        "helper_mod.ex",
        "defmodule HelperMod do\n  def v, do: 1\nend\n",
    );
    let out = eval(&mut p, &format!("c(\"{src}\")"), "iex(9)> ");
    assert!(out.contains("[HelperMod]"), "{out}");
    std::fs::write(&src, "defmodule HelperMod do\n  def v, do: 2\nend\n").unwrap();
    let out = eval(&mut p, "r(HelperMod)", "iex(10)> ");
    assert!(out.contains("{:reloaded, [HelperMod]}"), "{out}");
    let out = eval(&mut p, "HelperMod.v()", "iex(11)> ");
    assert!(out.contains('2'), "{out}");
    let out = eval(&mut p, "Process.list() |> length() > 1", "iex(12)> ");
    assert!(out.contains("true"), "{out}");
}

fn p_file(name: &str, text: &str) -> String {
    let path = temp(name).with_file_name(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn tab_completes_modules_functions_and_variables() {
    let mut p = repl(&temp("tab"));
    eval(&mut p, "counter_value = 7", "iex(2)> ");
    // `Enum.redu` has one completion prefix: `Enum.reduce`.
    p.send("Enum.redu\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Enum.reduce").unwrap();
    let out = eval(&mut p, "(1..4, &+/2)", "iex(3)> ");
    assert!(out.contains("10"), "{out}");
    p.send("counter_v\t").unwrap();
    p.flush().unwrap();
    p.exp_string("counter_value").unwrap();
    let out = eval(&mut p, " + 1", "iex(4)> ");
    assert!(out.contains('8'), "{out}");
    p.send("Keywo\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Keyword").unwrap();
    let out = eval(&mut p, ".get([a: 1], :a)", "iex(5)> ");
    assert!(out.contains('1'), "{out}");
}

#[test]
fn ctrl_c_interrupts_an_evaluation() {
    let mut p = repl(&temp("ctrlc"));
    p.send_line(":timer.sleep(:infinity)").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    let out = p.exp_string("iex(1)> ").unwrap();
    assert!(
        out.contains("shell process exited with reason: killed"),
        "{out}"
    );
    assert!(eval(&mut p, "1 + 1", "iex(2)> ").contains('2'));
}

#[test]
fn history_is_kept_from_one_run_to_the_next() {
    let history = temp("history");
    {
        let mut p = repl(&history);
        eval(&mut p, ":remembered_input", "iex(2)> ");
        p.send_control('d').unwrap();
        p.exp_eof().unwrap();
    }
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains(":remembered_input"), "{saved}");
    let mut p = repl(&history);
    // Up arrow brings the last input of the earlier run back.
    p.send("\x1b[A").unwrap();
    p.flush().unwrap();
    p.exp_string(":remembered_input").unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
    let out = p.exp_string("iex(2)> ").unwrap();
    assert!(out.contains(":remembered_input"), "{out}");
}
