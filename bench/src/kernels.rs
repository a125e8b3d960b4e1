//! The kernels of `rtl-kernels` timed inside this side module: ns per round,
//! the best of several runs. `bench/run.py` times the same kernels as a plain
//! Wasm module in the same engine, and reads the native figures.

use std::time::Instant;

/// Rounds per run.
pub const ROUNDS: u32 = 2_000_000;
/// Runs per kernel (the best counts).
pub const RUNS: usize = 7;

/// `(name, ns per round)` for every kernel.
pub fn measure() -> Vec<(&'static str, f64)> {
    rtl_kernels::KERNELS
        .iter()
        .map(|(name, kernel)| {
            let best = (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(kernel(ROUNDS));
                    start.elapsed().as_nanos() as f64 / f64::from(ROUNDS)
                })
                .fold(f64::INFINITY, f64::min);
            (*name, best)
        })
        .collect()
}
