// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly.Memory` (JS API interface).
///
/// Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the
/// support module; JS exceptions come back as `Err`.
#[derive(Debug)]
pub struct Memory(::pyo3::Py<::pyo3::PyAny>);
impl Memory {
    /// The JS class `WebAssembly.Memory`, looked up on first use and then cached.
    pub fn constructor<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || crate::js::global_constructor(py, "Memory").map(::pyo3::Bound::unbind),
            )
            .map(|object| object.bind(py).clone())
    }
    /// `new WebAssembly.Memory(descriptor)`.
    ///
    /// WebIDL: `constructor(MemoryDescriptor descriptor);`
    pub fn new<'py>(
        py: ::pyo3::Python<'py>,
        descriptor: &MemoryDescriptor,
    ) -> ::pyo3::PyResult<Self> {
        let object = crate::js::construct(
            &Self::constructor(py)?,
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&descriptor, py)?)],
        )?;
        ::core::result::Result::Ok(Self(object.unbind()))
    }
    /// Wraps `value` if it is a `WebAssembly.Memory` (`value instanceof WebAssembly.Memory`, checked in JS);
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
    /// Wraps `value` without checking that it is a `WebAssembly.Memory`.
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
    /// `WebAssembly.Memory.prototype.grow(delta)` (regular operation).
    ///
    /// WebIDL: `AddressValue grow(AddressValue delta);`
    pub fn grow<'py>(
        &self,
        py: ::pyo3::Python<'py>,
        delta: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "grow"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&delta, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Memory.prototype.toFixedLengthBuffer()` (regular operation).
    ///
    /// WebIDL: `ArrayBuffer toFixedLengthBuffer();`
    pub fn to_fixed_length_buffer<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "toFixedLengthBuffer"),
            &[],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Memory.prototype.toResizableBuffer()` (regular operation).
    ///
    /// WebIDL: `ArrayBuffer toResizableBuffer();`
    pub fn to_resizable_buffer<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            self.0.bind(py),
            ::pyo3::intern!(py, "toResizableBuffer"),
            &[],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// Gets the `buffer` attribute of this `WebAssembly.Memory`.
    ///
    /// WebIDL: `readonly attribute ArrayBuffer buffer;`
    pub fn buffer<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let value = crate::js::get_property(
            self.0.bind(py),
            ::pyo3::intern!(py, "buffer"),
        )?;
        crate::js::FromJs::from_js(value)
    }
}
/// Clones the reference (attaching to the interpreter for the reference count).
impl ::core::clone::Clone for Memory {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| self.clone_ref(py))
    }
}
impl crate::js::ToJs for Memory {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ::core::result::Result::Ok(self.0.bind(py).clone())
    }
}
/// Trusts the WebIDL: the value is wrapped without a check.
impl<'py> crate::js::FromJs<'py> for Memory {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ::core::result::Result::Ok(Self(value.unbind()))
    }
}
impl crate::js::CloneRef for Memory {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Memory::clone_ref(self, py)
    }
}
