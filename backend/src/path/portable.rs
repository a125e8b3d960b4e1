//! [`PortablePath`]: every operation through Pyodide's FFI, on the generated
//! bindings and the `Portable` boundary namespace.

use super::{Made, Path};
use crate::bindings;
use crate::boundary::Portable;
use super::from_py_err;
use crate::call_state::{enter, park_host_error};
use crate::host_registry::{HostArgs, panic_message, run};
use pyo3::exceptions::PyRuntimeError;
use pyo3::types::{PyBool, PyFloat, PyInt, PyTuple};
use std::panic::{AssertUnwindSafe, catch_unwind};
use crate::js_ref::JsRef;
use crate::signature;
use crate::store::StoreInner;
use crate::type_code;
use super::convert::{from_js, ref_from_js, ref_to_js, to_js};
use crate::value::zero;
use crate::{Engine, Func, Global, Memory, Module};
use anyhow::{Context, Result};
use pyo3::prelude::*;
use smallvec::SmallVec;
use std::sync::Arc;
use wasm_runtime_layer::backend::{Extern, Ref, Val};
use wasm_runtime_layer::{FuncType, RefType, ValType};

/// The portable path: only Pyodide's public FFI.
pub(crate) struct PortablePath;

/// Bytes in a Wasm page.
const PAGE: usize = 65536;

/// Most calls pass few values.
const INLINE_VALUES: usize = 16;

/// The portable path's host-call entry point: the Python callable that JS
/// calls (through `Portable.hostFunction`'s wrapper) for host function `id`.
#[pyclass(frozen)]
pub(crate) struct HostTrampoline {
    id: u32,
}

#[pymethods]
impl HostTrampoline {
    #[pyo3(signature = (*args))]
    fn __call__(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let outcome = catch_unwind(AssertUnwindSafe(|| run(self.id, HostArgs::Python(py, args))))
            .unwrap_or_else(|panic| Err(anyhow::anyhow!("host function panicked: {}", panic_message(&panic))));
        match outcome {
            Ok(value) => Ok(value.unwrap_or_else(|| py.None())),
            Err(err) => {
                let message = format!("{err:#}");
                park_host_error(err);
                Err(PyRuntimeError::new_err(message))
            }
        }
    }
}

/// The one-letter code of a table's element type.
pub(crate) fn element_code(ty: RefType) -> String {
    type_code::code(element_type(ty)).to_string()
}

/// A table's element type as a value type.
pub(crate) fn element_type(ty: RefType) -> ValType {
    match ty {
        RefType::FuncRef => ValType::FuncRef,
        RefType::ExternRef => ValType::ExternRef,
    }
}

/// The arguments of a call as its JS caller takes them (`Portable.makeCaller`):
/// floats as numbers; with a NaN or -0 among them, every float as its bits
/// (a NaN as a JS number may lose its payload, and Pyodide may hand -0 on as
/// an int) and `True` after the arguments.
fn call_args<'py>(py: Python<'py>, args: &[Val<Engine>]) -> Result<SmallVec<[Bound<'py, PyAny>; INLINE_VALUES]>> {
    let special = |x: f64| x.is_nan() || (x == 0.0 && x.is_sign_negative());
    let special = |v: &Val<Engine>| match v {
        Val::F32(x) => special(f64::from(*x)),
        Val::F64(x) => special(*x),
        _ => false,
    };
    if args.iter().any(special) {
        let mut out = args.iter().map(|a| to_js(py, a)).collect::<Result<SmallVec<[_; INLINE_VALUES]>>>()?;
        out.push(PyBool::new(py, true).to_owned().into_any());
        return Ok(out);
    }
    args.iter()
        .map(|a| match a {
            Val::F32(x) => Ok(PyFloat::new(py, f64::from(*x)).into_any()),
            Val::F64(x) => Ok(PyFloat::new(py, *x).into_any()),
            other => to_js(py, other),
        })
        .collect()
}

/// A call's result as its JS caller returns it: a float as a number (a
/// Python float, or an int when it is integral) or, for a NaN or -0,
/// `[its bits]` (which [`from_js`] reads).
fn from_js_number<T>(py: Python<'_>, value: &Bound<'_, PyAny>, ty: ValType, store: &mut StoreInner<T>) -> Result<Val<Engine>> {
    if !matches!(ty, ValType::F32 | ValType::F64) {
        return from_js(py, value, ty, store);
    }
    let number = if let Ok(float) = value.cast::<PyFloat>() {
        float.value()
    } else if value.cast::<PyInt>().is_ok() {
        // An integral number as an int: it came from a double, so it
        // converts back exactly.
        value.extract::<f64>()?
    } else {
        return from_js(py, &value.get_item(0)?, ty, store);
    };
    Ok(if ty == ValType::F32 { Val::F32(number as f32) } else { Val::F64(number) })
}

/// A failed copy, worded as on the fast path.
pub(crate) fn out_of_bounds(offset: usize, len: usize, cause: anyhow::Error) -> anyhow::Error {
    anyhow::anyhow!("out of bounds memory access: {offset}..{} ({cause})", offset.saturating_add(len))
}

fn memory(py: Python<'_>, js: &JsRef) -> PyResult<bindings::Memory> {
    Ok(bindings::Memory::from_js_unchecked(js.proxy(py)?.unbind()))
}

fn table(py: Python<'_>, js: &JsRef) -> PyResult<bindings::Table> {
    Ok(bindings::Table::from_js_unchecked(js.proxy(py)?.unbind()))
}

/// The JS caller of `func`, made on its first portable call (`Portable.makeCaller`).
fn caller<'a, 'py>(py: Python<'py>, func: &'a Func) -> Result<&'a Py<PyAny>> {
    if let Some(caller) = func.portable_caller().get() {
        return Ok(caller);
    }
    let ty = func.ty_ref();
    let made = Portable::make_caller(py, &func.js().proxy(py)?, &type_code::codes(ty.params()), &type_code::codes(ty.results()))?;
    Ok(func.portable_caller().get_or_init(|| made.unbind()))
}

/// The type of a Wasm function that came back from JS without a declared
/// type (from a table, a global or a call). The registry knows every
/// function we made or saw; the candidates (every signature seen) cross only
/// for a function it does not know.
pub(crate) fn func_type_of(py: Python<'_>, value: &Bound<'_, PyAny>) -> Result<FuncType> {
    let sig = match Portable::func_sig(py, value, None)? {
        Some(sig) => Some(sig),
        None => Portable::func_sig(py, value, Some(&signature::known()))?,
    };
    sig.as_deref()
        .and_then(signature::decode)
        .context("a function reference whose type is unknown to this engine (not from a module or host function it made)")
}

/// The instantiator of `module`, made once per module: called with one JS
/// value per import (in the module's order), or with none to import what the
/// previous call did, it returns a JS array of one value per export (in
/// declaration order, tags included), or `undefined` for none.
fn instantiator<'a>(py: Python<'_>, module: &'a Module) -> PyResult<&'a Py<PyAny>> {
    if let Some(made) = module.portable_instantiator().get() {
        return Ok(made);
    }
    let sigs: Vec<Option<String>> = module.types().export_func_types().map(|func| func.map(signature::encode)).collect();
    let made = Portable::make_instantiator(py, &module.js().proxy(py)?, &sigs)?;
    Ok(module.portable_instantiator().get_or_init(|| made.unbind()))
}

impl Path for PortablePath {
    fn compile(&self, py: Python<'_>, bytes: &[u8]) -> Result<JsRef> {
        // Compiled from a view of Rust memory: no copy on our side.
        let module = crate::pyodide_ffi::with_memoryview(py, bytes, |view| Portable::compile_buffer(py, view).map(Bound::unbind))
            .map_err(|err| from_py_err::<()>(py, err, None))?;
        Ok(JsRef::from_proxy(module))
    }

    /// One call of the module's instantiator with the import values, the
    /// exports back as one array.
    fn instantiate<T: 'static>(&self, store: &mut StoreInner<T>, module: &Module, imports: &[&Extern<Engine>]) -> Result<Vec<JsRef>> {
        Python::attach(|py| {
            let instantiator = instantiator(py, module)?.bind(py);
            let refs: SmallVec<[&JsRef; 8]> = imports.iter().map(|value| super::js_of(value)).collect();
            // The same values as last time cross as none: JS keeps their import object.
            let values = if module.take_same_portable_imports(&refs) {
                SmallVec::new()
            } else {
                refs.iter().map(|value| value.proxy(py)).collect::<PyResult<SmallVec<[_; 8]>>>()?
            };
            let outcome = {
                let _entered = enter(store);
                crate::js::call_positional(instantiator, &values)
            };
            let exports = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;
            module.set_portable_imports(&refs);
            let count = module.types().export_is_tag.len();
            if count == 0 {
                return Ok(Vec::new());
            }
            // One proxy for the array; each export gets its own when first used.
            let exports = Arc::new(exports.unbind());
            Ok((0..count).map(|i| JsRef::element_of(Arc::clone(&exports), i)).collect())
        })
    }

    fn call<T: 'static>(&self, store: &mut StoreInner<T>, func: &Func, args: &[Val<Engine>], results: &mut [Val<Engine>]) -> Result<()> {
        Python::attach(|py| {
            let caller = caller(py, func)?.bind(py);
            let js_args = call_args(py, args)?;
            let outcome = {
                let _entered = enter(store);
                crate::js::call_positional(caller, &js_args)
            };
            let returned = outcome.map_err(|err| from_py_err(py, err, Some(&mut *store)))?;
            match (results, func.ty_ref().results()) {
                ([], _) => {}
                ([slot], [ty]) => *slot = from_js_number(py, &returned, *ty, store)?,
                (slots, types) => {
                    // By index: Pyodide's iterator protocol makes more crossings.
                    for (i, (slot, ty)) in slots.iter_mut().zip(types).enumerate() {
                        *slot = from_js_number(py, &returned.get_item(i)?, *ty, store)?;
                    }
                }
            }
            Ok(())
        })
    }

    fn host_function(&self, py: Python<'_>, id: u32, sig: &str) -> Result<Made> {
        let callable = Py::new(py, HostTrampoline { id })?;
        let proxy = crate::pyodide_ffi::create_proxy(py, callable.bind(py).as_any())?;
        let wasm = Portable::host_function(py, &proxy, sig)?;
        Ok(Made { js: JsRef::from_proxy(wasm.unbind()), keep: Some(proxy.unbind()) })
    }

    fn memory_grow(&self, js: &JsRef, delta: u32) -> Result<u32> {
        Python::attach(|py| {
            let delta = delta.into_pyobject(py)?;
            let old = memory(py, js)?.grow(py, delta.as_any()).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(old.extract()?)
        })
    }

    fn memory_pages(&self, js: &JsRef) -> u32 {
        Python::attach(|py| -> Result<u32> {
            let buffer = memory(py, js)?.buffer(py)?;
            let len: usize = crate::js::get_property(&buffer, "byteLength")?.extract()?;
            Ok((len / PAGE) as u32)
        })
        .unwrap_or(0)
    }

    fn memory_read(&self, memory: &Memory, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let len = buffer.len();
        Python::attach(|py| {
            let memory = memory.js().proxy(py)?;
            crate::pyodide_ffi::with_memoryview_mut(py, buffer, |view| Portable::read_into(py, &memory, offset as f64, view))
                .map_err(|err| out_of_bounds(offset, len, from_py_err::<()>(py, err, None)))
        })
    }

    fn memory_write(&self, memory: &Memory, offset: usize, buffer: &[u8]) -> Result<()> {
        Python::attach(|py| {
            let memory = memory.js().proxy(py)?;
            crate::pyodide_ffi::with_memoryview(py, buffer, |view| Portable::write_from(py, &memory, offset as f64, view))
                .map_err(|err| out_of_bounds(offset, buffer.len(), from_py_err::<()>(py, err, None)))
        })
    }

    fn global_get<T>(&self, global: &Global, store: &mut StoreInner<T>) -> Val<Engine> {
        let ty = global.ty_ref().content();
        Python::attach(|py| -> Result<Val<Engine>> {
            let value = Portable::get_global(py, &global.js().proxy(py)?, &type_code::code(ty).to_string())?;
            from_js(py, &value, ty, store)
        })
        .unwrap_or_else(|_| zero(ty))
    }

    fn global_set(&self, global: &Global, value: &Val<Engine>) -> Result<()> {
        let code = type_code::code(global.ty_ref().content()).to_string();
        Python::attach(|py| {
            let value = to_js(py, value)?;
            Portable::set_global(py, &global.js().proxy(py)?, &code, &value)
                .map_err(|err| from_py_err::<()>(py, err, None))
        })
    }

    fn table_size(&self, js: &JsRef) -> u32 {
        Python::attach(|py| table(py, js).and_then(|t| t.length(py)).and_then(|n| n.extract()).unwrap_or(0))
    }

    fn table_grow(&self, js: &JsRef, element: RefType, delta: u32, init: &Ref<Engine>) -> Result<u32> {
        Python::attach(|py| {
            let init = ref_to_js(py, init)?;
            Portable::table_grow(py, &js.proxy(py)?, &element_code(element), delta, &init)
                .map_err(|err| from_py_err::<()>(py, err, None))
        })
    }

    fn table_get<T>(&self, js: &JsRef, element: RefType, index: u32, store: &mut StoreInner<T>) -> Option<Ref<Engine>> {
        Python::attach(|py| {
            let index = index.into_pyobject(py).ok()?;
            let value = table(py, js).ok()?.get(py, index.as_any()).ok()?;
            ref_from_js(py, &value, element_type(element), store).ok()
        })
    }

    fn table_set(&self, js: &JsRef, element: RefType, index: u32, value: &Ref<Engine>) -> Result<()> {
        Python::attach(|py| {
            let value = ref_to_js(py, value)?;
            Portable::table_set(py, &js.proxy(py)?, &element_code(element), index, &value)
                .map_err(|err| from_py_err::<()>(py, err, None))
        })
    }
}
