//! The Pyodide benchmark's operations natively, on `wasmtime_runtime_layer`
//! through the public `wasm_runtime_layer` API (the same host code as the
//! bench's `Ours`), timed with the bench's own method (`measure.rs`, each
//! operation a group of its own). Prints one JSON object for
//! `cargo xtask bench`, which saves it as target/bench/native.json for the
//! report's native column.

mod guest;
mod instantiation;
#[path = "../../src/measure.rs"]
mod measure;
// `FLOOR_THUNK` is a probe of the Pyodide fast path only.
#[allow(dead_code)]
#[path = "../../src/modules.rs"]
mod modules;
mod ops;
mod version;

fn main() -> anyhow::Result<()> {
    let (timer_step_ns, timer_cost_ns) = measure::timer();
    let ops: Vec<serde_json::Value> = ops::run()?.iter().map(ops::Op::to_json).collect();
    let out = serde_json::json!({
        "wasmtime": version::locked("wasmtime"),
        "wasmtime_runtime_layer": version::locked("wasmtime_runtime_layer"),
        "rounds": measure::ROUNDS,
        "sample_ns": measure::SAMPLE_NS,
        "warm_up_ns": measure::WARM_UP_NS,
        "timer_step_ns": timer_step_ns,
        "timer_cost_ns": timer_cost_ns,
        "ops": ops,
    });
    println!("{out}");
    Ok(())
}
