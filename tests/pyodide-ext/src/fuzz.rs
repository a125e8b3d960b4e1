//! Mutation fuzzing of `Module::new`: every byte string gives `Ok` or `Err`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use conformance::mutation::{XorShift, mutate};
use wasm_runtime_layer::{Engine, Module};

/// Valid modules the mutations start from, covering every section kind.
const SEEDS: &[&str] = &[
    r#"(module
        (type $t (func (param i32 i64) (result f64)))
        (import "env" "f" (func (type $t)))
        (import "env" "m" (memory 1 2))
        (import "env" "g" (global (mut i32)))
        (import "env" "t" (table 1 funcref))
        (func $own (export "own") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
        (table (export "tab") 2 externref)
        (global (export "glob") f32 (f32.const 1.5))
        (elem (table 0) (i32.const 0) func $own)
        (data (memory 0) (i32.const 8) "hello")
        (start $s) (func $s))"#,
    r#"(module
        (memory (export "memory") 1)
        (func (export "sum") (param $n i32) (result i64) (local $acc i64)
          (block $done (loop $next
            (br_if $done (i32.eqz (local.get $n)))
            (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n))))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br $next)))
          (local.get $acc)))"#,
    r#"(module
        (tag $e (param i32))
        (func (export "throw") (throw $e (i32.const 7)))
        (func (export "multi") (result i32 i64 f32 f64)
          i32.const 1 i64.const 2 f32.const 3 f64.const 4))"#,
];

/// How `Module::new` answered the mutated inputs.
#[derive(Debug, Default)]
pub struct Tally {
    /// Inputs that compiled.
    pub ok: usize,
    /// Inputs rejected with an error.
    pub err: usize,
    /// Inputs that panicked (must stay 0), with the first message.
    pub panics: usize,
    /// The first panic's message.
    pub first_panic: Option<String>,
}

/// Feeds `count` mutated modules to `Module::new` on `engine`.
pub fn fuzz<E: wasm_runtime_layer::backend::WasmEngine>(engine: &Engine<E>, seed: u64, count: usize) -> Tally {
    let seeds: Vec<Vec<u8>> = SEEDS.iter().filter_map(|s| wat::parse_str(s).ok()).collect();
    let mut rng = XorShift(seed | 1);
    let mut tally = Tally::default();
    for _ in 0..count {
        let mut bytes = seeds[rng.below(seeds.len())].clone();
        for _ in 0..=rng.below(4) {
            mutate(&mut rng, &mut bytes);
        }
        match catch_unwind(AssertUnwindSafe(|| {
            Module::new(engine, &bytes).map(|m| (m.imports(engine).count(), m.exports(engine).count()))
        })) {
            Ok(Ok(_)) => tally.ok += 1,
            Ok(Err(_)) => tally.err += 1,
            Err(panic) => {
                tally.panics += 1;
                if tally.first_panic.is_none() {
                    tally.first_panic = Some(conformance::panic_message(panic.as_ref()));
                }
            }
        }
    }
    tally
}
