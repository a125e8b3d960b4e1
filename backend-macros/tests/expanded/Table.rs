// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly.Table` (JS API interface).
///
/// Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the
/// support module; JS exceptions come back as `Err`.
#[derive(Debug)]
pub struct Table(::pyo3::Py<::pyo3::PyAny>);
impl Table {
    /// The JS class `WebAssembly.Table`, looked up on first use and then cached.
    pub fn constructor<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || crate::js::global_constructor(py, "Table").map(::pyo3::Bound::unbind),
            )
            .map(|object| object.bind(py).clone())
    }
    /// `new WebAssembly.Table(descriptor, value)`.
    ///
    /// WebIDL: `constructor(TableDescriptor descriptor, optional any value);`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn new<'py>(
        py: ::pyo3::Python<'py>,
        descriptor: &TableDescriptor,
        value: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
    ) -> ::pyo3::PyResult<Self> {
        let object = crate::js::construct(
            &Self::constructor(py)?,
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&descriptor, py)?),
                crate::js::to_js_optional(value.as_ref(), py)?,
            ],
        )?;
        ::core::result::Result::Ok(Self(object.unbind()))
    }
    /// Wraps `value` if it is a `WebAssembly.Table` (`value instanceof WebAssembly.Table`, checked in JS);
    /// `Ok(None)` otherwise.
    pub fn cast(
        value: &::pyo3::Bound<'_, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::core::option::Option<Self>> {
        let py = value.py();
        if crate::js::instance_of(value, &Self::constructor(py)?)? {
            ::core::result::Result::Ok(
                ::core::option::Option::Some(Self(value.clone().unbind())),
            )
        } else {
            ::core::result::Result::Ok(::core::option::Option::None)
        }
    }
    /// Wraps `value` without checking that it is a `WebAssembly.Table`.
    pub fn from_js_unchecked(value: ::pyo3::Py<::pyo3::PyAny>) -> Self {
        Self(value)
    }
    /// The JS object.
    pub fn as_js(&self) -> &::pyo3::Py<::pyo3::PyAny> {
        &self.0
    }
    /// The JS object, consuming the wrapper.
    pub fn into_js(self) -> ::pyo3::Py<::pyo3::PyAny> {
        self.0
    }
    /// Another reference to the same JS object.
    pub fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Self(self.0.clone_ref(py))
    }
    /// `WebAssembly.Table.prototype.grow(delta, value)` (regular operation).
    ///
    /// WebIDL: `AddressValue grow(AddressValue delta, optional any value);`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn grow<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        delta: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        value: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "grow"),
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&delta, py)?),
                crate::js::to_js_optional(value.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Table.prototype.get(index)` (regular operation).
    ///
    /// WebIDL: `any get(AddressValue index);`
    pub fn get<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        index: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "get"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&index, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Table.prototype.set(index, value)` (regular operation).
    ///
    /// WebIDL: `undefined set(AddressValue index, optional any value);`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn set<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        index: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        value: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
    ) -> ::pyo3::PyResult<()> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "set"),
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&index, py)?),
                crate::js::to_js_optional(value.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// Gets the `length` attribute of this `WebAssembly.Table`.
    ///
    /// WebIDL: `readonly attribute AddressValue length;`
    pub fn length<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let value = crate::js::get_property(
            self.0.bind(py),
            ::pyo3::intern!(py, "length"),
        )?;
        crate::js::FromJs::from_js(value)
    }
}
/// Clones the reference (attaching to the interpreter for the reference count).
impl ::core::clone::Clone for Table {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| self.clone_ref(py))
    }
}
impl crate::js::ToJs for Table {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ::core::result::Result::Ok(self.0.bind(py).clone())
    }
}
/// Trusts the WebIDL: the value is wrapped without a check.
impl<'py> crate::js::FromJs<'py> for Table {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ::core::result::Result::Ok(Self(value.unbind()))
    }
}
impl crate::js::CloneRef for Table {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Table::clone_ref(self, py)
    }
}
