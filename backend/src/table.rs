//! `Table`: a `WebAssembly.Table` of funcref or externref.

use crate::bindings;
use crate::error::{WrongStore, fast_error, from_py_err};
use crate::boundary::{Portable, fast_abi};
use crate::js_ref::JsRef;
use crate::store::{StoreId, StoreInner};
use crate::{ExternRef, Func};
use crate::value::{check_ref_store, ref_from_js, ref_to_js};
use crate::Engine;
use anyhow::{Result, bail};
use pyo3::prelude::*;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Ref, WasmTable};
use wasm_runtime_layer::{RefType, TableType, ValType};

/// A table of references.
#[derive(Clone, Debug)]
pub struct Table {
    js: JsRef,
    ty: TableType,
    store: StoreId,
}

fn element_code(ty: RefType) -> &'static str {
    match ty {
        RefType::FuncRef => "r",
        RefType::ExternRef => "x",
    }
}

fn element_val_type(ty: RefType) -> ValType {
    match ty {
        RefType::FuncRef => ValType::FuncRef,
        RefType::ExternRef => ValType::ExternRef,
    }
}

impl Table {
    /// The JS `WebAssembly.Table`.
    pub(crate) fn js(&self) -> &JsRef {
        &self.js
    }

    /// The generated wrapper, for the portable path.
    fn wrapper(&self, py: Python<'_>) -> PyResult<bindings::Table> {
        Ok(bindings::Table::from_js_unchecked(self.js.proxy(py)?.unbind()))
    }

    /// The store the table belongs to.
    pub(crate) fn store_id(&self) -> StoreId {
        self.store
    }

    /// The table's type as created.
    pub(crate) fn ty_ref(&self) -> &TableType {
        &self.ty
    }

    /// A table exported by an instance.
    pub(crate) fn from_js(js: JsRef, ty: TableType, store: StoreId) -> Self {
        Self { js, ty, store }
    }

    fn check(&self, store: StoreId, value: &Ref<Engine>) -> Result<()> {
        if store != self.store {
            return Err(WrongStore.into());
        }
        check_ref_store(value, store)?;
        if value.ty() != self.ty.element() {
            bail!("type mismatch: a {:?} reference cannot go into a table of {:?}", value.ty(), self.ty.element());
        }
        Ok(())
    }
}

/// What a fast-path `Table::get` found.
enum FastGet {
    /// The answer (`None`: index out of bounds).
    Done(Option<Ref<Engine>>),
    /// A value only the portable path can type (a function of a signature the
    /// fast path has not seen, or a JS value that is not one of our externrefs).
    AskPortable,
}

/// The fast-path handle standing for a reference (0 for null).
fn ref_handle(value: &Ref<Engine>) -> Option<u32> {
    match value {
        Ref::FuncRef(None) | Ref::ExternRef(None) => Some(0),
        Ref::FuncRef(Some(f)) => f.js().handle(),
        Ref::ExternRef(Some(e)) => e.js().handle(),
    }
}

impl Table {
    /// The fast-path handle, when `engine` takes the fast path and it is installed.
    fn fast(&self, engine: &Engine) -> Option<u32> {
        if engine.uses_fast_path() { self.js.handle() } else { None }
    }

    fn get_fast<T>(&self, table: u32, index: u32, store: &StoreInner<T>) -> FastGet {
        let mut out = [0f64; 3];
        // SAFETY: `table` is live; JS writes three f64 slots at `out`.
        if unsafe { fast_abi::table_get(table, index, out.as_mut_ptr()) }.is_err() {
            let _ = fast_error::<()>(None);
            return FastGet::Done(None);
        }
        let [kind, value, sig] = out;
        match (kind as u32, self.ty.element()) {
            (0, RefType::FuncRef) => FastGet::Done(Some(Ref::FuncRef(None))),
            (0, RefType::ExternRef) => FastGet::Done(Some(Ref::ExternRef(None))),
            (1, RefType::ExternRef) => match ExternRef::by_id(value as u64, store) {
                Some(found) => FastGet::Done(Some(Ref::ExternRef(Some(found)))),
                None => FastGet::AskPortable,
            },
            (2, RefType::FuncRef) => {
                // Owning the handle frees it if the portable path has to answer.
                let js = JsRef::from_handle(value as u32);
                match u32::try_from(sig as i64).ok().and_then(crate::fast::sig_type) {
                    Some(ty) => FastGet::Done(Some(Ref::FuncRef(Some(Func::from_parts(js, ty, store.id))))),
                    None => FastGet::AskPortable,
                }
            }
            (2, RefType::ExternRef) => {
                drop(JsRef::from_handle(value as u32));
                FastGet::AskPortable
            }
            _ => FastGet::AskPortable,
        }
    }
}

impl WasmTable<Engine> for Table {
    fn new(mut ctx: impl AsContextMut<Engine>, ty: TableType, init: Ref<Engine>) -> Result<Self> {
        let store = ctx.as_context_mut().inner.id;
        check_ref_store(&init, store)?;
        if init.ty() != ty.element() {
            bail!("type mismatch: table of {:?} initialized with a {:?} reference", ty.element(), init.ty());
        }
        Python::attach(|py| {
            let init = ref_to_js(py, &init)?;
            let js = Portable::new_table(py, &element_code(ty.element()), ty.minimum(), ty.maximum(), &init).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(Self { js: JsRef::from_proxy(js.unbind()), ty, store })
        })
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> TableType {
        self.ty
    }

    fn size(&self, ctx: impl AsContext<Engine>) -> u32 {
        if let Some(handle) = self.fast(&ctx.as_context().inner.engine) {
            // SAFETY: `handle` is a live fast-path handle of this table.
            return unsafe { fast_abi::table_size(handle) }.unwrap_or_else(|_| {
                let _ = fast_error::<()>(None);
                0
            });
        }
        Python::attach(|py| self.wrapper(py).and_then(|t| t.length(py)).and_then(|n| n.extract()).unwrap_or(0))
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, delta: u32, init: Ref<Engine>) -> Result<u32> {
        let ctx = ctx.as_context_mut();
        self.check(ctx.inner.id, &init)?;
        if let (Some(table), Some(value)) = (self.fast(&ctx.inner.engine), ref_handle(&init)) {
            // SAFETY: both handles are live.
            return unsafe { fast_abi::table_grow(table, delta, value) }.map_err(|_| fast_error::<()>(None));
        }
        Python::attach(|py| {
            let init = ref_to_js(py, &init)?;
            Portable::table_grow(py, &self.js.proxy(py)?, &element_code(self.ty.element()), delta, &init)
                .map_err(|err| from_py_err::<()>(py, err, None))
        })
    }

    fn get(&self, mut ctx: impl AsContextMut<Engine>, index: u32) -> Option<Ref<Engine>> {
        let ctx = ctx.as_context_mut();
        if let Some(table) = self.fast(&ctx.inner.engine) {
            match self.get_fast(table, index, ctx.inner) {
                FastGet::Done(value) => return value,
                FastGet::AskPortable => {}
            }
        }
        Python::attach(|py| {
            let index = index.into_pyobject(py).ok()?;
            let value = self.wrapper(py).ok()?.get(py, index.as_any()).ok()?;
            ref_from_js(py, &value, element_val_type(self.ty.element()), ctx.inner).ok()
        })
    }

    fn set(&self, mut ctx: impl AsContextMut<Engine>, index: u32, elem: Ref<Engine>) -> Result<()> {
        let ctx = ctx.as_context_mut();
        self.check(ctx.inner.id, &elem)?;
        if let (Some(table), Some(value)) = (self.fast(&ctx.inner.engine), ref_handle(&elem)) {
            // SAFETY: both handles are live.
            if unsafe { fast_abi::table_set(table, index, value) }.is_err() {
                return Err(fast_error::<()>(None));
            }
            return Ok(());
        }
        Python::attach(|py| {
            let value = ref_to_js(py, &elem)?;
            Portable::table_set(py, &self.js.proxy(py)?, &element_code(self.ty.element()), index, &value).map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(())
        })
    }
}
