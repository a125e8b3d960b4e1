// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly.Global` (JS API interface).
///
/// Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the
/// support module; JS exceptions come back as `Err`.
#[derive(Debug)]
pub struct Global(::pyo3::Py<::pyo3::PyAny>);
impl Global {
    /// The JS class `WebAssembly.Global`, looked up on first use and then cached.
    pub fn constructor<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || crate::js::global_constructor(py, "Global").map(::pyo3::Bound::unbind),
            )
            .map(|object| object.bind(py).clone())
    }
    /// `new WebAssembly.Global(descriptor, v)`.
    ///
    /// WebIDL: `constructor(GlobalDescriptor descriptor, optional any v);`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn new<'py>(
        py: ::pyo3::Python<'py>,
        descriptor: &GlobalDescriptor,
        v: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
    ) -> ::pyo3::PyResult<Self> {
        let object = crate::js::construct(
            &Self::constructor(py)?,
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&descriptor, py)?),
                crate::js::to_js_optional(v.as_ref(), py)?,
            ],
        )?;
        ::core::result::Result::Ok(Self(object.unbind()))
    }
    /// Wraps `value` if it is a `WebAssembly.Global` (`value instanceof WebAssembly.Global`, checked in JS);
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
    /// Wraps `value` without checking that it is a `WebAssembly.Global`.
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
    /// `WebAssembly.Global.prototype.valueOf()` (regular operation).
    ///
    /// WebIDL: `any valueOf();`
    pub fn value_of<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "valueOf"),
            &[],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// Gets the `value` attribute of this `WebAssembly.Global`.
    ///
    /// WebIDL: `attribute any value;`
    pub fn value<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let value = crate::js::get_property(
            self.0.bind(py),
            ::pyo3::intern!(py, "value"),
        )?;
        crate::js::FromJs::from_js(value)
    }
    /// Sets the `value` attribute of this `WebAssembly.Global`.
    ///
    /// WebIDL: `attribute any value;`
    pub fn set_value<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<()> {
        crate::js::set_property(
            self.0.bind(py),
            ::pyo3::intern!(py, "value"),
            &crate::js::ToJs::to_js(&value, py)?,
        )
    }
}
/// Clones the reference (attaching to the interpreter for the reference count).
impl ::core::clone::Clone for Global {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| self.clone_ref(py))
    }
}
impl crate::js::ToJs for Global {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ::core::result::Result::Ok(self.0.bind(py).clone())
    }
}
/// Trusts the WebIDL: the value is wrapped without a check.
impl<'py> crate::js::FromJs<'py> for Global {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ::core::result::Result::Ok(Self(value.unbind()))
    }
}
impl crate::js::CloneRef for Global {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Global::clone_ref(self, py)
    }
}
