// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `ModuleImportDescriptor` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleImportDescriptor {
    /// WebIDL: `required USVString module;`
    pub module: ::std::string::String,
    /// WebIDL: `required USVString name;`
    pub name: ::std::string::String,
    /// WebIDL: `required ImportExportKind kind;`
    pub kind: ImportExportKind,
}
impl ModuleImportDescriptor {
    /// A fresh JS object with the present members of this `ModuleImportDescriptor` as properties.
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
    /// Reads a `ModuleImportDescriptor` from the JS object `value`, by key on the JS side.
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
                "ModuleImportDescriptor",
            )?,
            name: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "name"),
                "ModuleImportDescriptor",
            )?,
            kind: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "kind"),
                "ModuleImportDescriptor",
            )?,
        })
    }
}
impl crate::js::ToJs for ModuleImportDescriptor {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ModuleImportDescriptor::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for ModuleImportDescriptor {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ModuleImportDescriptor::from_js(&value)
    }
}
impl crate::js::CloneRef for ModuleImportDescriptor {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        ::core::clone::Clone::clone(self)
    }
}
