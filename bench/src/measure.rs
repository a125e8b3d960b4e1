//! Timing: medians of repeated samples after a warm-up.

use std::time::Instant;

/// Samples per measurement (the median is reported).
const SAMPLES: usize = 11;
/// The shortest sample, so timer resolution does not matter.
const SAMPLE_NS: f64 = 2_000_000.0;

/// How long to run `op` before measuring, so the JS engine's optimizing tiers kick in.
const WARM_UP_NS: u128 = 40_000_000;

/// Nanoseconds per call of `op`, and the iterations per sample.
pub fn ns_per_op(mut op: impl FnMut()) -> (f64, u64) {
    let warm_up = Instant::now();
    let mut calls = 0u32;
    while warm_up.elapsed().as_nanos() < WARM_UP_NS || calls < 3 {
        op();
        calls += 1;
    }
    // Warm up, and find how many iterations fill a sample.
    let mut iterations = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            op();
        }
        let elapsed = start.elapsed().as_nanos() as f64;
        if elapsed >= SAMPLE_NS || iterations >= 1 << 24 {
            break;
        }
        iterations = (iterations * 2).max((iterations as f64 * SAMPLE_NS / elapsed.max(1.0)) as u64);
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                op();
            }
            start.elapsed().as_nanos() as f64 / iterations as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[SAMPLES / 2], iterations)
}
