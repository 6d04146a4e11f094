//! The conformance corpus: every `tests/conformance/**/*.exs` is run by the `vm` binary
//! and its stdout and exit status are compared, byte for byte, with what real Elixir
//! printed (`FILE.out`, `FILE.status`, written by `tests/conformance/regen.sh`).
//!
//! A ratchet: `tests/conformance/PENDING` lists the programs that are not expected to pass
//! yet. The test fails when a program that is not listed fails, and when a listed one now
//! passes (so the list only shrinks).
//!
//! Environment:
//! - `CONFORMANCE_FILTER=substring`: run only the programs whose path contains it.
//! - `CONFORMANCE_UPDATE_PENDING=1`: rewrite PENDING with the current failures (within the
//!   filter; entries outside it are kept), then pass.
//! - `CONFORMANCE_VERBOSE=1`: also print the diffs of the pending programs.
//! - `CONFORMANCE_JOBS=n`: programs run at once (default: the cores, at most 4).
//! - `CONFORMANCE_TIMEOUT=secs`: per program (default 30, 120 under `gc-stress`).
//!
//! The programs of `processes/` and `otp/` run twice, with 1 scheduler and with 4. A program with a
//! `FILE.erl` (emulator flags such as `+S 1`) runs once, with those flags, as regen.sh ran
//! it on the BEAM.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const PENDING_HEADER: &str = "\
# Conformance programs not expected to pass yet (paths relative to tests/conformance).
# The test fails if one of these now passes: remove it from this list then.
# Regenerate from the current failures: CONFORMANCE_UPDATE_PENDING=1 cargo test -p beamlet-cli --test conformance
";

/// Lines of the stderr tail shown for a failure.
const STDERR_TAIL: usize = 15;
/// Diff lines shown for a failure.
const DIFF_LIMIT: usize = 120;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Every `.exs` under `dir`, as paths relative to `base` with `/` separators, sorted.
fn find_programs(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            find_programs(base, &path, out);
        } else if path.extension().is_some_and(|e| e == "exs") {
            let rel = path.strip_prefix(base).expect("under the corpus root");
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            out.push(parts.join("/"));
        }
    }
}

/// The entries of PENDING: one path a line, `#` starts a comment.
fn read_pending(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

struct Run {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None` when the program was killed after the timeout.
    status: Option<ExitStatus>,
    elapsed: Duration,
}

fn run_vm(file: &Path, flags: &[&str], timeout: Duration) -> Result<Run, String> {
    let start = Instant::now();
    let dir = file.parent().expect("a program has a directory");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vm"))
        .args(flags)
        .arg(file.file_name().expect("a file name"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the vm: {e}"))?;
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let err = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for the vm: {e}")),
        }
    };
    Ok(Run {
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        status,
        elapsed: start.elapsed(),
    })
}

enum Outcome {
    Pass,
    /// What differs, ready to print.
    Fail(String),
}

/// The programs of `processes/` and `otp/` run with 1 scheduler and with 4: the output must be the
/// same (DESIGN.md, Schedulers).
/// A program with a `FILE.erl` runs with those emulator flags (`--erl "+S 1"`), on
/// the BEAM (regen.sh) and here, and only so.
fn check(rel: &str, timeout: Duration) -> Outcome {
    let erl = root().join(rel).with_extension("erl");
    if let Ok(flags) = std::fs::read_to_string(&erl) {
        return check_with(rel, &["--erl", flags.trim()], timeout);
    }
    if !rel.starts_with("processes/") && !rel.starts_with("otp/") {
        return check_with(rel, &[], timeout);
    }
    for flags in [["--schedulers", "1"], ["--schedulers", "4"]] {
        if let Outcome::Fail(report) = check_with(rel, &flags, timeout) {
            return Outcome::Fail(format!("with {}:\n{report}", flags.join(" ")));
        }
    }
    Outcome::Pass
}

fn check_with(rel: &str, flags: &[&str], timeout: Duration) -> Outcome {
    let file = root().join(rel);
    let out_path = file.with_extension("out");
    let status_path = file.with_extension("status");
    let (Ok(expected_out), Ok(expected_status)) = (
        std::fs::read(&out_path),
        std::fs::read_to_string(&status_path),
    ) else {
        return Outcome::Fail(
            "no expected output (.out and .status): run tests/conformance/regen.sh\n".into(),
        );
    };
    let Ok(expected_status) = expected_status.trim().parse::<i32>() else {
        return Outcome::Fail(format!(
            "{} does not hold an exit status\n",
            status_path.display()
        ));
    };
    let run = match run_vm(&file, flags, timeout) {
        Ok(run) => run,
        Err(e) => return Outcome::Fail(e + "\n"),
    };
    let mut report = String::new();
    match run.status {
        None => {
            let _ = writeln!(report, "timed out after {:.1?} (killed)", run.elapsed);
        }
        Some(status) if status.code() != Some(expected_status) => {
            let got = status
                .code()
                .map_or_else(|| format!("{status}"), |c| c.to_string());
            let _ = writeln!(report, "exit status: expected {expected_status}, got {got}");
        }
        Some(_) => {}
    }
    if run.stdout != expected_out {
        let _ = writeln!(report, "stdout differs (--- expected, +++ actual):");
        report.push_str(&unified_diff(&expected_out, &run.stdout));
    }
    if report.is_empty() {
        return Outcome::Pass;
    }
    let stderr = String::from_utf8_lossy(&run.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    if !lines.is_empty() {
        let skip = lines.len().saturating_sub(STDERR_TAIL);
        let _ = writeln!(
            report,
            "stderr (last {} of {} lines):",
            lines.len() - skip,
            lines.len()
        );
        for l in &lines[skip..] {
            let _ = writeln!(report, "  {l}");
        }
    }
    Outcome::Fail(report)
}

/// A unified-style line diff: `@@ -a,b +c,d @@` hunks with 3 lines of context.
fn unified_diff(expected: &[u8], actual: &[u8]) -> String {
    let a = split_lines(expected);
    let b = split_lines(actual);
    let ops = diff_ops(&a, &b);
    const CONTEXT: usize = 3;
    let mut out = String::new();
    let mut shown = 0;
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], Op::Same(..)) {
            i += 1;
            continue;
        }
        // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last
        // change that is at most 2 * CONTEXT unchanged lines away.
        // Hunks never overlap: the previous one stopped CONTEXT lines after its last
        // change, and more than 2 * CONTEXT unchanged lines separate it from this one.
        let start = i.saturating_sub(CONTEXT);
        let mut end = i;
        let mut j = i;
        while j < ops.len() {
            if !matches!(ops[j], Op::Same(..)) {
                end = j;
                j += 1;
                continue;
            }
            let run_end = (j..ops.len()).find(|&k| !matches!(ops[k], Op::Same(..)));
            match run_end {
                Some(k) if k - j <= 2 * CONTEXT => j = k,
                _ => break,
            }
        }
        let stop = (end + 1 + CONTEXT).min(ops.len());
        let (a0, b0) = positions(&ops[..start]);
        let (an, bn) = positions(&ops[start..stop]);
        let _ = writeln!(out, "@@ -{},{} +{},{} @@", a0 + 1, an, b0 + 1, bn);
        for op in &ops[start..stop] {
            if shown >= DIFF_LIMIT {
                out.push_str("... (diff cut)\n");
                return out;
            }
            let (sign, line) = match op {
                Op::Same(k) => (' ', a[*k]),
                Op::Del(k) => ('-', a[*k]),
                Op::Add(k) => ('+', b[*k]),
            };
            out.push(sign);
            out.push_str(&String::from_utf8_lossy(line));
            if line.last() != Some(&b'\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
            shown += 1;
        }
        i = stop;
    }
    out
}

fn split_lines(s: &[u8]) -> Vec<&[u8]> {
    s.split_inclusive(|&c| c == b'\n').collect()
}

enum Op {
    Same(usize),
    Del(usize),
    Add(usize),
}

/// Lines of `a` and of `b` that `ops` covers.
fn positions(ops: &[Op]) -> (usize, usize) {
    ops.iter().fold((0, 0), |(x, y), op| match op {
        Op::Same(..) => (x + 1, y + 1),
        Op::Del(_) => (x + 1, y),
        Op::Add(_) => (x, y + 1),
    })
}

/// Edit script by longest common subsequence after trimming the common prefix and
/// suffix; past a size limit the middle is shown as all deleted then all added.
fn diff_ops(a: &[&[u8]], b: &[&[u8]]) -> Vec<Op> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<Op> = (0..pre).map(Op::Same).collect();
    let (n, m) = (am.len(), bm.len());
    if n * m > 4_000_000 {
        ops.extend((0..n).map(|k| Op::Del(pre + k)));
        ops.extend((0..m).map(|k| Op::Add(pre + k)));
    } else {
        // lcs[i][j]: the LCS length of am[i..] and bm[j..].
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[at(i, j)] = if am[i] == bm[j] {
                    lcs[at(i + 1, j + 1)] + 1
                } else {
                    lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push(Op::Same(pre + i));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[at(i, j + 1)] > lcs[at(i + 1, j)]) {
                ops.push(Op::Add(pre + j));
                j += 1;
            } else {
                ops.push(Op::Del(pre + i));
                i += 1;
            }
        }
    }
    ops.extend((0..suf).map(|k| Op::Same(a.len() - suf + k)));
    ops
}

#[test]
fn conformance() {
    let root = root();
    let pending_path = root.join("PENDING");
    let filter = std::env::var("CONFORMANCE_FILTER").unwrap_or_default();
    let update = env_flag("CONFORMANCE_UPDATE_PENDING");
    let verbose = env_flag("CONFORMANCE_VERBOSE");
    let default_timeout = if cfg!(feature = "gc-stress") { 120 } else { 30 };
    let timeout = Duration::from_secs(
        std::env::var("CONFORMANCE_TIMEOUT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default_timeout),
    );
    let jobs = std::env::var("CONFORMANCE_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get().min(4)))
        .max(1);

    let mut all = Vec::new();
    find_programs(&root, &root, &mut all);
    assert!(!all.is_empty(), "no programs under {}", root.display());
    let selected: Vec<String> = all
        .iter()
        .filter(|p| p.contains(&filter))
        .cloned()
        .collect();
    assert!(
        !selected.is_empty(),
        "CONFORMANCE_FILTER={filter:?} selects no program"
    );
    let pending = read_pending(&pending_path);

    // Run the programs on `jobs` threads.
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Outcome)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.min(selected.len()) {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(rel) = selected.get(k) else { break };
                let outcome = check(rel, timeout);
                results.lock().unwrap().push((rel.clone(), outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|x, y| x.0.cmp(&y.0));

    let failing: BTreeSet<String> = results
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Fail(_)))
        .map(|(p, _)| p.clone())
        .collect();
    let passed = results.len() - failing.len();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "conformance: {} programs run{}, {passed} pass, {} fail, {} listed in PENDING",
        results.len(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" (filter {filter:?})")
        },
        failing.len(),
        pending.len()
    );

    if update {
        // With a filter, the entries outside it are kept as they were; entries that name no
        // program are dropped. Without a filter, PENDING becomes exactly the failures.
        let existing: BTreeSet<&String> = all.iter().collect();
        let mut new: BTreeSet<String> = pending
            .iter()
            .filter(|p| !filter.is_empty() && !p.contains(&filter) && existing.contains(p))
            .cloned()
            .collect();
        new.extend(failing.iter().cloned());
        let mut text = String::from(PENDING_HEADER);
        for p in &new {
            text.push_str(p);
            text.push('\n');
        }
        std::fs::write(&pending_path, text).expect("PENDING is writable");
        let added = new.difference(&pending).count();
        let removed = pending.difference(&new).count();
        let _ = writeln!(
            report,
            "PENDING rewritten: {} entries ({added} added, {removed} removed)",
            new.len()
        );
        println!("{report}");
        return;
    }

    let mut problems = 0;
    for (rel, outcome) in &results {
        let listed = pending.contains(rel);
        match outcome {
            Outcome::Fail(why) if !listed || verbose => {
                if !listed {
                    problems += 1;
                }
                let tag = if listed { "FAIL (pending)" } else { "FAIL" };
                let _ = writeln!(report, "\n=== {tag}: {rel}\n{why}");
            }
            Outcome::Pass if listed => {
                problems += 1;
                let _ = writeln!(
                    report,
                    "\n=== now passes: remove it from tests/conformance/PENDING: {rel}"
                );
            }
            _ => {}
        }
    }
    let existing: BTreeSet<&String> = all.iter().collect();
    for stale in pending.iter().filter(|p| !existing.contains(p)) {
        problems += 1;
        let _ = writeln!(
            report,
            "\n=== PENDING names a program that does not exist: {stale}"
        );
    }
    println!("{report}");
    assert!(
        problems == 0,
        "{problems} conformance problem(s), see above (a program not in PENDING fails, or one in \
         PENDING now passes: remove it from tests/conformance/PENDING)"
    );
}

#[test]
fn the_diff_shows_changes_with_context() {
    let expected = b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    let actual = b"a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk";
    assert_eq!(
        unified_diff(expected, actual),
        "@@ -1,10 +1,11 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n i\n j\n+k\n\\ No newline at end of file\n"
    );
    // Changes far apart make two hunks.
    let expected: String = (1..=20).map(|i| format!("{i}\n")).collect();
    let actual = expected
        .replacen("\n2\n", "\ntwo\n", 1)
        .replace("\n18\n", "\n");
    assert_eq!(
        unified_diff(expected.as_bytes(), actual.as_bytes()),
        "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n"
    );
    assert_eq!(unified_diff(b"same\n", b"same\n"), "");
}
