// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `GlobalDescriptor` (JS API dictionary).
///
/// Required members are plain fields; the others are `Option`s, where `None`
/// leaves the key out of the JS object so that JS applies its default.
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalDescriptor {
    /// WebIDL: `required ValueType value;`
    pub value: ValueType,
    /// WebIDL: `boolean mutable = false;`
    ///
    /// `None` leaves the key out, so JS uses the default, `false`.
    pub mutable: ::core::option::Option<bool>,
}
impl GlobalDescriptor {
    /// A fresh JS object with the present members of this `GlobalDescriptor` as properties.
    pub fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let object = crate::js::new_object(py)?;
        crate::js::set_property(
            &object,
            ::pyo3::intern!(py, "value"),
            &crate::js::ToJs::to_js(&self.value, py)?,
        )?;
        if let ::core::option::Option::Some(value) = &self.mutable {
            crate::js::set_property(
                &object,
                ::pyo3::intern!(py, "mutable"),
                &crate::js::ToJs::to_js(value, py)?,
            )?;
        }
        ::core::result::Result::Ok(object)
    }
    /// Reads a `GlobalDescriptor` from the JS object `value`, by key on the JS side.
    ///
    /// A missing (`undefined`) required member is an error.
    pub fn from_js<'py>(
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<Self> {
        let py = value.py();
        ::core::result::Result::Ok(Self {
            value: crate::js::required_member(
                value,
                ::pyo3::intern!(py, "value"),
                "GlobalDescriptor",
            )?,
            mutable: crate::js::optional_member(value, ::pyo3::intern!(py, "mutable"))?,
        })
    }
}
impl crate::js::ToJs for GlobalDescriptor {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        GlobalDescriptor::to_js(self, py)
    }
}
impl<'py> crate::js::FromJs<'py> for GlobalDescriptor {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        GlobalDescriptor::from_js(&value)
    }
}
impl crate::js::CloneRef for GlobalDescriptor {
    fn clone_ref(&self, _py: ::pyo3::Python<'_>) -> Self {
        ::core::clone::Clone::clone(self)
    }
}
