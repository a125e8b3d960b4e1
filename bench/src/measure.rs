//! Timing: a group of operations (ours, its limit, and the sub-steps that
//! explain the difference) sampled in interleaved rounds after a warm-up, so
//! that the machine's drift and noise hit every member of a group alike.

use std::time::Instant;

/// Rounds per group: each round takes one sample of every member.
pub const ROUNDS: usize = 31;
/// The shortest sample (repeated calls), far above the timer's resolution.
pub const SAMPLE_NS: f64 = 2_000_000.0;
/// The fewest operations per sample (slow ones make samples longer instead).
pub const MIN_ITERATIONS: u64 = 4;
/// How long each member runs before measuring, so the JS engine's optimizing
/// tiers have kicked in.
pub const WARM_UP_NS: f64 = 30_000_000.0;

/// One member of a group.
pub struct Member<'a> {
    pub label: String,
    op: Box<dyn FnMut() + 'a>,
}

impl<'a> Member<'a> {
    pub fn new(label: impl Into<String>, op: impl FnMut() + 'a) -> Self {
        Self { label: label.into(), op: Box::new(op) }
    }
}

/// What was measured of one member: ns per operation in each round.
pub struct Measured {
    pub label: String,
    pub iterations: u64,
    pub samples: Vec<f64>,
}

fn sample(op: &mut dyn FnMut(), iterations: u64) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        op();
    }
    start.elapsed().as_nanos() as f64
}

/// Warms `op` up and returns the iterations that fill a sample, from the
/// fastest of three trial runs (one slow trial must not shrink the samples),
/// at least `min_iterations`.
fn calibrate(op: &mut dyn FnMut(), min_iterations: u64) -> u64 {
    let warm_up = Instant::now();
    let mut calls = 0u32;
    while (warm_up.elapsed().as_nanos() as f64) < WARM_UP_NS || calls < 3 {
        op();
        calls += 1;
    }
    let mut n = 1u64;
    while sample(op, n) < SAMPLE_NS / 10.0 && n < 1 << 26 {
        n *= 2;
    }
    let fastest = (0..3).map(|_| sample(op, n) / n as f64).fold(f64::INFINITY, f64::min);
    ((SAMPLE_NS / fastest.max(1e-3)).ceil() as u64).clamp(min_iterations, 1 << 28)
}

/// Measures every member: warm-up and calibration each, then [`ROUNDS`]
/// rounds, each sampling every member once, in a shuffled order.
pub fn group(members: Vec<Member<'_>>) -> Vec<Measured> {
    group_with(members, ROUNDS, MIN_ITERATIONS)
}

/// [`group`] with `rounds` rounds and at least `min_iterations` operations
/// per sample (fewer for operations that take seconds).
pub fn group_with(mut members: Vec<Member<'_>>, rounds: usize, min_iterations: u64) -> Vec<Measured> {
    let iterations: Vec<u64> = members.iter_mut().map(|m| calibrate(&mut m.op, min_iterations)).collect();
    let n = members.len();
    let mut samples = vec![Vec::with_capacity(rounds); n];
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..rounds {
        // A fresh order every round: no member always follows the same one
        // (what one leaves behind, e.g. garbage to collect, lands on the next).
        for k in (1..n).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &i in &order {
            let ns = sample(&mut members[i].op, iterations[i]);
            samples[i].push(ns / iterations[i] as f64);
        }
    }
    members
        .into_iter()
        .zip(iterations)
        .zip(samples)
        .map(|((m, iterations), samples)| Measured { label: m.label, iterations, samples })
        .collect()
}

/// The timer: its smallest observed step and the cost of reading it (ns).
pub fn timer() -> (f64, f64) {
    let mut step = f64::INFINITY;
    for _ in 0..200 {
        let a = Instant::now();
        let mut b = Instant::now();
        while b == a {
            b = Instant::now();
        }
        step = step.min((b - a).as_nanos() as f64);
    }
    let start = Instant::now();
    let mut last = start;
    for _ in 0..100_000 {
        last = std::hint::black_box(Instant::now());
    }
    let cost = (last - start).as_nanos() as f64 / 100_000.0;
    (step, cost)
}
