"""The engine-generic conformance suite (crate `conformance`), run on this
backend inside Pyodide: the same cases that pass natively on wasmtime."""

import rtl_tests


def _case(name):
    def test():
        rtl_tests.run_conformance_case(name)

    return test


for _name in rtl_tests.conformance_cases():
    globals()["test_" + _name.replace("::", "__")] = _case(_name)
