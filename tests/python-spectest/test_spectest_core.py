"""The core WebAssembly spec tests on this backend in real Pyodide: the report
goes to target/spectest/, and the pass count may not drop below
spectest/baseline/pyodide.txt. (`/repo` is the repository, mounted by the harness.)"""

import time

import rtl_spectest


def test_core_spec_in_pyodide():
    start = time.perf_counter()
    summary = rtl_spectest.run_core(
        "/repo/target/spectest/pyodide-core.md", "/repo/spectest/baseline/pyodide.txt"
    )
    print(f"    {summary} ({time.perf_counter() - start:.0f} s)")
