"""The demo program in real Pyodide prints what it prints natively on wasmtime
(`demo/tests/native.rs` holds the same expectations)."""

import demo


def test_demo_matches_the_native_run():
    lines = demo.run()
    assert lines[0].startswith("engine: pyodide_runtime_layer"), lines[0]
    assert lines[2] == "fib(90) = I64(2880067194370816120)"
    assert lines[3] == "apply through the table: 84+2=I32(86) 84-2=I32(82) 84*2=I32(168) 84/2=I32(42)"
    assert lines[4] == "table: ops has 4 entries; the host calls ops[2](6, 7) = I32(42)"
    assert "HELLO FROM RUST, THROUGH WASM MEMORY" in lines[5], lines[5]
    assert lines[6] == "host squares: sum of squares 1..=1000 = I64(333833500)"
    assert lines[7] == "globals: calls = I32(7), host visits = I32(107), answer = I64(42)"
