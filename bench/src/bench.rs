//! The benchmarks: each operation on both paths of the backend, beside its limit.

use crate::measure::ns_per_op;
use crate::modules::{GUEST, big, consumer, provider};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyTuple};
use pyodide_runtime_layer::{bindings, js};
use std::hint::black_box;
use wasm_runtime_layer::{Engine, Extern, Func, FuncType, Imports, Instance, Module, Ref, Store, Val, ValType};

/// One line of the table: operation, path, ours (ns), limit (ns), what the limit is, target ratio, iterations.
pub type Row = (String, String, f64, f64, String, f64, u64);

unsafe extern "C" {
    fn rtlbench_add(a: i32, b: i32) -> i32;
    fn rtlbench_add64(a: i64, b: i64) -> i64;
    fn rtlbench_neg(x: f64) -> f64;
    fn rtlbench_pair(out: *mut u64);
    fn rtlbench_loop(n: i32) -> i32;
    fn rtlbench_read(offset: usize, len: usize, dst: *mut u8);
    fn rtlbench_write(offset: usize, len: usize, src: *const u8);
    fn rtlbench_compile(bytes: *const u8, len: usize);
    fn rtlbench_instantiate(which: i32);
    fn rtlbench_global_get() -> i32;
    fn rtlbench_global_set(value: i32);
    fn rtlbench_table_get(index: u32);
    fn rtlbench_table_set(index: u32);
}

/// The raw Rust function the limit guest imports.
extern "C" fn raw_host(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// Host-call loop length per measured call.
const LOOP: i32 = 1000;

type E = pyodide_runtime_layer::Engine;

/// A JS `Uint8Array` copy of `bytes`.
fn uint8array<'py>(py: Python<'py>, bytes: &[u8]) -> Result<Bound<'py, PyAny>> {
    let array = js::global_object(py, "Uint8Array")?.call_method1("new", (bytes.len(),))?;
    array.call_method1("assign", (pyo3::types::PyBytes::new(py, bytes),))?;
    Ok(array)
}

fn js_module<'py>(py: Python<'py>, wat: &str) -> Result<bindings::Module> {
    Ok(bindings::Module::new(py, &uint8array(py, &wat::parse_str(wat)?)?)?)
}

/// `{ env: { name: value, ... } }` as a JS object.
fn import_object<'py>(py: Python<'py>, entries: &[(String, Bound<'py, PyAny>)]) -> Result<Bound<'py, PyAny>> {
    let env = js::new_object(py)?;
    for (name, value) in entries {
        js::set_property(&env, name.as_str(), value)?;
    }
    let object = js::new_object(py)?;
    js::set_property(&object, "env", &env)?;
    Ok(object)
}

/// The JS side of the limits, and Python-level handles for the fallback limits.
struct Limits<'py> {
    exports: Bound<'py, PyAny>,
    python_loop: Bound<'py, PyAny>,
    add64: Bound<'py, PyAny>,
}

fn install_limits<'py>(py: Python<'py>) -> Result<Limits<'py>> {
    let module_js = py.import("pyodide_js")?.getattr("_module")?;
    let guest = js_module(py, GUEST)?;
    // The limit guest for host calls imports the raw Rust function itself.
    let table_entry = js::get_property(&module_js, "getWasmTableEntry")?;
    let raw_host_js = js::run_js(py, "(M, p) => M.getWasmTableEntry(p)")?.call1((&module_js, raw_host as *const () as usize))?;
    drop(table_entry);
    let raw = bindings::Instance::new(py, &guest, Some(&import_object(py, &[("host".into(), raw_host_js)])?))?;
    // The fallback limit: a Python callable as the import.
    let python_host = PyCFunction::new_closure(py, None, None, |args: &Bound<'_, PyTuple>, _| -> PyResult<i32> {
        Ok(args.get_item(0)?.extract::<i32>()?.wrapping_add(1))
    })?;
    let python_host = py.import("pyodide.ffi")?.getattr("create_proxy")?.call1((python_host,))?;
    let python = bindings::Instance::new(py, &guest, Some(&import_object(py, &[("host".into(), python_host)])?))?;
    let exports = raw.exports(py)?;
    // Prebuilt instantiations: 1 and 100 wasm-function imports.
    let modules = js::array_from(py, [consumer(1), consumer(100)].iter().map(|w| js_module(py, w).map(|m| m.as_js().bind(py).clone())).collect::<Result<Vec<_>>>()?)?;
    let mut objects = Vec::new();
    for n in [1, 100] {
        let provider = bindings::Instance::new(py, &js_module(py, &provider(n))?, None)?.exports(py)?;
        let entries: Vec<(String, Bound<'_, PyAny>)> =
            (0..n).map(|i| Ok((format!("f{i}"), js::get_property(&provider, format!("f{i}").as_str())?))).collect::<Result<_>>()?;
        objects.push(import_object(py, &entries)?);
    }
    let objects = js::array_from(py, objects)?;
    let raw_loop = js::get_property(&exports, "loop")?;
    js::run_js(py, include_str!("raw.js"))?.call1((&module_js, &exports, raw_loop, modules, objects))?;
    let add64 = js::run_js(py, "(f) => (a, b) => f(BigInt(a), BigInt(b))")?.call1((js::get_property(&exports, "add64")?,))?;
    Ok(Limits { python_loop: js::get_property(&python.exports(py)?, "loop")?, exports, add64 })
}

/// The backend's side: a store and an instance of the guest on one path.
struct Ours {
    store: Store<(), E>,
    instance: Instance,
    engine: Engine<E>,
}

fn ours(portable: bool) -> Result<Ours> {
    let engine = Engine::new(if portable { E::portable() } else { E::default() });
    let mut store = Store::new(&engine, ());
    let host = Func::new(&mut store, FuncType::new([ValType::I32], [ValType::I32]), |_, args, results| {
        if let Val::I32(x) = args[0] {
            results[0] = Val::I32(x.wrapping_add(1));
        }
        Ok(())
    });
    let mut imports = Imports::new();
    imports.define("env", "host", Extern::Func(host));
    let module = Module::new(&engine, &wat::parse_str(GUEST)?)?;
    let instance = Instance::new(&mut store, &module, &imports)?;
    Ok(Ours { store, instance, engine })
}

impl Ours {
    fn func(&self, name: &str) -> Result<Func> {
        self.instance.get_export(&self.store, name).and_then(Extern::into_func).with_context(|| format!("no {name}"))
    }
}

struct Table {
    rows: Vec<Row>,
}

impl Table {
    fn add(&mut self, op: &str, path: &str, (ours, iterations): (f64, u64), (limit, _): (f64, u64), what: &str, target: f64) {
        self.rows.push((op.into(), path.into(), ours, limit, what.into(), target, iterations));
    }
}

/// Runs every benchmark.
pub fn run(py: Python<'_>) -> Result<Vec<Row>> {
    let limits = install_limits(py)?;
    let mut table = Table { rows: Vec::new() };
    for portable in [false, true] {
        let path = if portable { "portable" } else { "fast" };
        let mut o = ours(portable)?;
        calls(py, &mut table, &mut o, &limits, path, portable)?;
        host_calls(&mut table, &mut o, &limits, path, portable)?;
        memory(py, &mut table, &mut o, &limits, path, portable)?;
        globals_tables(py, &mut table, &mut o, &limits, path, portable)?;
        module_instance(&mut table, &o.engine, path, portable)?;
    }
    Ok(table.rows)
}

fn calls(py: Python<'_>, t: &mut Table, o: &mut Ours, l: &Limits<'_>, path: &str, portable: bool) -> Result<()> {
    let (raw_what, target2, target3) = if portable {
        ("hand-written PyO3 call of the export", 1.25, 1.5)
    } else {
        ("raw direct import call of the export", 2.5, 3.0)
    };
    let add = o.func("add")?;
    let mut out = [Val::I32(0)];
    let ours = ns_per_op(|| add.call(&mut o.store, &[Val::I32(1), Val::I32(2)], &mut out).unwrap_or(()));
    let add_js = js::get_property(&l.exports, "add")?;
    let limit = if portable {
        ns_per_op(|| drop(black_box(add_js.call1((1, 2)).and_then(|r| r.extract::<i32>()))))
    } else {
        ns_per_op(|| { black_box(unsafe { rtlbench_add(black_box(1), 2) }); })
    };
    t.add("Func::call (i32,i32)->i32", path, ours, limit, raw_what, target2);

    let add64 = o.func("add64")?;
    let mut out = [Val::I64(0)];
    let ours = ns_per_op(|| add64.call(&mut o.store, &[Val::I64(1 << 40), Val::I64(2)], &mut out).unwrap_or(()));
    let limit = if portable {
        ns_per_op(|| drop(black_box(l.add64.call1((1i64 << 40, 2)).and_then(|r| r.extract::<i64>()))))
    } else {
        ns_per_op(|| { black_box(unsafe { rtlbench_add64(black_box(1 << 40), 2) }); })
    };
    t.add("Func::call (i64,i64)->i64", path, ours, limit, raw_what, target2);

    let neg = o.func("neg")?;
    let mut out = [Val::F64(0.0)];
    let ours = ns_per_op(|| neg.call(&mut o.store, &[Val::F64(1.5)], &mut out).unwrap_or(()));
    let neg_js = js::get_property(&l.exports, "neg")?;
    let limit = if portable {
        ns_per_op(|| drop(black_box(neg_js.call1((1.5,)).and_then(|r| r.extract::<f64>()))))
    } else {
        ns_per_op(|| { black_box(unsafe { rtlbench_neg(black_box(1.5)) }); })
    };
    t.add("Func::call (f64)->f64", path, ours, limit, raw_what, target2);

    let pair = o.func("pair")?;
    let mut out = [Val::I32(0), Val::I64(0)];
    let ours = ns_per_op(|| pair.call(&mut o.store, &[], &mut out).unwrap_or(()));
    let pair_js = js::get_property(&l.exports, "pair")?;
    let limit = if portable {
        ns_per_op(|| {
            let r = pair_js.call0().and_then(|r| Ok((r.get_item(0)?.extract::<i32>()?, r.get_item(1)?.extract::<i64>()?)));
            drop(black_box(r));
        })
    } else {
        let mut slots = [0u64; 2];
        ns_per_op(|| unsafe { rtlbench_pair(black_box(slots.as_mut_ptr())) })
    };
    t.add("Func::call ()->(i32,i64)", path, ours, limit, raw_what, target3);
    let _ = py;
    Ok(())
}

fn host_calls(t: &mut Table, o: &mut Ours, l: &Limits<'_>, path: &str, portable: bool) -> Result<()> {
    let looped = o.func("loop")?;
    let mut out = [Val::I32(0)];
    let (ours, n) = ns_per_op(|| looped.call(&mut o.store, &[Val::I32(LOOP)], &mut out).unwrap_or(()));
    let (limit, m) = if portable {
        ns_per_op(|| drop(black_box(l.python_loop.call1((LOOP,)))))
    } else {
        ns_per_op(|| { black_box(unsafe { rtlbench_loop(black_box(LOOP)) }); })
    };
    let (what, target) = if portable { ("the guest calling a Python callable import", 1.25) } else { ("the guest calling a raw Rust function import", 2.5) };
    let per = |x: f64| x / f64::from(LOOP);
    t.add("host function called from Wasm", path, (per(ours), n * LOOP as u64), (per(limit), m * LOOP as u64), what, target);
    Ok(())
}

/// A hand-written PyO3 copy between a guest memory and Rust memory: a
/// `Uint8Array` view and one `assign_to`/`assign` with a memoryview (the best
/// Pyodide's public FFI allows).
fn pyo3_copy(py: Python<'_>, mem: &Bound<'_, PyAny>, offset: usize, bytes: &mut [u8], read: bool) -> PyResult<()> {
    let view = js::global_object(py, "Uint8Array")?.call_method1("new", (js::get_property(mem, "buffer")?, offset, bytes.len()))?;
    // SAFETY: the memoryview lives only for this copy.
    let mv = unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyMemoryView_FromMemory(bytes.as_mut_ptr().cast(), bytes.len() as isize, pyo3::ffi::PyBUF_WRITE),
        )?
    };
    view.call_method1(if read { "assign_to" } else { "assign" }, (&mv,))?;
    mv.call_method0("release").map(drop)
}

fn memory(py: Python<'_>, t: &mut Table, o: &mut Ours, l: &Limits<'_>, path: &str, portable: bool) -> Result<()> {
    let mem = o.instance.get_export(&o.store, "mem").and_then(Extern::into_memory).context("no mem")?;
    let mem_js = js::get_property(&l.exports, "mem")?;
    let (target_small, what_small) =
        if portable { (1.5, "a hand-written PyO3 copy (Uint8Array view + assign_to/assign)") } else { (2.0, "a raw direct copy") };
    let what_big = if portable { "a hand-written PyO3 copy (Uint8Array view + assign_to/assign)" } else { "one HEAPU8.set copy" };
    for (label, len, target, what) in [("8 B", 8usize, target_small, what_small), ("1 MiB", 1 << 20, 1.25, what_big)] {
        let mut buffer = vec![0u8; len];
        let ours = ns_per_op(|| mem.read(&o.store, 64, &mut buffer).unwrap_or(()));
        let limit = if portable {
            ns_per_op(|| pyo3_copy(py, &mem_js, 64, &mut buffer, true).unwrap_or(()))
        } else {
            ns_per_op(|| unsafe { rtlbench_read(64, len, black_box(buffer.as_mut_ptr())) })
        };
        t.add(&format!("Memory::read {label}"), path, ours, limit, what, target);
        let ours = ns_per_op(|| mem.write(&mut o.store, 64, &buffer).unwrap_or(()));
        let limit = if portable {
            ns_per_op(|| pyo3_copy(py, &mem_js, 64, &mut buffer, false).unwrap_or(()))
        } else {
            ns_per_op(|| unsafe { rtlbench_write(64, len, black_box(buffer.as_ptr())) })
        };
        t.add(&format!("Memory::write {label}"), path, ours, limit, what, target);
    }
    Ok(())
}

fn globals_tables(py: Python<'_>, t: &mut Table, o: &mut Ours, l: &Limits<'_>, path: &str, portable: bool) -> Result<()> {
    let (target, what) = if portable { (1.5, "hand-written PyO3 access (one JS call)") } else { (2.5, "raw direct access") };
    let g_js = js::get_property(&l.exports, "g")?;
    let t_js = js::get_property(&l.exports, "t")?;
    let add_js = js::get_property(&l.exports, "add")?;
    let int = |n: u32| n.into_pyobject(py).map(|v| v.into_any()).ok();
    let g = o.instance.get_export(&o.store, "g").and_then(Extern::into_global).context("no g")?;
    let ours = ns_per_op(|| drop(black_box(g.get(&mut o.store))));
    let limit = if portable {
        ns_per_op(|| drop(black_box(js::get_property(&g_js, "value").and_then(|v| v.extract::<i32>()))))
    } else {
        ns_per_op(|| { black_box(unsafe { rtlbench_global_get() }); })
    };
    t.add("Global::get i32", path, ours, limit, what, target);
    let ours = ns_per_op(|| g.set(&mut o.store, Val::I32(7)).unwrap_or(()));
    let limit = if portable {
        ns_per_op(|| drop(black_box(int(7).map(|v| js::set_property(&g_js, "value", &v)))))
    } else {
        ns_per_op(|| unsafe { rtlbench_global_set(black_box(7)) })
    };
    t.add("Global::set i32", path, ours, limit, what, target);
    let table = o.instance.get_export(&o.store, "t").and_then(Extern::into_table).context("no t")?;
    let ours = ns_per_op(|| drop(black_box(table.get(&mut o.store, 0))));
    let limit = if portable {
        ns_per_op(|| drop(black_box(js::call_method(&t_js, "get", &[int(0)]))))
    } else {
        ns_per_op(|| unsafe { rtlbench_table_get(black_box(0)) })
    };
    t.add("Table::get funcref", path, ours, limit, what, target);
    let add = o.func("add")?;
    let ours = ns_per_op(|| table.set(&mut o.store, 1, Ref::FuncRef(Some(add.clone()))).unwrap_or(()));
    let limit = if portable {
        ns_per_op(|| drop(black_box(js::call_method(&t_js, "set", &[int(1), Some(add_js.clone())]))))
    } else {
        ns_per_op(|| unsafe { rtlbench_table_set(black_box(1)) })
    };
    t.add("Table::set funcref", path, ours, limit, what, target);
    Ok(())
}

fn module_instance(t: &mut Table, engine: &Engine<E>, path: &str, portable: bool) -> Result<()> {
    let bytes = big(10 << 20);
    let ours = ns_per_op(|| drop(black_box(Module::new(engine, &bytes))));
    let limit = ns_per_op(|| unsafe { rtlbench_compile(bytes.as_ptr(), bytes.len()) });
    t.add("Module::new 10 MiB", path, ours, limit, "new WebAssembly.Module over a view of Rust memory", 1.1);
    for (k, n) in [(0, 1usize), (1, 100)] {
        let mut store = Store::new(engine, ());
        let provider = Instance::new(&mut store, &Module::new(engine, &wat::parse_str(provider(n))?)?, &Imports::new())?;
        let mut imports = Imports::new();
        for i in 0..n {
            let f = provider.get_export(&store, &format!("f{i}")).context("no provider export")?;
            imports.define("env", &format!("f{i}"), f);
        }
        let module = Module::new(engine, &wat::parse_str(consumer(n))?)?;
        let ours = ns_per_op(|| drop(black_box(Instance::new(&mut store, &module, &imports))));
        let limit = ns_per_op(|| unsafe { rtlbench_instantiate(black_box(k)) });
        let target = if portable { 2.0 } else { 1.5 };
        t.add(&format!("Instance::new ({n} import{})", if n == 1 { "" } else { "s" }), path, ours, limit, "new WebAssembly.Instance with a prebuilt import object", target);
    }
    Ok(())
}
