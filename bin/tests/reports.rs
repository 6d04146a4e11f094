//! Crash reports and Logger output (`tests/reports/*.exs`): what real Elixir logged
//! (`NAME.log`, from `tests/reports/regen.sh`) and what Beamlet prints on stderr must be
//! the same lines once both are normalized: timestamps, pids, references and funs are
//! blanked, stack-trace lines and blank lines dropped (Beamlet's frames are its own
//! library's, and Elixir's Logger writes on stdout with a timestamp where Beamlet writes
//! on stderr without one).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/reports")
}

/// `HH:MM:SS.mmm ` at the start of a line.
fn strip_timestamp(line: &str) -> &str {
    let b = line.as_bytes();
    let shape = b.len() > 13
        && b[2] == b':'
        && b[5] == b':'
        && b[8] == b'.'
        && b[12] == b' '
        && [0, 1, 3, 4, 6, 7, 9, 10, 11]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if shape {
        &line[13..]
    } else {
        line
    }
}

fn blank(line: &str, open: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i + open.len()]);
        rest = &rest[i + open.len()..];
        match rest.find('>') {
            Some(j) => rest = &rest[j..],
            None => break,
        }
    }
    out.push_str(rest);
    out
}

fn is_stack_line(line: &str) -> bool {
    let t = line.trim_start();
    line.starts_with("    ")
        && (t.starts_with('(') || [".ex:", ".exs:", ".erl:"].iter().any(|s| t.contains(s)))
}

fn normalize(text: &str) -> Vec<String> {
    text.lines()
        .map(strip_timestamp)
        .filter(|l| !l.trim().is_empty() && !is_stack_line(l))
        .map(|l| blank(&blank(&blank(l, "#PID<"), "#Reference<"), "#Function<"))
        .collect()
}

#[test]
fn normalizing_blanks_what_varies() {
    let elixir = "\n11:44:47.927 [error] GenServer #PID<0.109.0> terminating\n    (stdlib 4.2) gen.erl:256: :gen.do_call/4\n    a.exs:3: M.f/1\nFunction: #Function<1.1/0 in M.run/0>\n    Args: []\n";
    assert_eq!(
        normalize(elixir),
        [
            "[error] GenServer #PID<> terminating",
            "Function: #Function<>",
            "    Args: []"
        ]
    );
}

#[test]
fn crash_reports_read_as_elixir_logs_them() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/reports is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "exs"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for path in names {
        let log = std::fs::read_to_string(path.with_extension("log"))
            .unwrap_or_else(|_| panic!("{}: no .log; run tests/reports/regen.sh", path.display()));
        let out = Command::new(env!("CARGO_BIN_EXE_vm"))
            .arg(path.file_name().expect("a file name"))
            .current_dir(dir())
            .stdin(Stdio::null())
            .output()
            .expect("the vm binary runs");
        assert!(out.status.success(), "{} failed", path.display());
        let expected = normalize(&log);
        let got = normalize(&String::from_utf8_lossy(&out.stderr));
        assert_eq!(got, expected, "{}", path.display());
    }
}
