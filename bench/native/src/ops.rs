//! Every operation of the Pyodide bench's results table, natively: the same
//! `wasm_runtime_layer` calls with the same arguments, modules, sizes and
//! offsets as the `ours` members of bench/src/bench.rs, under the same op
//! names (the report matches rows by them), each timed in a group of its own.
//! A failing operation panics instead of being timed.

use crate::guest::Guest;
use crate::instantiation::Instantiation;
use crate::measure::{Measured, Member, group, group_with};
use crate::modules::{big, many_functions};
use anyhow::{Context, Result, ensure};
use std::hint::black_box;
use wasm_runtime_layer::{Module, Ref, Val};

/// Host calls per measured call of the guest's loop (as in the Pyodide bench).
const LOOP: i32 = 1000;

/// One operation, measured (its label is the op name, as in the Pyodide
/// bench's table).
pub struct Op {
    /// Operations per measured call (the host-call loop makes [`LOOP`]).
    pub per_call: u32,
    /// Iterations per sample and ns per measured call in each round.
    pub measured: Measured,
}

impl Op {
    /// ns per operation in each round.
    fn samples(&self) -> Vec<f64> {
        self.measured.samples.iter().map(|ns| ns / f64::from(self.per_call)).collect()
    }

    /// The median ns per operation over the rounds.
    pub fn median_ns(&self) -> f64 {
        let mut samples = self.samples();
        samples.sort_by(f64::total_cmp);
        let mid = samples.len() / 2;
        if samples.len() % 2 == 1 { samples[mid] } else { (samples[mid - 1] + samples[mid]) / 2.0 }
    }

    /// `{"op", "ns" (median per operation), "iterations" (measured calls per
    /// sample), "operations_per_call", "samples" (ns per operation)}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "op": self.measured.label,
            "ns": self.median_ns(),
            "iterations": self.measured.iterations,
            "operations_per_call": self.per_call,
            "samples": self.samples(),
        })
    }
}

/// Times `op` in a group of its own.
fn measure(name: &str, per_call: u32, op: impl FnMut()) -> Op {
    let measured = group(vec![Member::new(name, op)]).pop().expect("a group of one member measures it");
    Op { per_call, measured }
}

/// Rounds for an operation that takes seconds natively (a Cranelift compile
/// of the bench's many-functions module: 3.5 s here), one operation per sample.
const SLOW_ROUNDS: usize = 5;

/// [`measure`] for such an operation.
fn measure_slow(name: &str, op: impl FnMut()) -> Op {
    let measured = group_with(vec![Member::new(name, op)], SLOW_ROUNDS, 1).pop().expect("a group of one member measures it");
    Op { per_call: 1, measured }
}

/// Measures every operation, in the order of the Pyodide bench's table.
pub fn run() -> Result<Vec<Op>> {
    let mut guest = Guest::new()?;
    let mut ops = Vec::new();
    calls(&mut guest, &mut ops)?;
    host_calls(&mut guest, &mut ops)?;
    memory(&mut guest, &mut ops)?;
    globals_tables(&mut guest, &mut ops)?;
    modules_instances(&guest, &mut ops)?;
    Ok(ops)
}

/// `Func::call` of each signature, with the bench's arguments.
fn calls(g: &mut Guest, ops: &mut Vec<Op>) -> Result<()> {
    ops.push(call(g, "Func::call (i32,i32)->i32", "add", [Val::I32(1), Val::I32(2)], [Val::I32(0)])?);
    ops.push(call(g, "Func::call (i64,i64)->i64", "add64", [Val::I64(1 << 40), Val::I64(2)], [Val::I64(0)])?);
    ops.push(call(g, "Func::call (f64)->f64", "neg", [Val::F64(1.5)], [Val::F64(0.0)])?);
    ops.push(call(g, "Func::call ()->(i32,i64)", "pair", [], [Val::I32(0), Val::I64(0)])?);
    Ok(())
}

/// `Func::call` of the export `export` with `args`, into a results array
/// made per call like `results` (arrays on the stack, as the bench makes them).
fn call<const A: usize, const R: usize>(g: &mut Guest, name: &str, export: &str, args: [Val; A], results: [Val; R]) -> Result<Op> {
    let f = g.func(export)?;
    let store = &mut g.store;
    f.call(&mut *store, &args, &mut results.clone()).with_context(|| format!("{name} fails"))?;
    Ok(measure(name, 1, || {
        let mut r = results.clone();
        f.call(&mut *store, black_box(&args), &mut r).expect("the call succeeds");
        black_box(r);
    }))
}

/// The guest's loop calling the host function [`LOOP`] times: ns per host call.
fn host_calls(g: &mut Guest, ops: &mut Vec<Op>) -> Result<()> {
    let looped = g.func("loop")?;
    let store = &mut g.store;
    let mut r = [Val::I32(0)];
    looped.call(&mut *store, &[Val::I32(LOOP)], &mut r)?;
    ensure!(matches!(r[0], Val::I32(LOOP)), "the loop made {:?} host calls", r[0]);
    ops.push(measure("host function called from Wasm", LOOP as u32, || {
        let mut r = [Val::I32(0)];
        looped.call(&mut *store, &[Val::I32(black_box(LOOP))], &mut r).expect("the loop runs");
        black_box(r);
    }));
    Ok(())
}

/// `Memory::read`/`write` of 8 B and 1 MiB at offset 64.
fn memory(g: &mut Guest, ops: &mut Vec<Op>) -> Result<()> {
    let mem = g.export("mem")?.into_memory().context("no mem")?;
    for (label, len) in [("8 B", 8usize), ("1 MiB", 1 << 20)] {
        for read in [true, false] {
            let name = format!("Memory::{} {label}", if read { "read" } else { "write" });
            let (mem, store) = (&mem, &mut g.store);
            let mut buffer = vec![1u8; len];
            if read {
                mem.read(&*store, 64, &mut buffer)?;
            } else {
                mem.write(&mut *store, 64, &buffer)?;
            }
            ops.push(measure(&name, 1, || {
                if read {
                    mem.read(&*store, 64, black_box(&mut buffer)).expect("in bounds");
                } else {
                    mem.write(&mut *store, 64, black_box(&buffer)).expect("in bounds");
                }
            }));
        }
    }
    Ok(())
}

/// `Global::get`/`set` of the guest's i32 global, `Table::get`/`set` of its
/// funcref table (reading slot 0, writing the `add` function to slot 1).
fn globals_tables(g: &mut Guest, ops: &mut Vec<Op>) -> Result<()> {
    let global = g.export("g")?.into_global().context("no g")?;
    let table = g.export("t")?.into_table().context("no t")?;
    let add = g.func("add")?;
    let store = &mut g.store;
    global.set(&mut *store, Val::I32(7))?;
    table.set(&mut *store, 1, Ref::FuncRef(Some(add.clone())))?;
    ensure!(matches!(table.get(&mut *store, 0), Some(Ref::FuncRef(Some(_)))), "slot 0 holds no function");
    ops.push(measure("Global::get i32", 1, || drop(black_box(global.get(&mut *store)))));
    ops.push(measure("Global::set i32", 1, || global.set(&mut *store, black_box(Val::I32(7))).expect("an i32 global")));
    ops.push(measure("Table::get funcref", 1, || drop(black_box(table.get(&mut *store, black_box(0))))));
    ops.push(measure("Table::set funcref", 1, || {
        table.set(&mut *store, black_box(1), Ref::FuncRef(Some(add.clone()))).expect("in bounds");
    }));
    Ok(())
}

/// `Module::new` of the bench's two big modules (a real Cranelift compile
/// here), then `Instance::new` of a consumer of 1 and of 100 imports.
fn modules_instances(g: &Guest, ops: &mut Vec<Op>) -> Result<()> {
    let engine = &g.engine;
    for (name, bytes) in [("Module::new 10 MiB", big(10 << 20)), ("Module::new 1 MiB many functions", many_functions(1 << 20))] {
        Module::new(engine, &bytes).with_context(|| format!("{name} fails"))?;
        ops.push(measure_slow(name, || drop(black_box(Module::new(engine, black_box(&bytes)).expect("it compiles")))));
    }
    for n in [1usize, 100] {
        let name = format!("Instance::new ({n} import{})", if n == 1 { "" } else { "s" });
        let mut instantiation = Instantiation::new(engine, n)?;
        instantiation.instantiate().with_context(|| format!("{name} fails"))?;
        ops.push(measure(&name, 1, || drop(black_box(instantiation.instantiate().expect("it instantiates")))));
    }
    Ok(())
}
