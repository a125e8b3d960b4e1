//! `Table`: a `WebAssembly.Table` of funcref or externref.

use crate::bindings;
use crate::error::{WrongStore, from_py_err};
use crate::glue::glue;
use crate::js_ref::JsRef;
use crate::store::StoreId;
use crate::value::{check_store, ref_from_js, ref_to_js};
use crate::Engine;
use anyhow::{Result, bail};
use pyo3::prelude::*;
use wasm_runtime_layer::backend::{AsContext, AsContextMut, Ref, Val, WasmTable};
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
        check_store(&Val::from(value.clone()), store)?;
        if value.ty() != self.ty.element() {
            bail!("type mismatch: a {:?} reference cannot go into a table of {:?}", value.ty(), self.ty.element());
        }
        Ok(())
    }
}

impl WasmTable<Engine> for Table {
    fn new(mut ctx: impl AsContextMut<Engine>, ty: TableType, init: Ref<Engine>) -> Result<Self> {
        let store = ctx.as_context_mut().inner.id;
        check_store(&Val::from(init.clone()), store)?;
        if init.ty() != ty.element() {
            bail!("type mismatch: table of {:?} initialized with a {:?} reference", ty.element(), init.ty());
        }
        Python::attach(|py| {
            let init = ref_to_js(py, &init)?;
            let js = glue(py)?
                .new_table
                .bind(py)
                .call1((element_code(ty.element()), ty.minimum(), ty.maximum(), init))
                .map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(Self { js: JsRef::from_proxy(js.unbind()), ty, store })
        })
    }

    fn ty(&self, _ctx: impl AsContext<Engine>) -> TableType {
        self.ty
    }

    fn size(&self, ctx: impl AsContext<Engine>) -> u32 {
        if ctx.as_context().inner.engine.uses_fast_path() {
            if let Some(handle) = self.js.handle() {
                // SAFETY: `handle` is a live fast-path handle of this table.
                return unsafe { crate::fast::rtl1_table_size(handle) };
            }
        }
        Python::attach(|py| self.wrapper(py).and_then(|t| t.length(py)).and_then(|n| n.extract()).unwrap_or(0))
    }

    fn grow(&self, mut ctx: impl AsContextMut<Engine>, delta: u32, init: Ref<Engine>) -> Result<u32> {
        self.check(ctx.as_context_mut().inner.id, &init)?;
        Python::attach(|py| {
            let init = ref_to_js(py, &init)?;
            let old = glue(py)?
                .table_grow
                .bind(py)
                .call1((self.js.proxy(py)?, element_code(self.ty.element()), delta, init))
                .map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(old.extract()?)
        })
    }

    fn get(&self, mut ctx: impl AsContextMut<Engine>, index: u32) -> Option<Ref<Engine>> {
        let ctx = ctx.as_context_mut();
        Python::attach(|py| {
            let index = index.into_pyobject(py).ok()?;
            let value = self.wrapper(py).ok()?.get(py, index.as_any()).ok()?;
            ref_from_js(py, &value, element_val_type(self.ty.element()), ctx.inner).ok()
        })
    }

    fn set(&self, mut ctx: impl AsContextMut<Engine>, index: u32, elem: Ref<Engine>) -> Result<()> {
        self.check(ctx.as_context_mut().inner.id, &elem)?;
        Python::attach(|py| {
            let value = ref_to_js(py, &elem)?;
            glue(py)?
                .table_set
                .bind(py)
                .call1((self.js.proxy(py)?, element_code(self.ty.element()), index, value))
                .map_err(|err| from_py_err::<()>(py, err, None))?;
            Ok(())
        })
    }
}
