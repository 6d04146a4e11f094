//! The `vm` command run as a process: exit statuses and what it prints, as insta
//! snapshots.

use std::process::Command;

fn vm(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_vm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the vm binary runs");
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("signal".to_owned(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn version() {
    insta::assert_snapshot!(vm(&["--version"]));
}

#[test]
fn a_missing_file_is_reported_as_elixir_does() {
    // `elixir nosuch.exs` prints this line on stderr and exits with 1.
    insta::assert_snapshot!(vm(&["nosuch.exs"]));
}

#[test]
fn hello_world_runs() {
    insta::assert_snapshot!(vm(&["../examples/hello.exs"]));
}

#[test]
fn a_runtime_error_is_reported_on_stderr_with_status_1() {
    // Elixir prints the same banner and frames (plus one of its own `lib/code.ex` frame).
    insta::assert_snapshot!(vm(&["tests/fixtures/runtime_error.exs"]));
}

#[test]
fn an_uncaught_throw_is_reported() {
    insta::assert_snapshot!(vm(&["tests/fixtures/uncaught_throw.exs"]));
}

#[test]
fn a_syntax_error_stops_the_script_with_status_1() {
    insta::assert_snapshot!(vm(&["tests/fixtures/syntax_error.exs.bad"]));
}

#[test]
fn an_undefined_function_is_a_compile_error() {
    insta::assert_snapshot!(vm(&["tests/fixtures/undefined_function.exs"]));
}

#[test]
fn disasm_prints_the_bytecode() {
    insta::assert_snapshot!(vm(&["disasm", "tests/fixtures/runtime_error.exs"]));
}

#[test]
fn disasm_of_a_missing_file() {
    insta::assert_snapshot!(vm(&["disasm", "nosuch.exs"]));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    insta::assert_snapshot!(vm(&["--no-such-flag"]));
}

#[test]
fn check_accepts_a_valid_program() {
    insta::assert_snapshot!(vm(&[
        "check",
        "../bench/fib.exs",
        "../bench/mandelbrot.exs"
    ]));
}

#[test]
fn check_reports_a_syntax_error_with_a_snippet() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/syntax_error.exs.bad"]));
}

#[test]
fn check_names_unsupported_constructs() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/macro.exs"]));
}

#[test]
fn check_reports_a_missing_file() {
    insta::assert_snapshot!(vm(&["check", "nosuch.exs"]));
}

#[test]
fn check_reports_several_syntax_errors_in_one_file() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/several_errors.exs.bad"]));
}

#[test]
fn script_arguments_reach_system_argv() {
    // `elixir tests/fixtures/argv.exs a -b "c d"` prints ["a", "-b", "c d"].
    insta::assert_snapshot!(vm(&["tests/fixtures/argv.exs", "a", "-b", "c d"]));
}

#[test]
fn eval_flags_run_in_order() {
    // `elixir -e 'IO.puts 1 + 2' -e 'IO.inspect System.argv()'` prints the same.
    insta::assert_snapshot!(vm(&[
        "-e",
        "IO.puts 1 + 2",
        "-e",
        "IO.inspect System.argv()"
    ]));
}

#[test]
fn an_eval_flag_with_a_syntax_error() {
    insta::assert_snapshot!(vm(&["-e", "1 +"]));
}

#[test]
fn an_eval_flag_that_raises() {
    insta::assert_snapshot!(vm(&["-e", "raise \"boom\""]));
}

#[test]
fn require_runs_a_file_before_the_script() {
    // `elixir -r tests/fixtures/required.exs tests/fixtures/uses_required.exs a -b`
    // prints the same three lines.
    insta::assert_snapshot!(vm(&[
        "-r",
        "tests/fixtures/required.exs",
        "tests/fixtures/uses_required.exs",
        "a",
        "-b"
    ]));
}

#[test]
fn a_missing_required_file() {
    insta::assert_snapshot!(vm(&["-r", "nosuch.exs", "-e", "1"]));
}

#[test]
fn plus_flags_before_the_script_set_the_schedulers() {
    insta::assert_snapshot!(vm(&[
        "+S",
        "1",
        "+P",
        "2000",
        "-e",
        "IO.inspect {:erlang.system_info(:schedulers), :erlang.system_info(:process_limit)}"
    ]));
    insta::assert_snapshot!(vm(&["+S", "0", "-e", "1"]));
}

#[test]
fn a_compiled_program_runs_without_its_source() {
    let dir = std::env::temp_dir().join(format!("beamlet-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("hello.bpk");
    let out_s = out.to_str().unwrap();
    insta::assert_snapshot!(vm(&["compile", "../examples/hello.exs", "-o", out_s]));
    insta::assert_snapshot!("compiled_program_output", vm(&[out_s]));
    let dis = vm(&["disasm", out_s]);
    assert!(
        dis.starts_with("status: 0\n--- stdout\nmodule elixir_compiler_0"),
        "{dis}"
    );
    // A truncated or corrupt program file is a clear error.
    let bytes = std::fs::read(&out).unwrap();
    let cut = dir.join("cut.bpk");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let got = vm(&[cut.to_str().unwrap()]);
    assert!(got.starts_with("status: 1\n"), "{got}");
    assert!(got.contains("truncated program file"), "{got}");
    let mut bad = bytes.clone();
    for b in bad.iter_mut().skip(20).step_by(7) {
        *b ^= 0x5a;
    }
    std::fs::write(&cut, &bad).unwrap();
    let got = vm(&[cut.to_str().unwrap()]);
    assert!(got.starts_with("status: 1\n"), "{got}");
    assert!(!got.contains("panicked"), "{got}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn compile_of_a_bad_file() {
    insta::assert_snapshot!(vm(&[
        "compile",
        "tests/fixtures/syntax_error.exs.bad",
        "-o",
        "/dev/null"
    ]));
    insta::assert_snapshot!(vm(&["compile", "../examples/hello.exs"]));
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = vm(&["completions", shell]);
        assert!(out.starts_with("status: 0\n"), "{shell}: {out}");
        for sub in ["check", "disasm", "compile", "repl", "completions"] {
            assert!(out.contains(sub), "{shell} completions lack {sub}");
        }
    }
    insta::assert_snapshot!(vm(&["completions", "tcsh"]));
}

#[test]
fn help_of_each_subcommand_is_its_doc_comment() {
    insta::assert_snapshot!("help", vm(&["--help"]));
    for sub in ["check", "disasm", "compile", "repl", "completions"] {
        insta::assert_snapshot!(format!("help_{sub}"), vm(&[sub, "--help"]));
    }
}

#[test]
fn the_repl_reads_stdin_when_it_is_not_a_terminal() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vm"))
        .env("BEAMLET_HISTORY", "/dev/null")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a = 40\na + 2\n[1,\n2]\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}
