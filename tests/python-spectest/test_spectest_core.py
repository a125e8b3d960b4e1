"""The core WebAssembly spec tests on this backend in real Pyodide. Each run
writes its report to target/spectest/<name>-core.md and its pass count may not
drop below its baseline spectest/baseline/<name>.txt (`SPECTEST_BLESS=1`
records a higher one). `SPECTEST_RUNS` names the runs as `name:path` pairs
(path `fast` or `portable`), by default both paths under Node 20:
`pyodide:fast,pyodide-portable:portable`; other hosts have baselines of their
own (`pyodide-node24`, `pyodide-bun`). `/repo` is the repository, mounted by
the harness. Run by `cargo xtask test` and `cargo xtask spectest`, not with
tests/python (the extension is large)."""

import os
import time

import rtl_spectest

RUNS = os.environ.get("SPECTEST_RUNS", "pyodide:fast,pyodide-portable:portable")


def check_core(name, portable):
    start = time.perf_counter()
    report = rtl_spectest.run_core(
        f"/repo/target/spectest/{name}-core.md",
        f"/repo/spectest/baseline/{name}.txt",
        portable=portable,
    )
    reasons = ", ".join(f"{r}: {n}" for r, n in report["skipped_by_reason"].items())
    print(f"    {name}: {report['summary']} ({time.perf_counter() - start:.1f} s)")
    print(f"    skipped by reason: {reasons}")


def _run(name, path):
    def test():
        check_core(name, portable=path == "portable")

    return test


for _name, _path in (run.split(":") for run in RUNS.split(",")):
    globals()[f"test_core_spec_{_name.replace('-', '_')}"] = _run(_name, _path)
