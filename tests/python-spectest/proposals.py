"""Runs the spec proposals V8 in Node 20 supports on this backend in Pyodide
(fast path) and writes the report to target/spectest/pyodide-proposals.md.
Run by `cargo xtask spectest`."""

import time

import rtl_spectest

start = time.perf_counter()
report = rtl_spectest.run_proposals("/repo/target/spectest/pyodide-proposals.md")
print(f"{report['summary']} ({time.perf_counter() - start:.1f} s)")
