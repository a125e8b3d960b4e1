"""A small test runner for Pyodide, where pytest is not available offline.

`run(modules)` imports each test module and calls every top-level `test_*`
function (awaiting coroutines). For each test it prints `RUN  module::name`
before it starts (so a runner that sees no more output can name the test that
hangs) and `ok   ...` or `FAIL ...` when it ends, then the closing line
`N passed, N failed`. An awaited test that does not settle within
`RTL_TEST_TIMEOUT` seconds (default 120) fails as timed out and the run goes
on. `run` returns True when anything failed or nothing ran.
"""

import asyncio
import importlib
import inspect
import os
import time
import traceback

TIMEOUT = float(os.environ.get("RTL_TEST_TIMEOUT", "120"))


async def run(module_names):
    passed = failed = 0
    for module_name in module_names:
        module = importlib.import_module(module_name)
        tests = [
            (name, fn)
            for name, fn in vars(module).items()
            if name.startswith("test_") and callable(fn)
        ]
        for name, fn in tests:
            print(f"RUN  {module_name}::{name}")
            start = time.perf_counter()
            try:
                result = fn()
                if inspect.isawaitable(result):
                    try:
                        await asyncio.wait_for(result, TIMEOUT)
                    except asyncio.TimeoutError:
                        raise AssertionError(f"timed out: not settled within {TIMEOUT:.0f} s") from None
            except BaseException:  # PanicException derives from BaseException
                failed += 1
                print(f"FAIL {module_name}::{name}")
                print("    " + traceback.format_exc().replace("\n", "\n    "))
            else:
                passed += 1
                ms = (time.perf_counter() - start) * 1000
                print(f"ok   {module_name}::{name} ({ms:.0f} ms)")
    print(f"{passed} passed, {failed} failed")
    return failed > 0 or passed == 0
