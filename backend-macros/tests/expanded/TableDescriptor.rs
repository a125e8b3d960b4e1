// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `TableDescriptor` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug)]
pub struct TableDescriptor {
    /// WebIDL: `required TableKind element;`
    pub element: TableKind,
    /// WebIDL: `required AddressValue initial;`
    pub initial: ::pyo3::Py<::pyo3::PyAny>,
    /// WebIDL: `AddressValue maximum;`
    ///
    /// `None` leaves the key out.
    pub maximum: ::core::option::Option<::pyo3::Py<::pyo3::PyAny>>,
    /// WebIDL: `AddressType address;`
    ///
    /// `None` leaves the key out.
    pub address: ::core::option::Option<AddressType>,
}
impl TableDescriptor {
    /// A fresh JS object with the present members of this `TableDescriptor` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "element"),
            &crate::js::ToJs::to_js(&self.element, py)?,
        )?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "initial"),
            &crate::js::ToJs::to_js(&self.initial, py)?,
        )?;
        if let ::core::option::Option::Some(value) = &self.maximum {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "maximum"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        if let ::core::option::Option::Some(value) = &self.address {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "address"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        ::core::result::Result::Ok(object)
    }
    /// Reads a `TableDescriptor` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            element: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "element"),
                "TableDescriptor",
            )?,
            initial: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "initial"),
                "TableDescriptor",
            )?,
            maximum: crate::js::optional_member(value, ::pyo3::intern!(py, "maximum"))?,
            address: crate::js::optional_member(value, ::pyo3::intern!(py, "address"))?,
        })
    }
}
/// Clones every member (attaching to the interpreter for the reference counts).
impl ::core::clone::Clone for TableDescriptor {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| crate::js::CloneRef::clone_ref(self, py))
    }
}
impl crate::js::ToJs for TableDescriptor {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        TableDescriptor::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for TableDescriptor {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        TableDescriptor::from_js(&value)
    }
}
impl crate::js::CloneRef for TableDescriptor {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Self {
            element: crate::js::CloneRef::clone_ref(&self.element, py),
            initial: crate::js::CloneRef::clone_ref(&self.initial, py),
            maximum: crate::js::CloneRef::clone_ref(&self.maximum, py),
            address: crate::js::CloneRef::clone_ref(&self.address, py),
        }
    }
}
