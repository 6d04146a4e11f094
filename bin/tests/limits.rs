//! Hostile programs (`tests/limits/*.exs`): each hard limit ends in a clear error with
//! exit status 1, never a panic, a hang or exhausted memory. Elixir itself is no oracle
//! here (a runaway recursion on the BEAM grows until the machine runs out), so each case
//! states what Beamlet must print.

use std::path::Path;
use std::process::{Command, Stdio};

/// (program, exit status, a line stdout must end with or "", text stderr must contain)
const CASES: &[(&str, i32, &str, &str)] = &[
    // First: its peak memory is checked right after it runs (see below).
    ("lazy_million.exs", 0, "333333666666", ""),
    (
        "runaway_recursion.exs",
        1,
        "start",
        "** (SystemLimitError) a system limit has been reached",
    ),
    (
        "atom_exhaustion.exs",
        1,
        "start",
        "** (SystemLimitError) a system limit has been reached",
    ),
    (
        "big_bignum.exs",
        1,
        "376",
        "** (SystemLimitError) a system limit has been reached",
    ),
    (
        "too_many_arguments.exs",
        1,
        "",
        "too many parameters (at most 255)",
    ),
    ("huge_tuple.exs", 0, "300000", ""),
    // 1,000,000 processes spawned and exited, a broadcast to 100,000 waiting ones: the
    // process count, the processes' memory and the RSS come back near the start.
    ("million_processes.exs", 0, "all back: true", ""),
    // Spawning past the process limit (262,144) is an error, not exhausted memory.
    (
        "process_limit.exs",
        1,
        "start",
        "** (SystemLimitError) a system limit has been reached",
    ),
];

#[test]
fn every_limit_is_a_clear_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/limits");
    let mut listed: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    listed.sort_unstable();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/limits exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".exs"))
        .collect();
    found.sort_unstable();
    assert_eq!(
        listed, found,
        "every program in tests/limits has a case here"
    );
    for &(file, status, out_last, err_has) in CASES {
        let out = Command::new(env!("CARGO_BIN_EXE_vm"))
            .arg(file)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("the vm binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{file} panicked:\n{stderr}");
        assert_eq!(out.status.code(), Some(status), "{file}: status\n{stderr}");
        assert_eq!(
            stdout.lines().last().unwrap_or(""),
            out_last,
            "{file}: stdout"
        );
        assert!(
            stderr.contains(err_has),
            "{file}: stderr lacks {err_has:?}:\n{stderr}"
        );
        if file == "lazy_million.exs" {
            // A million elements through Stream stages are never all in memory: the
            // same pipeline with Enum peaks at about 145 MB (release build), lazily at 7.
            let peak_kb = peak_child_rss_kb();
            assert!(peak_kb < 48 * 1024, "{file}: peak RSS {peak_kb} KB");
        }
    }
}

/// The largest resident set of the children run so far, in KB.
fn peak_child_rss_kb() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss
}
