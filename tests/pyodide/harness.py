"""A small test runner for Pyodide, where pytest is not available offline.

`run(modules)` imports each test module, calls every top-level `test_*`
function (awaiting coroutines), prints one line per test and the closing line
`N passed, N failed`. It returns True when anything failed or nothing ran.
"""

import importlib
import inspect
import time
import traceback


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
            start = time.perf_counter()
            try:
                result = fn()
                if inspect.isawaitable(result):
                    await result
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
