//! `Global`: a `WebAssembly.Global`.

use crate::error::{WrongStore, fast_error, from_py_err};
use crate::boundary::{Portable, fast_abi};
use crate::store::StoreId;
use crate::value::{check_store, check_type, from_js, from_slot, numeric_code, to_js, to_slot, type_code, zero};
use crate::js_ref::JsRef;
use crate::Engine;
use anyhow::{Result, bail};
use pyo3::prelude::*;
use wasm_runtime_layer::GlobalType;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Val, WasmGlobal};

/// A global variable.
#[derive(Clone, Debug)]
pub struct Global {
    js: JsRef,
    ty: GlobalType,
    store: StoreId,
}

impl Global {
    /// The JS `WebAssembly.Global`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The global's type.
    pub(crate) fn ty_ref(&self) -> &GlobalType {
        &self.ty
    }

    /// The store the global belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// A global exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: GlobalType, store: StoreId) -> Self {
        Self { js, ty, store }
    }
}

impl Global {
    /// The fast-path handle and type code, when `engine` takes the fast path,
    /// it is installed and the type is numeric.
    fn fast(&self, engine: &Engine) -> Option<(u32, u32)> {
        let code = numeric_code(self.ty.content())?;
        if !engine.uses_fast_path() {
            return None;
        }
        Some((self.js.handle()?, code))
    }
}

impl WasmGlobal<Engine> for Global {
    /// Makes a global. Values the JS API cannot hold (v128) give a global
    /// whose `get` returns zero and whose `set` is an error.
    fn new(mut ctx: impl AsContextMut<Engine>, value: Val<Engine>, mutable: bool) -> Self {
        let store = ctx.as_context_mut().inner.id;
        let ty = GlobalType::new(value.ty(), mutable);
        let js = Python::attach(|py| -> Result<Py<PyAny>> {
            let initial = to_js(py, &value)?;
            let code = type_code(value.ty()).to_string();
            Ok(Portable::new_global(py, &code, mutable, &initial)?.unbind())
        })
        .unwrap_or_else(|_| Python::attach(|py| py.None()));
        Self { js: JsRef::from_proxy(js), ty, store }
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> GlobalType {
        self.ty
    }

    fn set(&self, mut ctx: impl AsContextMut<Engine>, new_value: Val<Engine>) -> Result<()> {
        if ctx.as_context_mut().inner.id != self.store {
            return Err(WrongStore.into());
        }
        if !self.ty.mutable() {
            bail!("cannot set an immutable global");
        }
        check_type(&new_value, self.ty.content(), || "the new value".to_owned())?;
        check_store(&new_value, self.store)?;
        if let (Some((handle, code)), Some(slot)) = (self.fast(&ctx.as_context_mut().inner.engine), to_slot(&new_value)) {
            // SAFETY: `handle` is live; JS reads one slot of the global's type.
            if unsafe { fast_abi::global_set(handle, code, &slot) }.is_err() {
                return Err(fast_error::<()>(None));
            }
            return Ok(());
        }
        Python::attach(|py| {
            let value = to_js(py, &new_value)?;
            let code = type_code(self.ty.content()).to_string();
            Portable::set_global(py, &self.js.proxy(py)?, &code, &value).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(())
        })
    }

    /// Reads the global; if JS fails (a v128 global), returns the type's zero.
    fn get(&self, mut ctx: impl AsContextMut<Engine>) -> Val<Engine> {
        let ctx = ctx.as_context_mut();
        if let Some((handle, code)) = self.fast(&ctx.inner.engine) {
            let mut slot = 0u64;
            // SAFETY: `handle` is live; JS writes one slot of the global's type.
            if unsafe { fast_abi::global_get(handle, code, &mut slot) }.is_ok() {
                return from_slot(slot, self.ty.content());
            }
            let _ = fast_error::<()>(None);
            return zero(self.ty.content());
        }
        Python::attach(|py| -> Result<Val<Engine>> {
            let code = type_code(self.ty.content()).to_string();
            let value = Portable::get_global(py, &self.js.proxy(py)?, &code)?;
            from_js(py, &value, self.ty.content(), ctx.inner)
        })
        .unwrap_or_else(|_| zero(self.ty.content()))
    }
}
