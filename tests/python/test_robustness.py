"""Robustness of the backend in real Pyodide: mutated modules never panic, and
create/call/drop cycles free everything (closures, externrefs, JS proxies)."""

import gc

import pyodide_js
import rtl_tests


def test_module_new_never_panics_on_mutated_modules():
    ok, err, panics, first_panic = rtl_tests.fuzz_module_new(0x5EED, 5000)
    print(f"    Module::new on 5000 mutated modules: {ok} Ok, {err} Err, {panics} panics")
    assert panics == 0, first_panic
    assert ok + err == 5000
    # The mutations must exercise both outcomes to mean anything.
    assert ok > 100 and err > 100, (ok, err)


def _heap_bytes():
    return pyodide_js._module.HEAPU8.length


def test_host_closures_and_externrefs_are_freed():
    cycles = 200
    dropped = rtl_tests.churn_cycles(cycles)
    # Each cycle captures one canary in a host closure and one in an externref.
    assert dropped == 2 * cycles, dropped


def test_pyodide_heap_stays_flat_over_many_cycles():
    rtl_tests.churn_cycles(300)  # warm up: caches, allocator pools
    gc.collect()
    heap_before = _heap_bytes()
    objects_before = len(gc.get_objects())
    rtl_tests.churn_cycles(3000)
    gc.collect()
    heap_after = _heap_bytes()
    objects_after = len(gc.get_objects())
    print(f"    heap {heap_before} -> {heap_after} bytes, gc objects {objects_before} -> {objects_after}")
    assert heap_after == heap_before, (heap_before, heap_after)
    assert objects_after - objects_before < 50, (objects_before, objects_after)
