//! Small pieces of the ordinary Rust work a `wasm_runtime_layer` call does
//! (the frontend's value conversions, a thread-local access, an `Arc` clone,
//! a heap allocation, a dynamic call), each a loop of `n` rounds that returns
//! a checksum so that nothing is optimized away.
//!
//! `cargo xtask bench` times them three ways: inside the Pyodide side module
//! (`bench/`, which links this crate), as a plain non-PIC Wasm module in the
//! same engine (this crate as a `wasm32-unknown-unknown` cdylib, the
//! `kernel_*` exports), and natively (`rtl-kernels-native`).

use std::cell::Cell;
use std::hint::black_box;
use std::sync::Arc;

use smallvec::SmallVec;

/// A value like `wasm_runtime_layer::Value`: numbers, or a reference.
#[derive(Clone, Debug)]
pub enum Value {
    /// A 32-bit integer.
    I32(i32),
    /// A 64-bit integer.
    I64(i64),
    /// A 32-bit float.
    F32(f32),
    /// A 64-bit float.
    F64(f64),
    /// A reference (an `Arc`, as the frontend's `Func` and `ExternRef` are).
    Ref(Option<Arc<u64>>),
}

/// The frontend's argument and result conversions of a call `(i32, i32) -> i32`:
/// two small vectors of values built, converted and read back.
pub fn smallvec_values(n: u32) -> u64 {
    let mut sum = 0u64;
    for i in 0..n {
        let args: SmallVec<[Value; 4]> = [Value::I32(i as i32), Value::I32(2)].into_iter().collect();
        let converted: SmallVec<[Value; 4]> = black_box(&args).iter().cloned().collect();
        let mut results: SmallVec<[Value; 4]> = SmallVec::new();
        results.push(match (&converted[0], &converted[1]) {
            (Value::I32(a), Value::I32(b)) => Value::I32(a.wrapping_add(*b)),
            _ => Value::I32(0),
        });
        if let Value::I32(r) = black_box(&results)[0] {
            sum = sum.wrapping_add(r as u64);
        }
    }
    sum
}

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
}

/// One thread-local read and write per round.
pub fn thread_local_access(n: u32) -> u64 {
    for _ in 0..n {
        COUNTER.with(|c| c.set(black_box(c.get()).wrapping_add(1)));
    }
    COUNTER.with(Cell::get)
}

/// One `Arc` clone and drop per round.
pub fn arc_clone(n: u32) -> u64 {
    let shared = Arc::new(7u64);
    let mut sum = 0u64;
    for _ in 0..n {
        let copy = black_box(Arc::clone(&shared));
        sum = sum.wrapping_add(*copy);
    }
    sum
}

/// One small heap allocation and free per round.
pub fn box_alloc(n: u32) -> u64 {
    let mut sum = 0u64;
    for i in 0..n {
        let boxed = black_box(Box::new(u64::from(i)));
        sum = sum.wrapping_add(*boxed);
    }
    sum
}

/// One call through a `dyn Fn` per round.
pub fn dyn_call(n: u32) -> u64 {
    let add: &dyn Fn(u64) -> u64 = black_box(&|x| x.wrapping_add(3));
    let mut sum = 0u64;
    for _ in 0..n {
        sum = add(sum);
    }
    sum
}

/// A kernel: `n` rounds in, a checksum out.
pub type Kernel = fn(u32) -> u64;

/// Every kernel by name, in table order.
pub const KERNELS: [(&str, Kernel); 5] = [
    ("SmallVec round trip of two values (the frontend's conversions)", smallvec_values),
    ("thread-local read and write", thread_local_access),
    ("Arc clone and drop", arc_clone),
    ("Box allocation and free (8 B)", box_alloc),
    ("call through &dyn Fn", dyn_call),
];

/// `kernel`'s time per round in ns: the best of `runs` runs of `rounds`
/// rounds, on `std::time::Instant` (the side module and native; the plain
/// Wasm module has no clock and is timed from JS).
pub fn best_ns_per_round(kernel: Kernel, rounds: u32, runs: usize) -> f64 {
    (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            black_box(kernel(rounds));
            start.elapsed().as_nanos() as f64 / f64::from(rounds)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Runs kernel `index` for `n` rounds (the plain Wasm module's export; the
/// other hosts call [`KERNELS`] directly).
#[unsafe(no_mangle)]
pub extern "C" fn kernel_run(index: u32, n: u32) -> u64 {
    KERNELS.get(index as usize).map_or(0, |(_, kernel)| kernel(n))
}
