// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `ExceptionOptions` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExceptionOptions {
    /// WebIDL: `boolean traceStack = false;`
    ///
    /// `None` leaves the key out, so JS uses the default, `false`.
    pub trace_stack: ::core::option::Option<bool>,
}
impl ExceptionOptions {
    /// A fresh JS object with the present members of this `ExceptionOptions` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        if let ::core::option::Option::Some(value) = &self.trace_stack {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "traceStack"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        ::core::result::Result::Ok(object)
    }
    /// Reads a `ExceptionOptions` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            trace_stack: crate::js::optional_member(
                value,
                ::pyo3::intern!(py, "traceStack"),
            )?,
        })
    }
}
impl crate::js::ToJs for ExceptionOptions {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ExceptionOptions::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for ExceptionOptions {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ExceptionOptions::from_js(&value)
    }
}
impl crate::js::CloneRef for ExceptionOptions {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        ::core::clone::Clone::clone(self)
    }
}
