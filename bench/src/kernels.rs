//! The kernels of `rtl-kernels` timed inside this side module: ns per round,
//! the best of several runs. `bench/run.py` times the same kernels as a plain
//! Wasm module in the same engine, and reads the native figures.

/// Rounds per run.
pub const ROUNDS: u32 = 2_000_000;
/// Runs per kernel (the best counts).
pub const RUNS: usize = 7;

/// `(name, ns per round)` for every kernel.
pub fn measure() -> Vec<(&'static str, f64)> {
    rtl_kernels::KERNELS.iter().map(|(name, kernel)| (*name, rtl_kernels::best_ns_per_round(*kernel, ROUNDS, RUNS))).collect()
}
