"""The core WebAssembly spec tests on this backend in real Pyodide, on the
fast path (the default engine) and on the portable path. Each run writes its
report to target/spectest/ and its pass count may not drop below its baseline
in spectest/baseline/ (`SPECTEST_BLESS=1` records a higher one). `/repo` is
the repository, mounted by the harness. Run by `cargo xtask test` and
`cargo xtask spectest`, not with tests/python (the extension is large)."""

import time

import rtl_spectest


def check_core(name, portable):
    start = time.perf_counter()
    report = rtl_spectest.run_core(
        f"/repo/target/spectest/{name}-core.md",
        f"/repo/spectest/baseline/{name}.txt",
        portable=portable,
    )
    reasons = ", ".join(f"{r}: {n}" for r, n in report["skipped_by_reason"].items())
    print(f"    {report['summary']} ({time.perf_counter() - start:.1f} s)")
    print(f"    skipped by reason: {reasons}")


def test_core_spec_in_pyodide():
    check_core("pyodide", portable=False)


def test_core_spec_in_pyodide_portable_path():
    check_core("pyodide-portable", portable=True)
