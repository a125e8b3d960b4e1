//! The demo program on wasmtime: the reference output the Pyodide run matches.

#[test]
fn demo_program_runs_on_wasmtime() {
    let engine = wasm_runtime_layer::Engine::new(wasmtime_runtime_layer::Engine::default());
    let lines = demo::program::run(&engine).expect("the demo program runs");
    for line in &lines {
        println!("{line}");
    }
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[1], "fib(90) = I64(2880067194370816120)");
    assert_eq!(lines[2], "apply through the table: 84+2=I32(86) 84-2=I32(82) 84*2=I32(168) 84/2=I32(42)");
    assert!(lines[4].contains("HELLO FROM RUST, THROUGH WASM MEMORY"), "{}", lines[4]);
    assert_eq!(lines[5], "host squares: sum of squares 1..=1000 = I64(333833500)");
    assert_eq!(lines[6], "globals: calls = I32(7), host visits = I32(107), answer = I64(42)");
}
