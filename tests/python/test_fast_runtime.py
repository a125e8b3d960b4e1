"""The fast path's JS runtime as installed in this Pyodide: it is there once a
fast-path case ran, and its functions sit in the shared function table, so
Rust calls them through function pointers rather than the loader's lazy
stubs."""

import pyodide_js
from pyodide.code import run_js
import rtl_tests

# `namespace FastAbi` of spec/boundary.webidl, in declaration order.
FUNCTIONS = [
    "ping", "free", "retain", "call", "mem_read", "mem_write", "mem_pages", "small_copies", "mem_grow", "global_get",
    "global_set", "global_access", "table_size", "table_get", "table_set", "table_grow", "module_new", "instantiate",
]


def test_runtime_functions_sit_in_the_function_table():
    rtl_tests.run_conformance_case("calls::reentrant_calls")
    exports = pyodide_js._module.LDSO.loadedLibsByName.__main__.exports
    runtime = getattr(exports, "__pyodide_runtime_layer_fast_rtl2")
    direct = list(runtime.direct)
    assert len(direct) == len(FUNCTIONS), direct
    entries = {}
    for name, index in zip(FUNCTIONS, direct):
        assert isinstance(index, int) and index > 0, (name, index)
        assert callable(getattr(exports, "rtl2_" + name)), name
        entries[name] = index
    assert len(set(entries.values())) == len(FUNCTIONS), entries
    # The entry is a Wasm wrapper of the runtime's own function.
    assert pyodide_js._module.getWasmTableEntry(entries["ping"])(41) == 42


def _live_handles(runtime):
    """How many JS values the fast state holds for Rust (fast_state.js)."""
    return run_js("(rt) => rt.handles.filter((v) => v !== undefined).length")(runtime)


def test_reading_held_functions_from_tables_leaves_no_handles():
    # A function Rust already holds is not counted again when a table read
    # returns it (Rust answers with the Func it has): every read, held or
    # not, must leave the handle table as it found it once the store drops.
    case = "funcref::funcs_read_again_from_tables"
    rtl_tests.run_conformance_case(case)
    runtime = getattr(pyodide_js._module.LDSO.loadedLibsByName.__main__.exports, "__pyodide_runtime_layer_fast_rtl2")
    before = _live_handles(runtime)
    for _ in range(5):
        rtl_tests.run_conformance_case(case)
    after = _live_handles(runtime)
    print(f"    live handles {before} -> {after}")
    assert after == before, (before, after)
