#!/usr/bin/env python3
"""Runs the benchmark programs on Beamlet (`vm`) and, when it is installed, on real
`elixir`, in the same run, and prints for each program the result check, the timings each
program measured itself (its `# key=value` line), and the ratio Beamlet / BEAM per key.
Wall-clock time of the whole command is reported too (start-up matters for `empty`).

    python3 bench/run.py                 # all programs
    python3 bench/run.py fib ring        # some
    VM=target/release/vm python3 bench/run.py

Benchmarks are measured, never asserted: this script is not part of `cargo test`.
Build first: cargo build --release.
"""
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VM = os.environ.get("VM", os.path.join(ROOT, "target", "release", "vm"))
TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "600"))
# The BEAM's default process limit (262,144) is too small for these two.
BEAM_FLAGS = {"skynet": ["--erl", "+P 2000000"], "spawn_many": ["--erl", "+P 2000000"]}


def expected_lines():
    out = {}
    with open(os.path.join(HERE, "expected.txt")) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                out[line.split(" ", 1)[0].split("(", 1)[0]] = line
    return out


def run(cmd):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, cwd=HERE)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {TIMEOUT}s", 0.0
    except FileNotFoundError:
        return None, f"{cmd[0]} not found (cargo build --release first)", 0.0
    wall = time.monotonic() - t0
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1], wall
    return p.stdout, None, wall


def timings(stdout):
    vals = {}
    for line in stdout.splitlines():
        if line.startswith("# "):
            for k, v in re.findall(r"([A-Za-z0-9_()]+)=(-?\d+)", line):
                vals[k] = int(v)
    return vals


def main():
    names = sys.argv[1:] or sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".exs"))
    expected = expected_lines()
    have_elixir = shutil.which("elixir") is not None
    if not have_elixir:
        print("(elixir is not installed: Beamlet's figures only)")
    for name in names:
        script = name + ".exs"
        print(f"== {name}")
        results = {}
        runs = [("beamlet", [VM] + BEAM_FLAGS.get(name, []) + [script])]
        if have_elixir:
            runs.append(("beam", ["elixir"] + BEAM_FLAGS.get(name, []) + [script]))
        for who, cmd in runs:
            out, err, wall = run(cmd)
            if err:
                print(f"  {who:8} FAILED: {err}")
                continue
            first = out.splitlines()[0] if out else ""
            want = expected.get(name)
            check = "ok" if want is None or first == want else f"WRONG (want {want!r})"
            t = timings(out)
            results[who] = (t, wall)
            shown = " ".join(f"{k}={v}" for k, v in t.items())
            print(f"  {who:8} {check}  wall={wall:.3f}s  {shown}")
        if "beamlet" in results and "beam" in results:
            (tv, wv), (tb, wb) = results["beamlet"], results["beam"]
            ratios = [f"{k}={tv[k] / tb[k]:.2f}x" for k in tv if k in tb and tb[k] > 0]
            print(f"  ratio    wall={wv / wb:.2f}x  " + " ".join(ratios))


if __name__ == "__main__":
    main()
