// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly.Exception` (JS API interface).
///
/// Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the
/// support module; JS exceptions come back as `Err`.
#[derive(Debug)]
pub struct Exception(::pyo3::Py<::pyo3::PyAny>);
impl Exception {
    /// The JS class `WebAssembly.Exception`, looked up on first use and then cached.
    pub fn constructor<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || {
                    crate::js::global_constructor(py, "Exception")
                        .map(::pyo3::Bound::unbind)
                },
            )
            .map(|object| object.bind(py).clone())
    }
    /// `new WebAssembly.Exception(exceptionTag, payload, options)`.
    ///
    /// WebIDL: `constructor(Tag exceptionTag, sequence<any> payload, optional ExceptionOptions options = {});`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn new<'py>(
        py: ::pyo3::Python<'py>,
        exception_tag: &Tag,
        payload: &[::pyo3::Bound<'py, ::pyo3::PyAny>],
        options: ::core::option::Option<&ExceptionOptions>,
    ) -> ::pyo3::PyResult<Self> {
        let object = crate::js::construct(
            &Self::constructor(py)?,
            &[
                ::core::option::Option::Some(
                    crate::js::ToJs::to_js(&exception_tag, py)?,
                ),
                ::core::option::Option::Some(crate::js::ToJs::to_js(&payload, py)?),
                crate::js::to_js_optional(options.as_ref(), py)?,
            ],
        )?;
        ::core::result::Result::Ok(Self(object.unbind()))
    }
    /// Wraps `value` if it is a `WebAssembly.Exception` (`value instanceof WebAssembly.Exception`, checked in JS);
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
    /// Wraps `value` without checking that it is a `WebAssembly.Exception`.
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
    /// `WebAssembly.Exception.prototype.getArg(exceptionTag, index)` (regular operation).
    ///
    /// WebIDL: `any getArg(Tag exceptionTag, [EnforceRange] unsigned long index);`
    pub fn get_arg<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        exception_tag: &Tag,
        index: u32,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "getArg"),
            &[
                ::core::option::Option::Some(
                    crate::js::ToJs::to_js(&exception_tag, py)?,
                ),
                ::core::option::Option::Some(crate::js::ToJs::to_js(&index, py)?),
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Exception.prototype.is(exceptionTag)` (regular operation).
    ///
    /// WebIDL: `boolean is(Tag exceptionTag);`
    pub fn is<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        exception_tag: &Tag,
    ) -> ::pyo3::PyResult<bool> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "is"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&exception_tag, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// Gets the `stack` attribute of this `WebAssembly.Exception`.
    ///
    /// WebIDL: `readonly attribute (DOMString or undefined) stack;`
    pub fn stack<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let value = crate::js::get_property(
            self.0.bind(py),
            ::pyo3::intern!(py, "stack"),
        )?;
        crate::js::FromJs::from_js(value)
    }
}
/// Clones the reference (attaching to the interpreter for the reference count).
impl ::core::clone::Clone for Exception {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| self.clone_ref(py))
    }
}
impl crate::js::ToJs for Exception {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ::core::result::Result::Ok(self.0.bind(py).clone())
    }
}
/// Trusts the WebIDL: the value is wrapped without a check.
impl<'py> crate::js::FromJs<'py> for Exception {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ::core::result::Result::Ok(Self(value.unbind()))
    }
}
impl crate::js::CloneRef for Exception {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Exception::clone_ref(self, py)
    }
}
