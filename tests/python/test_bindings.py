"""The generated WebAssembly JS API wrappers (`pyodide_runtime_layer::bindings`)
driven in real Pyodide, one test per case (see tests/pyodide-ext/src/bindings_tests.rs;
`tests/tests/bindings_coverage.rs` checks that every generated function is called)."""

import rtl_tests


def _case(name):
    def test():
        rtl_tests.run_bindings_case(name)

    return test


for _name in rtl_tests.bindings_cases():
    globals()["test_" + _name] = _case(_name)


def test_every_generated_function_is_listed():
    covered = rtl_tests.bindings_covered()
    assert len(covered) == len(set(covered)) and len(covered) > 50
