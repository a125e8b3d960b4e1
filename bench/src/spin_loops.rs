//! Hot loops for a profiler: `rtl_bench.spin(op, n)` repeats one fast-path
//! operation `n` times and nothing else, so that a JS engine's sampling
//! profiler (e.g. `node --cpu-prof`) sees only that operation's frames.

use crate::bench::{Direct, Ours, c, cx, direct, ours};
use crate::modules;
use pyodide_runtime_layer::{Instance, Module};
use wasm_runtime_layer::backend::{Extern, Imports, WasmInstance as _, WasmMemory as _, WasmModule as _, WasmStore as _};
use anyhow::{Result, bail};
use std::hint::black_box;
use wasm_runtime_layer::backend::{WasmFunc as _, Val as BVal};
use wasm_runtime_layer::Val;

/// The operations [`spin`] knows, for its error message.
const OPS: &str = "call, call-backend, host, host-backend, table-get, instance-100, read8, write8, read8-backend, global-get, global-set, portable-f64, portable-i32, portable-table-get";

/// Runs `op` `n` times (on the fast path, but for the `portable-` ones).
pub fn spin(op: &str, n: u64) -> Result<()> {
    let (mut o, mut d): (Ours, Direct) = (ours(false)?, direct(false)?);
    match op {
        "call" => {
            let add = o.func("add")?;
            for _ in 0..n {
                let mut r = [Val::I32(0)];
                add.call(&mut o.store, &[Val::I32(1), Val::I32(2)], &mut r)?;
                black_box(r);
            }
        }
        "call-backend" => {
            let add = d.func("add")?;
            for _ in 0..n {
                let mut r = [BVal::I32(0)];
                add.call::<()>(cx(&mut d.store), &[BVal::I32(1), BVal::I32(2)], &mut r)?;
                black_box(r);
            }
        }
        "host" | "host-backend" => {
            let backend = op == "host-backend";
            let (looped, dlooped) = (o.func("loop")?, d.func("loop")?);
            for _ in 0..n.div_ceil(1000) {
                if backend {
                    dlooped.call::<()>(cx(&mut d.store), &[BVal::I32(1000)], &mut [BVal::I32(0)])?;
                } else {
                    looped.call(&mut o.store, &[Val::I32(1000)], &mut [Val::I32(0)])?;
                }
            }
        }
        "table-get" => {
            let table = o.export("t")?.into_table().ok_or_else(|| anyhow::anyhow!("no table t"))?;
            for _ in 0..n {
                black_box(table.get(&mut o.store, 0));
            }
        }
        "read8" | "write8" => {
            let mem = o.export("mem")?.into_memory().ok_or_else(|| anyhow::anyhow!("no memory mem"))?;
            let mut bytes = [7u8; 8];
            for _ in 0..n {
                if op == "read8" {
                    mem.read(&o.store, 64, &mut bytes)?;
                } else {
                    mem.write(&mut o.store, 64, &bytes)?;
                }
                black_box(&mut bytes);
            }
        }
        "read8-backend" => {
            let mem = d.instance.get_export(c(&d.store), "mem").and_then(Extern::into_memory).ok_or_else(|| anyhow::anyhow!("no memory mem"))?;
            let mut bytes = [7u8; 8];
            for _ in 0..n {
                mem.read(c(&d.store), 64, &mut bytes)?;
                black_box(&mut bytes);
            }
        }
        "global-get" | "global-set" => {
            let g = o.export("g")?.into_global().ok_or_else(|| anyhow::anyhow!("no global g"))?;
            for i in 0..n {
                if op == "global-get" {
                    black_box(g.get(&mut o.store));
                } else {
                    g.set(&mut o.store, Val::I32(i as i32))?;
                }
            }
        }
        "portable-f64" | "portable-i32" => {
            let p = ours(true)?;
            let mut store = p.store;
            let (name, arg) = if op == "portable-f64" { ("neg", Val::F64(1.5)) } else { ("add", Val::I32(1)) };
            let f = p.instance.get_export(&store, name).and_then(wasm_runtime_layer::Extern::into_func).ok_or_else(|| anyhow::anyhow!("no {name}"))?;
            let args = if op == "portable-f64" { vec![arg] } else { vec![arg.clone(), arg] };
            for _ in 0..n {
                let mut r = [Val::I32(0)];
                f.call(&mut store, &args, &mut r)?;
                black_box(r);
            }
        }
        "portable-table-get" => {
            let p = ours(true)?;
            let mut store = p.store;
            let table = p.instance.get_export(&store, "t").and_then(wasm_runtime_layer::Extern::into_table).ok_or_else(|| anyhow::anyhow!("no table t"))?;
            for _ in 0..n {
                black_box(table.get(&mut store, 0));
            }
        }
        "instance-100" => {
            let mut store = pyodide_runtime_layer::Store::new(&d.engine, ());
            let provider = Module::new(&d.engine, &wat::parse_str(modules::provider(100))?)?;
            let provider = Instance::new(cx(&mut store), &provider, &Imports::new())?;
            let mut imports = Imports::new();
            for i in 0..100 {
                let name = format!("f{i}");
                let f = provider.get_export(c(&store), &name).ok_or_else(|| anyhow::anyhow!("no export {name}"))?;
                imports.define("env", &name, f);
            }
            let consumer = Module::new(&d.engine, &wat::parse_str(modules::consumer(100))?)?;
            for _ in 0..n {
                black_box(Instance::new(cx(&mut store), &consumer, &imports)?);
            }
        }
        other => bail!("unknown operation `{other}` (one of: {OPS})"),
    }
    Ok(())
}
