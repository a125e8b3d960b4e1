//! The benchmarks: each operation on both paths of the backend, beside its
//! limit and the sub-steps that explain the difference, all measured in one
//! interleaved group (see `measure.rs`).

use crate::measure::{Measured, Member, group};
use crate::modules::{FLOOR_THUNK, GUEST, big, consumer, instantiate_guest, many_functions, provider};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyList, PyTuple};
use pyodide_runtime_layer::{bindings, boundary::fast_abi, js};
use smallvec::SmallVec;
use std::hint::black_box;
use wasm_runtime_layer::backend::{self as be, WasmFunc as _, WasmInstance as _, WasmModule as _, WasmStore as _};
use wasm_runtime_layer::{Engine, Extern, Func, FuncType, Imports, Instance, Module, Ref, Store, Val, ValType};

type E = pyodide_runtime_layer::Engine;
type BVal = be::Val<E>;

unsafe extern "C" {
    // The limits (raw.js).
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
    // Probes (raw.js).
    fn rtlbench_floor_loop(n: i32) -> i32;
    fn rtlbench_frame_add(a: i32, b: i32) -> i32;
}

/// The raw Rust function the limit guest imports.
extern "C" fn raw_host(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// The bare trampoline behind the floor thunk: one i32 slot in, one out.
extern "C" fn floor_trampoline(_id: u32, args: *const u64, results: *mut u64) -> i32 {
    // SAFETY: the thunk passes one argument slot and one result slot.
    unsafe { results.cast::<i32>().write(args.cast::<i32>().read().wrapping_add(1)) };
    0
}

/// Host calls per measured call of the guest's loop.
const LOOP: i32 = 1000;

/// One table row: ours, its limit, maybe a second limit, then sub-steps.
struct Row<'a> {
    op: String,
    path: &'static str,
    target: f64,
    throughput: bool,
    what: &'static str,
    other: Option<&'static str>,
    /// Operations per measured call (the host-call loop makes many).
    scale: f64,
    members: Vec<Member<'a>>,
}

/// A JS `WebAssembly.Module` compiled from `bytes`.
fn js_module<'py>(py: Python<'py>, bytes: &[u8]) -> Result<Bound<'py, PyAny>> {
    let array = js::global_object(py, "Uint8Array")?.call_method1("new", (bytes.len(),))?;
    array.call_method1("assign", (pyo3::types::PyBytes::new(py, bytes),))?;
    Ok(bindings::Module::new(py, &array, None)?.as_js().bind(py).clone())
}

/// The fast runtime's handles for the probes (see raw.js).
struct FastHandles {
    add: (u32, u32),
    add64: (u32, u32),
    neg: (u32, u32),
    pair: (u32, u32),
    mem: u32,
    global: u32,
    table: u32,
    consumers: [u32; 2],
    imports: [Vec<u32>; 2],
}

/// The JS side of the limits and probes.
struct Limits<'py> {
    exports: Bound<'py, PyAny>,
    python_loop: Bound<'py, PyAny>,
    add64: Bound<'py, PyAny>,
    guarded: Bound<'py, PyAny>,
    import_objects: Bound<'py, PyAny>,
    consumers: Bound<'py, PyAny>,
    probes: Bound<'py, PyAny>,
    fast: Option<FastHandles>,
}

impl<'py> Limits<'py> {
    fn probe(&self, name: &str) -> Result<Bound<'py, PyAny>> {
        Ok(js::get_property(&self.probes, name)?)
    }
}

fn install_limits<'py>(py: Python<'py>) -> Result<Limits<'py>> {
    let module_js = py.import("pyodide_js")?.getattr("_module")?;
    let guest = js_module(py, &wat::parse_str(GUEST)?)?;
    let thunk = js_module(py, &wat::parse_str(FLOOR_THUNK)?)?;
    let consumers = js::array_from(py, [consumer(1), consumer(100)].iter().map(|w| js_module(py, &wat::parse_str(w)?)).collect::<Result<Vec<_>>>()?)?;
    let providers = js::array_from(py, [provider(1), provider(100)].iter().map(|w| js_module(py, &wat::parse_str(w)?)).collect::<Result<Vec<_>>>()?)?;
    let scratch: &'static mut [u64] = Box::leak(vec![0u64; 256].into_boxed_slice());
    let (lo, hi) = (scratch.as_ptr() as usize, scratch.as_ptr() as usize + 8 * scratch.len());
    let python_host = PyCFunction::new_closure(py, None, None, |args: &Bound<'_, PyTuple>, _| -> PyResult<i32> {
        Ok(args.get_item(0)?.extract::<i32>()?.wrapping_add(1))
    })?;
    let python_host = py.import("pyodide.ffi")?.getattr("create_proxy")?.call1((python_host,))?;
    let out = js::run_js(py, include_str!("raw.js"))?.call1((
        &module_js,
        guest,
        thunk,
        &consumers,
        providers,
        raw_host as *const () as usize,
        floor_trampoline as *const () as usize,
        lo,
        hi,
        python_host,
    ))?;
    let get = |k: &str| js::get_property(&out, k);
    let handles = get("handles")?;
    let fast = if js::is_nullish(py, &handles)? {
        None
    } else {
        let items = js::iterate(&handles)?;
        let n = |i: usize| items[i].extract::<u32>();
        Some(FastHandles {
            add: (n(0)?, n(1)?),
            add64: (n(2)?, n(3)?),
            neg: (n(4)?, n(5)?),
            pair: (n(6)?, n(7)?),
            mem: n(8)?,
            global: n(9)?,
            table: n(10)?,
            consumers: [n(11)?, n(12)?],
            imports: [items[13].extract()?, items[14].extract()?],
        })
    };
    Ok(Limits {
        exports: get("exports")?,
        python_loop: get("pythonLoop")?,
        add64: get("add64")?,
        guarded: get("guarded")?,
        import_objects: get("importObjects")?,
        consumers,
        probes: get("probes")?,
        fast,
    })
}

/// The guest with a host function, through `wasm_runtime_layer` (what users write).
pub(crate) struct Ours {
    pub(crate) store: Store<(), E>,
    pub(crate) instance: Instance,
    engine: Engine<E>,
}

pub(crate) fn ours(portable: bool) -> Result<Ours> {
    let engine = Engine::new(if portable { E::portable() } else { E::default() });
    let (store, instance) = instantiate_guest(&engine)?;
    Ok(Ours { store, instance, engine })
}

impl Ours {
    pub(crate) fn export(&self, name: &str) -> Result<Extern> {
        self.instance.get_export(&self.store, name).with_context(|| format!("no export {name}"))
    }
    pub(crate) fn func(&self, name: &str) -> Result<Func> {
        self.export(name)?.into_func().context("not a function")
    }
}

/// The same guest through the backend's own types, without the
/// `wasm_runtime_layer` frontend (its argument vectors and type erasure).
pub(crate) struct Direct {
    pub(crate) store: pyodide_runtime_layer::Store<()>,
    pub(crate) instance: pyodide_runtime_layer::Instance,
    pub(crate) engine: E,
}

pub(crate) fn direct(portable: bool) -> Result<Direct> {
    let engine = if portable { E::portable() } else { E::default() };
    let mut store = pyodide_runtime_layer::Store::new(&engine, ());
    let host = pyodide_runtime_layer::Func::new(cx(&mut store), FuncType::new([ValType::I32], [ValType::I32]), |_, args: &[BVal], results: &mut [BVal]| {
        if let BVal::I32(x) = args[0] {
            results[0] = BVal::I32(x.wrapping_add(1));
        }
        Ok(())
    });
    let mut imports = be::Imports::new();
    imports.define("env", "host", be::Extern::Func(host));
    let module = pyodide_runtime_layer::Module::new(&engine, &wat::parse_str(GUEST)?)?;
    let instance = pyodide_runtime_layer::Instance::new(cx(&mut store), &module, &imports)?;
    Ok(Direct { store, instance, engine })
}

pub(crate) fn cx(store: &mut pyodide_runtime_layer::Store<()>) -> pyodide_runtime_layer::StoreContextMut<'_, ()> {
    be::AsContextMut::as_context_mut(store)
}

pub(crate) fn c(store: &pyodide_runtime_layer::Store<()>) -> pyodide_runtime_layer::StoreContext<'_, ()> {
    be::AsContext::as_context(store)
}

impl Direct {
    pub(crate) fn func(&self, name: &str) -> Result<pyodide_runtime_layer::Func> {
        self.instance.get_export(c(&self.store), name).and_then(be::Extern::into_func).with_context(|| format!("no export {name}"))
    }
}

/// Runs every benchmark; returns the rows for `run.py`.
pub fn run(py: Python<'_>) -> Result<Bound<'_, PyList>> {
    // The fast path installs itself on first use; the probes need it installed.
    let mut fast = ours(false)?;
    let limits = install_limits(py)?;
    let out = PyList::empty(py);
    for portable in [false, true] {
        let mut portable_ours = if portable { Some(ours(true)?) } else { None };
        let o = portable_ours.as_mut().unwrap_or(&mut fast);
        let mut d = direct(portable)?;
        calls(py, &out, o, &mut d, &limits, portable)?;
        host_calls(py, &out, o, &mut d, &limits, portable)?;
        memory(py, &out, o, &mut d, &limits, portable)?;
        globals_tables(py, &out, o, &mut d, &limits, portable)?;
        module_instance(py, &out, &o.engine, &d.engine, &limits, portable)?;
    }
    Ok(out)
}

/// Measures a row and appends it to `out` as a dict.
fn emit(py: Python<'_>, out: &Bound<'_, PyList>, row: Row<'_>) -> Result<()> {
    let Row { op, path, target, throughput, what, other, scale, members } = row;
    let measured = group(members);
    let dict = PyDict::new(py);
    dict.set_item("op", op)?;
    dict.set_item("path", path)?;
    dict.set_item("target", target)?;
    dict.set_item("throughput", throughput)?;
    dict.set_item("what", what)?;
    dict.set_item("other", other)?;
    dict.set_item("scale", scale)?;
    let members = PyList::empty(py);
    for Measured { label, iterations, samples } in measured {
        members.append((label, iterations, samples))?;
    }
    dict.set_item("members", members)?;
    out.append(dict)?;
    Ok(())
}

const CONTROL: &str = "control: the limit measured again as a separate member (the method's noise on this row)";
const RAW_CALL: &str = "raw direct import call of the export";
const PYO3_CALL: &str = "hand-written PyO3 call of the export";
const BACKEND_CALL: &str = "backend Func::call without the wasm_runtime_layer frontend";
const FRONTEND_CONVERSIONS: &str = "probe: the frontend's argument and result conversions alone (SmallVecs of backend values, as wasm_runtime_layer::Func::call makes)";
const TLS_PROBE: &str = "probe: two thread-local accesses (as the backend's call makes: set the current store and drop a stale parked host error, then restore the store)";

thread_local! {
    /// Stands in for the backend's call state (`call_state.rs`) in [`TLS_PROBE`].
    static CALL: (std::cell::Cell<Option<usize>>, std::cell::Cell<Option<anyhow::Error>>) =
        const { (std::cell::Cell::new(None), std::cell::Cell::new(None)) };
}

const RTL1_CALL: &str = "rtl2_call called directly (the fast runtime's JS dispatcher and Wasm shim)";

fn calls(py: Python<'_>, out: &Bound<'_, PyList>, o: &mut Ours, d: &mut Direct, l: &Limits<'_>, portable: bool) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    let (what, other, target2, target3) = if portable { (PYO3_CALL, Some(RAW_CALL), 1.25, 1.25) } else { (RAW_CALL, None, 2.5, 2.5) };
    let funcs = ["add", "add64", "neg", "pair"].map(|n| (o.func(n), d.func(n)));
    let mut funcs = funcs.into_iter().map(|(f, df)| Ok((f?, df?))).collect::<Result<Vec<_>>>()?.into_iter();
    let store = std::cell::RefCell::new(&mut o.store);
    let dstore = std::cell::RefCell::new(&mut d.store);
    let (store, dstore) = (&store, &dstore);
    let x = &l.exports;
    let fast = if portable { None } else { l.fast.as_ref() };
    // The members every call row has, in order: ours, the limit (and the
    // other limit on the portable path), the backend without the frontend.
    let row = |op: &str, target: f64, ours: Member<'_>, raw: Member<'_>, hand: Member<'_>, backend: Member<'_>, steps: Vec<Member<'_>>| {
        let mut members = vec![ours];
        if portable {
            members.extend([hand, raw]);
        } else {
            members.push(raw);
        }
        members.push(backend);
        members.extend(steps);
        emit(py, out, Row { op: op.into(), path, target, throughput: false, what, other, scale: 1.0, members })
    };

    // (i32, i32) -> i32
    let ((f, df), js_f) = (funcs.next().context("funcs")?, js::get_property(x, "add")?);
    let mut steps = vec![Member::new(FRONTEND_CONVERSIONS, || {
        // What wasm_runtime_layer::Func::call does around the backend call.
        let args = [Val::I32(1), Val::I32(2)];
        let mut results = [Val::I32(0)];
        let input: SmallVec<[BVal; 4]> = args.iter().map(Into::into).collect();
        let mut output: SmallVec<[BVal; 4]> = results.iter().map(Into::into).collect();
        black_box((&input, &mut output));
        for (i, r) in output.iter().enumerate() {
            results[i] = r.into();
        }
        black_box(results);
    })];
    if portable {
        let guarded = l.guarded.clone();
        steps.push(Member::new("PyO3 call1 of a JS closure around the export (one JS frame with try/catch)", move || {
            drop(black_box(guarded.call1((1, 2)).and_then(|r| r.extract::<i32>())))
        }));
    } else if let Some(h) = fast {
        let (fh, shim) = h.add;
        steps.push(Member::new(RTL1_CALL, move || {
            let args = [1u64, 2];
            let mut res = [0u64];
            let _ = black_box(unsafe { fast_abi::call(fh, shim, args.as_ptr(), res.as_mut_ptr()) });
            black_box(res);
        }));
        steps.push(Member::new(TLS_PROBE, || {
            // What the backend's call does with its thread-local around the JS call.
            let previous = CALL.with(|(current, parked)| {
                drop(parked.take());
                current.replace(Some(black_box(7usize)))
            });
            CALL.with(|(current, _)| current.set(black_box(previous)));
        }));
        steps.push(Member::new("probe: the export behind one JS frame with try/catch", || {
            black_box(unsafe { rtlbench_frame_add(black_box(1), 2) });
        }));
        steps.push(Member::new("probe: rtl2_ping (a trivial JS function of the fast runtime, called as the backend calls them)", || {
            black_box(unsafe { fast_abi::ping(black_box(1)) });
        }));
    }
    row(
        "Func::call (i32,i32)->i32",
        target2,
        Member::new("ours", move || {
            let mut r = [Val::I32(0)];
            f.call(&mut **store.borrow_mut(), &[Val::I32(1), Val::I32(2)], &mut r).unwrap_or(());
            black_box(r);
        }),
        Member::new("raw", || {
            black_box(unsafe { rtlbench_add(black_box(1), 2) });
        }),
        Member::new("pyo3", move || drop(black_box(js_f.call1((1, 2)).and_then(|r| r.extract::<i32>())))),
        Member::new(BACKEND_CALL, move || {
            let mut r = [BVal::I32(0)];
            df.call::<()>(cx(&mut dstore.borrow_mut()), &[BVal::I32(1), BVal::I32(2)], &mut r).unwrap_or(());
            black_box(r);
        }),
        steps,
    )?;

    // (i64, i64) -> i64
    let ((f, df), add64) = (funcs.next().context("funcs")?, l.add64.clone());
    let steps = fast
        .map(|h| {
            let (fh, shim) = h.add64;
            Member::new(RTL1_CALL, move || {
                let args = [1u64 << 40, 2];
                let mut res = [0u64];
                let _ = black_box(unsafe { fast_abi::call(fh, shim, args.as_ptr(), res.as_mut_ptr()) });
                black_box(res);
            })
        })
        .into_iter()
        .collect();
    row(
        "Func::call (i64,i64)->i64",
        target2,
        Member::new("ours", move || {
            let mut r = [Val::I64(0)];
            f.call(&mut **store.borrow_mut(), &[Val::I64(1 << 40), Val::I64(2)], &mut r).unwrap_or(());
            black_box(r);
        }),
        Member::new("raw", || {
            black_box(unsafe { rtlbench_add64(black_box(1 << 40), 2) });
        }),
        Member::new("pyo3", move || drop(black_box(add64.call1((1i64 << 40, 2)).and_then(|r| r.extract::<i64>())))),
        Member::new(BACKEND_CALL, move || {
            let mut r = [BVal::I64(0)];
            df.call::<()>(cx(&mut dstore.borrow_mut()), &[BVal::I64(1 << 40), BVal::I64(2)], &mut r).unwrap_or(());
            black_box(r);
        }),
        steps,
    )?;

    // (f64) -> f64
    let ((f, df), js_f) = (funcs.next().context("funcs")?, js::get_property(x, "neg")?);
    let steps = fast
        .map(|h| {
            let (fh, shim) = h.neg;
            Member::new(RTL1_CALL, move || {
                let args = [1.5f64.to_bits()];
                let mut res = [0u64];
                let _ = black_box(unsafe { fast_abi::call(fh, shim, args.as_ptr(), res.as_mut_ptr()) });
                black_box(res);
            })
        })
        .into_iter()
        .collect();
    row(
        "Func::call (f64)->f64",
        target2,
        Member::new("ours", move || {
            let mut r = [Val::F64(0.0)];
            f.call(&mut **store.borrow_mut(), &[Val::F64(1.5)], &mut r).unwrap_or(());
            black_box(r);
        }),
        Member::new("raw", || {
            black_box(unsafe { rtlbench_neg(black_box(1.5)) });
        }),
        Member::new("pyo3", move || drop(black_box(js_f.call1((1.5,)).and_then(|r| r.extract::<f64>())))),
        Member::new(BACKEND_CALL, move || {
            let mut r = [BVal::F64(0.0)];
            df.call::<()>(cx(&mut dstore.borrow_mut()), &[BVal::F64(1.5)], &mut r).unwrap_or(());
            black_box(r);
        }),
        steps,
    )?;

    // () -> (i32, i64)
    let ((f, df), js_f) = (funcs.next().context("funcs")?, js::get_property(x, "pair")?);
    let mut steps: Vec<Member<'_>> = Vec::new();
    if portable {
        let pair = l.probe("pair")?;
        steps.push(Member::new("probe: the PyO3 call, its two results read from the returned array by index (as the backend does)", move || {
            let r = pair.call0().and_then(|r| Ok((r.get_item(0)?.extract::<i32>()?, r.get_item(1)?.extract::<i64>()?)));
            drop(black_box(r));
        }));
    }
    let steps = fast
        .map(|h| {
            let (fh, shim) = h.pair;
            Member::new(RTL1_CALL, move || {
                let mut res = [0u64; 2];
                let _ = black_box(unsafe { fast_abi::call(fh, shim, [0u64; 0].as_ptr(), res.as_mut_ptr()) });
                black_box(res);
            })
        })
        .into_iter()
        .chain(steps)
        .collect();
    row(
        "Func::call ()->(i32,i64)",
        target3,
        Member::new("ours", move || {
            let mut r = [Val::I32(0), Val::I64(0)];
            f.call(&mut **store.borrow_mut(), &[], &mut r).unwrap_or(());
            black_box(r);
        }),
        Member::new("raw", || {
            let mut slots = [0u64; 2];
            unsafe { rtlbench_pair(black_box(slots.as_mut_ptr())) };
            black_box(slots);
        }),
        Member::new("pyo3", move || {
            let r = js_f.call0().and_then(|r| Ok((r.get_item(0)?.extract::<i32>()?, r.get_item(1)?.extract::<i64>()?)));
            drop(black_box(r));
        }),
        Member::new(BACKEND_CALL, move || {
            let mut r = [BVal::I32(0), BVal::I64(0)];
            df.call::<()>(cx(&mut dstore.borrow_mut()), &[], &mut r).unwrap_or(());
            black_box(r);
        }),
        steps,
    )?;
    Ok(())
}

fn host_calls(py: Python<'_>, out: &Bound<'_, PyList>, o: &mut Ours, d: &mut Direct, l: &Limits<'_>, portable: bool) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    let looped = o.func("loop")?;
    let dlooped = d.func("loop")?;
    let store = &mut o.store;
    let dstore = &mut d.store;
    let mut members = vec![Member::new("ours", move || {
        let mut r = [Val::I32(0)];
        looped.call(&mut *store, &[Val::I32(LOOP)], &mut r).unwrap_or(());
        black_box(r);
    })];
    let raw = Member::new("raw", || {
        black_box(unsafe { rtlbench_loop(black_box(LOOP)) });
    });
    let (what, other, target) = if portable {
        let python_loop = l.python_loop.clone();
        members.push(Member::new("python", move || drop(black_box(python_loop.call1((LOOP,))))));
        members.push(raw);
        ("the guest calling a Python callable import", Some("the guest calling a raw Rust function import"), 1.25)
    } else {
        members.push(raw);
        ("the guest calling a raw Rust function import", None, 10.0)
    };
    members.push(Member::new("backend host function without the wasm_runtime_layer frontend", move || {
        let mut r = [BVal::I32(0)];
        dlooped.call::<()>(cx(&mut *dstore), &[BVal::I32(LOOP)], &mut r).unwrap_or(());
        black_box(r);
    }));
    if portable {
        let wrapped = l.probe("wrappedLoop")?;
        members.push(Member::new("probe: the guest calling the same Python callable behind a JS wrapper `(...a) => py(...a)`", move || {
            drop(black_box(wrapped.call1((LOOP,))))
        }));
    } else {
        members.push(Member::new("floor: a Wasm thunk like the backend's (scratch stack in Rust memory) calling a bare Rust trampoline", || {
            black_box(unsafe { rtlbench_floor_loop(black_box(LOOP)) });
        }));
    }
    let scale = 1.0 / f64::from(LOOP);
    emit(py, out, Row { op: "host function called from Wasm".into(), path, target, throughput: false, what, other, scale, members })
}

/// A hand-written PyO3 copy between a guest memory and Rust memory: a
/// `Uint8Array` view and one `assign_to`/`assign` with a memoryview (the best
/// Pyodide's public FFI offers a user).
fn pyo3_copy(py: Python<'_>, mem: &Bound<'_, PyAny>, offset: usize, bytes: &mut [u8], read: bool) -> PyResult<()> {
    let view = js::global_object(py, "Uint8Array")?.call_method1("new", (js::get_property(mem, "buffer")?, offset, bytes.len()))?;
    let mv = memoryview(py, bytes)?;
    view.call_method1(if read { "assign_to" } else { "assign" }, (&mv,))?;
    mv.call_method0("release").map(drop)
}

/// A writable memoryview over `bytes`; the caller releases it before `bytes` goes away.
fn memoryview<'py>(py: Python<'py>, bytes: &mut [u8]) -> PyResult<Bound<'py, PyAny>> {
    memoryview_as(py, bytes, true)
}

/// A memoryview over `bytes`, writable or read-only (the backend passes
/// writable views to reads and read-only ones to writes and compiles).
fn memoryview_as<'py>(py: Python<'py>, bytes: &mut [u8], writable: bool) -> PyResult<Bound<'py, PyAny>> {
    let flags = if writable { pyo3::ffi::PyBUF_WRITE } else { pyo3::ffi::PyBUF_READ };
    // SAFETY: every caller releases the view right after one use.
    unsafe { Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyMemoryView_FromMemory(bytes.as_mut_ptr().cast(), bytes.len() as isize, flags)) }
}

/// The bulk copy's direct call from `ours`'s own buffer.
const OURS_BUFFER: &str = "probe: rtl2_mem_read/write called directly with the Rust buffer ours copies (the same allocation)";

/// The backend's memory copy called through its own types.
const BACKEND_MEMORY: &str = "backend Memory::read/write without the wasm_runtime_layer frontend";
/// The backend's global or table access called through its own types.
const BACKEND_ACCESS: &str = "backend access without the wasm_runtime_layer frontend";

type SmallLoad = unsafe extern "C" fn(u32, u32) -> u64;
type SmallStore = unsafe extern "C" fn(u32, u32, u64);
type GlobalGet = unsafe extern "C" fn() -> u64;
type GlobalSet = unsafe extern "C" fn(u64);

/// The function at `index` of the shared function table, as a pointer of type `F`.
///
/// # Safety
/// `F` must be an `unsafe extern "C" fn` type of exactly the Wasm type of the
/// function at `index`, which must stay in the table while it is used.
unsafe fn table_function<F: Copy>(index: u32) -> F {
    const { assert!(size_of::<F>() == size_of::<usize>()) };
    // SAFETY: see the function's contract (on wasm32 a function pointer is its table index).
    unsafe { std::mem::transmute_copy::<usize, F>(&(index as usize)) }
}

const PYO3_COPY: &str = "a hand-written PyO3 copy (Uint8Array view, one assign_to/assign with a memoryview)";

fn memory(py: Python<'_>, out: &Bound<'_, PyList>, o: &mut Ours, d: &mut Direct, l: &Limits<'_>, portable: bool) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    let mem = o.export("mem")?.into_memory().context("no mem")?;
    let dmem = d.instance.get_export(c(&d.store), "mem").and_then(be::Extern::into_memory).context("no direct mem")?;
    let dstore = std::cell::RefCell::new(&mut d.store);
    let (dmem, dstore) = (&dmem, &dstore);
    let mem_js = js::get_property(&l.exports, "mem")?;
    for (label, len) in [("8 B", 8usize), ("1 MiB", 1 << 20)] {
        let small = len == 8;
        let (what, other, target) = match (portable, small) {
            (false, true) => ("a raw direct copy", None, 2.0),
            (false, false) => ("one HEAPU8.set copy", None, 1.25),
            (true, true) => (PYO3_COPY, Some("a raw direct copy"), 1.5),
            (true, false) => ("one HEAPU8.set copy", Some(PYO3_COPY), 1.25),
        };
        for read in [true, false] {
            let buffers: Vec<std::cell::RefCell<Vec<u8>>> = (0..3).map(|_| std::cell::RefCell::new(vec![1u8; len])).collect();
            let store = std::cell::RefCell::new(&mut o.store);
            let (b0, b1, b2) = (&buffers[0], &buffers[1], &buffers[2]);
            let mem = &mem;
            let store = &store;
            let mut members = vec![Member::new("ours", move || {
                let mut b = b0.borrow_mut();
                if read {
                    mem.read(&**store.borrow(), 64, &mut b).unwrap_or(());
                } else {
                    mem.write(&mut **store.borrow_mut(), 64, &b).unwrap_or(());
                }
            })];
            let raw = Member::new("raw", move || {
                let mut b = b1.borrow_mut();
                if read {
                    unsafe { rtlbench_read(64, len, black_box(b.as_mut_ptr())) }
                } else {
                    unsafe { rtlbench_write(64, len, black_box(b.as_ptr())) }
                }
            });
            let mem_js = mem_js.clone();
            let hand = Member::new("pyo3", move || pyo3_copy(py, &mem_js, 64, &mut b2.borrow_mut(), read).unwrap_or(()));
            match (portable, small) {
                (false, _) => members.push(raw),
                (true, true) => members.extend([hand, raw]),
                (true, false) => members.extend([raw, hand]),
            }
            if let (false, true, Some(h)) = (portable, small, &l.fast) {
                let buffer = std::cell::RefCell::new(vec![1u8; len]);
                members.push(Member::new(BACKEND_MEMORY, move || {
                    let mut b = buffer.borrow_mut();
                    if read {
                        be::WasmMemory::read(dmem, c(&dstore.borrow()), 64, &mut b).unwrap_or(());
                    } else {
                        be::WasmMemory::write(dmem, cx(&mut dstore.borrow_mut()), 64, &b).unwrap_or(());
                    }
                }));
                let mut indices = [0u32; 3];
                // SAFETY: `h.mem` is live; JS writes three u32.
                if unsafe { fast_abi::small_copies(h.mem, indices.as_mut_ptr()) }.is_ok() && !indices.contains(&0) {
                    // SAFETY: JS put a load (i32, i32) -> i64 and a store (i32, i32, i64) at these indices.
                    let (load, store) = unsafe { (table_function::<SmallLoad>(indices[0]), table_function::<SmallStore>(indices[1])) };
                    members.push(Member::new(
                        if read { "accessor: the memory's Wasm load called directly (no bounds check)" } else { "accessor: the memory's Wasm store called directly (no bounds check)" },
                        move || {
                            if read {
                                black_box(unsafe { load(black_box(64), 8) });
                            } else {
                                unsafe { store(black_box(64), 8, black_box(0x0101_0101_0101_0101)) };
                            }
                        },
                    ));
                }
            }
            if let (false, false, Some(h)) = (portable, small, &l.fast) {
                let m = h.mem;
                let buffer = std::cell::RefCell::new(vec![1u8; len]);
                members.push(Member::new(
                    if read { "rtl2_mem_read called directly" } else { "rtl2_mem_write called directly" },
                    move || {
                        let mut b = buffer.borrow_mut();
                        if read {
                            let _ = black_box(unsafe { fast_abi::mem_read(m, 64, len, b.as_mut_ptr()) });
                        } else {
                            let _ = black_box(unsafe { fast_abi::mem_write(m, 64, len, b.as_ptr()) });
                        }
                    },
                ));
                // The same direct call with the Rust buffer `ours` copies to or
                // from: tells a slower copy of that buffer from the backend's work.
                members.push(Member::new(OURS_BUFFER, move || {
                    let mut b = b0.borrow_mut();
                    if read {
                        let _ = black_box(unsafe { fast_abi::mem_read(m, 64, len, b.as_mut_ptr()) });
                    } else {
                        let _ = black_box(unsafe { fast_abi::mem_write(m, 64, len, b.as_ptr()) });
                    }
                }));
            }
            if portable {
                // The backend hands JS a writable view to read into and a read-only one to write from.
                for writable in [read, !read] {
                    let get_buffer = l.probe("getBuffer")?;
                    let buffer = std::cell::RefCell::new(vec![1u8; len]);
                    let label = format!(
                        "probe: a {} memoryview of the Rust buffer handed to JS, which takes its buffer (getBuffer) and releases it: everything but the copy{}",
                        if writable { "writable" } else { "read-only" },
                        if writable == read { " (as the backend does)" } else { "" },
                    );
                    members.push(Member::new(label, move || {
                        let mut b = buffer.borrow_mut();
                        let r = memoryview_as(py, &mut b, writable).and_then(|mv| {
                            get_buffer.call1((&mv,))?;
                            mv.call_method0("release")
                        });
                        drop(black_box(r));
                    }));
                }
            }
            let op = format!("Memory::{} {label}", if read { "read" } else { "write" });
            emit(py, out, Row { op, path, target, throughput: !small, what, other, scale: 1.0, members })?;
        }
    }
    Ok(())
}

const PYO3_ACCESS: &str = "hand-written PyO3 access (one JS call)";

fn globals_tables(py: Python<'_>, out: &Bound<'_, PyList>, o: &mut Ours, d: &mut Direct, l: &Limits<'_>, portable: bool) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    let (what, other, target) = if portable { (PYO3_ACCESS, Some("raw direct access"), 1.5) } else { ("raw direct access", None, 2.0) };
    let g_js = js::get_property(&l.exports, "g")?;
    let t_js = js::get_property(&l.exports, "t")?;
    let add_js = js::get_property(&l.exports, "add")?;
    let g = o.export("g")?.into_global().context("no g")?;
    let table = o.export("t")?.into_table().context("no t")?;
    let add = o.func("add")?;
    let store = std::cell::RefCell::new(&mut o.store);
    let store = &store;
    let int = move |n: u32| n.into_pyobject(py).map(|v| v.into_any()).ok();
    let fast = if portable { None } else { l.fast.as_ref() };
    let dg = d.instance.get_export(c(&d.store), "g").and_then(be::Extern::into_global).context("no direct g")?;
    let dtable = d.instance.get_export(c(&d.store), "t").and_then(be::Extern::into_table).context("no direct t")?;
    let dstore = std::cell::RefCell::new(&mut d.store);
    let (dg, dtable, dstore) = (&dg, &dtable, &dstore);
    // The fast path's accessors of the global, as the backend gets them.
    let accessors = fast.and_then(|h| {
        let mut indices = [0u32; 2];
        // SAFETY: `h.global` is live; JS writes two u32.
        let made = unsafe { fast_abi::global_access(h.global, 0, 1, indices.as_mut_ptr()) }.is_ok() && !indices.contains(&0);
        // SAFETY: JS put a get () -> i64 and a set (i64) at these indices.
        made.then(|| unsafe { (table_function::<GlobalGet>(indices[0]), table_function::<GlobalSet>(indices[1])) })
    });

    for op in ["Global::get i32", "Global::set i32", "Table::get funcref", "Table::set funcref"] {
        let (g, table, add, g_js, t_js) = (&g, &table, &add, g_js.clone(), t_js.clone());
        let add_js2 = add_js.clone();
        let (ours, raw, hand, step): (Member<'_>, Member<'_>, Member<'_>, Option<Member<'_>>) = match op {
            "Global::get i32" => (
                Member::new("ours", move || drop(black_box(g.get(&mut **store.borrow_mut())))),
                Member::new("raw", || {
                    black_box(unsafe { rtlbench_global_get() });
                }),
                Member::new("pyo3", move || drop(black_box(js::get_property(&g_js, "value").and_then(|v| v.extract::<i32>())))),
                accessors.map(|(get, _)| Member::new("accessor: the global's Wasm get called directly", move || { black_box(unsafe { get() }); })),
            ),
            "Global::set i32" => (
                Member::new("ours", move || g.set(&mut **store.borrow_mut(), Val::I32(7)).unwrap_or(())),
                Member::new("raw", || unsafe { rtlbench_global_set(black_box(7)) }),
                Member::new("pyo3", move || drop(black_box(int(7).map(|v| js::set_property(&g_js, "value", &v))))),
                accessors.map(|(_, set)| Member::new("accessor: the global's Wasm set called directly", move || unsafe { set(black_box(7)) })),
            ),
            "Table::get funcref" => (
                Member::new("ours", move || drop(black_box(table.get(&mut **store.borrow_mut(), 0)))),
                Member::new("raw", || unsafe { rtlbench_table_get(black_box(0)) }),
                Member::new("pyo3", move || drop(black_box(js::call_method(&t_js, "get", &[int(0)])))),
                fast.map(|h| {
                    let th = h.table;
                    Member::new("rtl2_table_get called directly (a function Rust holds: its handle is not counted again; a new one would be freed)", move || {
                        let mut slots = [0f64; 3];
                        let _ = black_box(unsafe { fast_abi::table_get(th, 0, slots.as_mut_ptr()) });
                        if slots[0] == 2.0 {
                            unsafe { fast_abi::free(slots[1] as u32) };
                        }
                    })
                }),
            ),
            _ => (
                Member::new("ours", move || table.set(&mut **store.borrow_mut(), 1, Ref::FuncRef(Some(add.clone()))).unwrap_or(())),
                Member::new("raw", || unsafe { rtlbench_table_set(black_box(1)) }),
                Member::new("pyo3", move || drop(black_box(js::call_method(&t_js, "set", &[int(1), Some(add_js2.clone())])))),
                fast.map(|h| {
                    let (th, fh) = (h.table, h.add.0);
                    Member::new("rtl2_table_set called directly", move || {
                        let _ = black_box(unsafe { fast_abi::table_set(th, 1, fh) });
                    })
                }),
            ),
        };
        let mut members = vec![ours];
        if portable {
            members.extend([hand, raw]);
        } else {
            members.push(raw);
        }
        if !(portable && op != "Table::get funcref") && op != "Table::set funcref" {
            members.push(match op {
                "Global::get i32" => Member::new(BACKEND_ACCESS, move || drop(black_box(be::WasmGlobal::get(dg, cx(&mut dstore.borrow_mut()))))),
                "Global::set i32" => Member::new(BACKEND_ACCESS, move || be::WasmGlobal::set(dg, cx(&mut dstore.borrow_mut()), BVal::I32(7)).unwrap_or(())),
                _ => Member::new(BACKEND_ACCESS, move || drop(black_box(be::WasmTable::get(dtable, cx(&mut dstore.borrow_mut()), 0)))),
            });
        }
        members.extend(step);
        if portable && op == "Table::get funcref" {
            let (f, add_js) = (l.probe("funcToString")?, add_js.clone());
            members.push(Member::new("probe: one more PyO3 call with the function, a string back (the portable path's signature lookup of a function read from a table)", move || {
                drop(black_box(f.call1((&add_js,)).and_then(|s| s.extract::<String>())))
            }));
        }
        emit(py, out, Row { op: op.into(), path, target, throughput: false, what, other, scale: 1.0, members })?;
    }
    Ok(())
}

/// The portable `Instance::new`'s one crossing, replicated.
const INSTANTIATE_CROSSING: &str = "probe: one PyO3 call of a JS function that instantiates with a prebuilt import object and returns the export values as one array, undefined for none (the portable Instance::new's crossing when the import values repeat, as here)";

/// The row of a code-heavy module.
const MANY_FUNCTIONS: &str = "Module::new 1 MiB many functions";

/// One `Module::new` row: compiling `bytes` on this path against the raw
/// `new WebAssembly.Module`.
#[allow(clippy::too_many_arguments)]
fn module_new(py: Python<'_>, out: &Bound<'_, PyList>, engine: &Engine<E>, backend: &E, l: &Limits<'_>, portable: bool, op: &str, bytes: &[u8]) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    let mut members = vec![
        Member::new("ours", move || drop(black_box(Module::new(engine, bytes)))),
        Member::new("raw", move || unsafe { rtlbench_compile(bytes.as_ptr(), bytes.len()) }),
    ];
    members.push(Member::new(CONTROL, move || unsafe { rtlbench_compile(bytes.as_ptr(), bytes.len()) }));
    members.push(Member::new("backend Module::new without the wasm_runtime_layer frontend", move || {
        drop(black_box(pyodide_runtime_layer::Module::new(backend, bytes)))
    }));
    if let (false, Some(_)) = (portable, &l.fast) {
        members.push(Member::new("rtl2_module_new + rtl2_free called directly", move || {
            if let Ok(h) = unsafe { fast_abi::module_new(bytes.as_ptr(), bytes.len()) } {
                unsafe { fast_abi::free(h) };
            }
        }));
    }
    if portable {
        for writable in [false, true] {
            let compile = l.probe("compile")?;
            let copy = std::cell::RefCell::new(bytes.to_vec());
            let label = if writable {
                "probe: the same from a writable memoryview"
            } else {
                "probe: the portable Module::new's JS side replicated (one PyO3 call with a read-only memoryview, compiled from its buffer)"
            };
            members.push(Member::new(label, move || {
                let mut b = copy.borrow_mut();
                let r = memoryview_as(py, &mut b, writable).and_then(|mv| {
                    let m = compile.call1((&mv,));
                    mv.call_method0("release")?;
                    m
                });
                drop(black_box(r));
            }));
        }
    }
    members.push(Member::new("probe: a wasmparser pass over every payload (function bodies included; ModuleTypes::parse skips the code section)", move || {
        for payload in wasmparser::Parser::new(0).parse_all(bytes) {
            drop(black_box(payload));
        }
    }));
    emit(py, out, Row { op: op.into(), path, target: 1.1, throughput: false, what: "new WebAssembly.Module over a view of Rust memory", other: None, scale: 1.0, members })?;
    Ok(())
}

fn module_instance(py: Python<'_>, out: &Bound<'_, PyList>, engine: &Engine<E>, backend: &E, l: &Limits<'_>, portable: bool) -> Result<()> {
    let path = if portable { "portable" } else { "fast" };
    module_new(py, out, engine, backend, l, portable, "Module::new 10 MiB", &big(10 << 20))?;
    // Bun keeps each compiled module's code until a full collection, which
    // the repetitions of a module of 100,000 functions never wait for: it was
    // killed for lack of memory at 24 GiB. The report says so.
    if !js::global_object(py, "Bun").is_ok_and(|bun| !bun.is_none()) {
        module_new(py, out, engine, backend, l, portable, MANY_FUNCTIONS, &many_functions(1 << 20))?;
    }
    for (k, n) in [(0usize, 1usize), (1, 100)] {
        let mut store = Store::new(engine, ());
        let provider_module = Module::new(engine, &wat::parse_str(provider(n))?)?;
        let provider_instance = Instance::new(&mut store, &provider_module, &Imports::new())?;
        let mut imports = Imports::new();
        for i in 0..n {
            let f = provider_instance.get_export(&store, &format!("f{i}")).context("no provider export")?;
            imports.define("env", &format!("f{i}"), f);
        }
        let consumer_wasm = wat::parse_str(consumer(n))?;
        let module = Module::new(engine, &consumer_wasm)?;
        // The same through the backend's own types.
        let mut dstore = pyodide_runtime_layer::Store::new(backend, ());
        let dprovider = pyodide_runtime_layer::Instance::new(cx(&mut dstore), &pyodide_runtime_layer::Module::new(backend, &wat::parse_str(provider(n))?)?, &be::Imports::new())?;
        let mut dimports = be::Imports::new();
        for i in 0..n {
            let f = dprovider.get_export(c(&dstore), &format!("f{i}")).context("no provider export")?;
            dimports.define("env", &format!("f{i}"), f);
        }
        let dmodule = pyodide_runtime_layer::Module::new(backend, &consumer_wasm)?;
        let (store, dstore, imports, dimports, module, dmodule) = (&mut store, &mut dstore, &imports, &dimports, &module, &dmodule);
        let mut members = vec![
            Member::new("ours", move || drop(black_box(Instance::new(&mut *store, module, imports)))),
            Member::new("raw", move || unsafe { rtlbench_instantiate(black_box(k as i32)) }),
        ];
        if portable {
            let ctor = js::global_constructor(py, "Instance")?;
            let m = js::iterate(&l.consumers)?.swap_remove(k);
            let obj = js::iterate(&l.import_objects)?.swap_remove(k);
            members.push(Member::new("pyo3", move || drop(black_box(js::construct(&ctor, &[Some(m.clone()), Some(obj.clone())])))));
        }
        members.push(Member::new("backend Instance::new without the wasm_runtime_layer frontend", move || {
            drop(black_box(pyodide_runtime_layer::Instance::new(cx(&mut *dstore), dmodule, dimports)))
        }));
        if let (false, Some(h)) = (portable, &l.fast) {
            let (mh, handles) = (h.consumers[k], h.imports[k].clone());
            members.push(Member::new("rtl2_instantiate called directly (no exports to register)", move || {
                let mut none = [0u32; 1];
                let _ = black_box(unsafe { fast_abi::instantiate(mh, handles.as_ptr(), [-1i32].as_ptr(), none.as_mut_ptr()) });
            }));
        }
        if portable {
            let instantiate = l.probe("instantiate")?;
            members.push(Member::new(INSTANTIATE_CROSSING, move || drop(black_box(instantiate.call1((k,))))));
        }
        let other = if portable { Some("a hand-written PyO3 `new WebAssembly.Instance` (one JS call)") } else { None };
        let target = if portable { 2.0 } else { 1.5 };
        let op = format!("Instance::new ({n} import{})", if n == 1 { "" } else { "s" });
        emit(py, out, Row { op, path, target, throughput: false, what: "new WebAssembly.Instance with a prebuilt import object", other, scale: 1.0, members })?;
    }
    Ok(())
}


