"""The generated WebAssembly JS API wrappers (`pyodide_runtime_layer::bindings`)
driven in real Pyodide, one test per case of tests/pyodide-ext/src/bindings_tests.rs.

A case either checks everything before returning, or returns a JS promise to
await (the `Promise`-returning operations): it rejects when a check made after
the operation settled fails. The case `every_generated_function_is_covered`
compares the functions the cases call with those in the expansion snapshots."""

import rtl_tests


def _case(name):
    async def test():
        pending = rtl_tests.run_bindings_case(name)
        if pending is not None:
            await pending

    return test


for _name in rtl_tests.bindings_cases():
    globals()["test_" + _name] = _case(_name)
