"""The engine-generic conformance suite (crate `conformance`), run on this
backend inside Pyodide: the same cases that pass natively on wasmtime, once on
the fast path beneath Python and once forced onto the portable PyO3 path."""

import rtl_tests


def test_fast_path_is_in_use():
    # The pinned Pyodide supports the fast path: if this fails, the fast-path
    # cases below silently ran on the portable path.
    assert rtl_tests.fast_path_unavailable_reason() is None, rtl_tests.fast_path_unavailable_reason()


def _case(name, portable):
    def test():
        rtl_tests.run_conformance_case(name, portable)

    return test


for _name in rtl_tests.conformance_cases():
    _test_name = _name.replace("::", "__")
    globals()["test_fast__" + _test_name] = _case(_name, False)
    globals()["test_portable__" + _test_name] = _case(_name, True)
