// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssemblyCompileOptions` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WebAssemblyCompileOptions {
    /// WebIDL: `USVString? importedStringConstants;`
    ///
    /// `None` leaves the key out.
    pub imported_string_constants: ::core::option::Option<
        ::core::option::Option<::std::string::String>,
    >,
    /// WebIDL: `sequence<USVString> builtins;`
    ///
    /// `None` leaves the key out.
    pub builtins: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl WebAssemblyCompileOptions {
    /// A fresh JS object with the present members of this `WebAssemblyCompileOptions` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        if let ::core::option::Option::Some(value) = &self.imported_string_constants {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "importedStringConstants"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        if let ::core::option::Option::Some(value) = &self.builtins {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "builtins"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        ::core::result::Result::Ok(object)
    }
    /// Reads a `WebAssemblyCompileOptions` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            imported_string_constants: crate::js::optional_member(
                value,
                ::pyo3::intern!(py, "importedStringConstants"),
            )?,
            builtins: crate::js::optional_member(value, ::pyo3::intern!(py, "builtins"))?,
        })
    }
}
impl crate::js::ToJs for WebAssemblyCompileOptions {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        WebAssemblyCompileOptions::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for WebAssemblyCompileOptions {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        WebAssemblyCompileOptions::from_js(&value)
    }
}
impl crate::js::CloneRef for WebAssemblyCompileOptions {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        ::core::clone::Clone::clone(self)
    }
}
