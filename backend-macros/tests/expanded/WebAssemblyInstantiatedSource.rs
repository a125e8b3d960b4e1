// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssemblyInstantiatedSource` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug)]
pub struct WebAssemblyInstantiatedSource {
    /// WebIDL: `required Module module;`
    pub module: Module,
    /// WebIDL: `required Instance instance;`
    pub instance: Instance,
}
impl WebAssemblyInstantiatedSource {
    /// A fresh JS object with the present members of this `WebAssemblyInstantiatedSource` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "module"),
            &crate::js::ToJs::to_js(&self.module, py)?,
        )?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "instance"),
            &crate::js::ToJs::to_js(&self.instance, py)?,
        )?;
        ::core::result::Result::Ok(object)
    }
    /// Reads a `WebAssemblyInstantiatedSource` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            module: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "module"),
                "WebAssemblyInstantiatedSource",
            )?,
            instance: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "instance"),
                "WebAssemblyInstantiatedSource",
            )?,
        })
    }
}
/// Clones every member (attaching to the interpreter for the reference counts).
impl ::core::clone::Clone for WebAssemblyInstantiatedSource {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| crate::js::CloneRef::clone_ref(self, py))
    }
}
impl crate::js::ToJs for WebAssemblyInstantiatedSource {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        WebAssemblyInstantiatedSource::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for WebAssemblyInstantiatedSource {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        WebAssemblyInstantiatedSource::from_js(&value)
    }
}
impl crate::js::CloneRef for WebAssemblyInstantiatedSource {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Self {
            module: crate::js::CloneRef::clone_ref(&self.module, py),
            instance: crate::js::CloneRef::clone_ref(&self.instance, py),
        }
    }
}
