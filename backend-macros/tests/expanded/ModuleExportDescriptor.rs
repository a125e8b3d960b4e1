// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `ModuleExportDescriptor` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleExportDescriptor {
    /// WebIDL: `required USVString name;`
    pub name: ::std::string::String,
    /// WebIDL: `required ImportExportKind kind;`
    pub kind: ImportExportKind,
}
impl ModuleExportDescriptor {
    /// A fresh JS object with the present members of this `ModuleExportDescriptor` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "name"),
            &crate::js::ToJs::to_js(&self.name, py)?,
        )?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "kind"),
            &crate::js::ToJs::to_js(&self.kind, py)?,
        )?;
        ::core::result::Result::Ok(object)
    }
    /// Reads a `ModuleExportDescriptor` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            name: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "name"),
                "ModuleExportDescriptor",
            )?,
            kind: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "kind"),
                "ModuleExportDescriptor",
            )?,
        })
    }
}
impl crate::js::ToJs for ModuleExportDescriptor {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ModuleExportDescriptor::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for ModuleExportDescriptor {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ModuleExportDescriptor::from_js(&value)
    }
}
impl crate::js::CloneRef for ModuleExportDescriptor {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        ::core::clone::Clone::clone(self)
    }
}
