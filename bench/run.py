"""Runs the benchmarks in Pyodide and writes the table to /repo/BENCHMARKS.md
(the repository, mounted by `cargo xtask bench`)."""

import platform
import sys

import rtl_bench

rows = rtl_bench.run()

lines = [
    "# Benchmarks",
    "",
    "Made by `cargo xtask bench` in real Pyodide under Node (" + sys.version.split()[0] + ", "
    + platform.machine() + "). Each row is the median of 11 samples after warm-up, each sample at "
    "least 2 ms of repeated calls; the limit is measured in the same run, right beside it. "
    "ratio = ours / limit (lower is better); the target is the issue's bound on that ratio "
    "(for 1 MiB copies, throughput ≥ 0.8× the limit is a ratio ≤ 1.25).",
    "",
    "| operation | path | ours (ns) | limit (ns) | ratio | target | met | limit measured | iterations |",
    "|---|---|---:|---:|---:|---:|:-:|---|---:|",
]
missed = []
for op, path, ours, limit, what, target, iterations in rows:
    ratio = ours / limit if limit > 0 else float("inf")
    met = ratio <= target
    if not met:
        missed.append((op, path, ratio, target))
    lines.append(
        f"| {op} | {path} | {ours:,.0f} | {limit:,.0f} | {ratio:.2f}× | ≤ {target}× | {'yes' if met else '**no**'} | {what} | {iterations:,} |"
    )
lines.append("")
table = "\n".join(lines)
print(table)
print(f"{len(rows) - len(missed)} of {len(rows)} targets met")
with open("/repo/target/bench/table.md", "w") as out:
    out.write(table + "\n")
