// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly.Module` (JS API interface).
///
/// Holds the JS object (a Pyodide `JsProxy`). Every call reaches JS through the
/// support module; JS exceptions come back as `Err`.
#[derive(Debug)]
pub struct Module(::pyo3::Py<::pyo3::PyAny>);
impl Module {
    /// The JS class `WebAssembly.Module`, looked up on first use and then cached.
    pub fn constructor<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || crate::js::global_constructor(py, "Module").map(::pyo3::Bound::unbind),
            )
            .map(|object| object.bind(py).clone())
    }
    /// `new WebAssembly.Module(bytes, options)`.
    ///
    /// WebIDL: `constructor(BufferSource bytes, optional WebAssemblyCompileOptions options = {});`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn new<'py>(
        py: ::pyo3::Python<'py>,
        bytes: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        options: ::core::option::Option<&WebAssemblyCompileOptions>,
    ) -> ::pyo3::PyResult<Self> {
        let object = crate::js::construct(
            &Self::constructor(py)?,
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&bytes, py)?),
                crate::js::to_js_optional(options.as_ref(), py)?,
            ],
        )?;
        ::core::result::Result::Ok(Self(object.unbind()))
    }
    /// Wraps `value` if it is a `WebAssembly.Module` (`value instanceof WebAssembly.Module`, checked in JS);
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
    /// Wraps `value` without checking that it is a `WebAssembly.Module`.
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
    /// `WebAssembly.Module.exports(moduleObject)` (static operation).
    ///
    /// WebIDL: `static sequence<ModuleExportDescriptor> exports(Module moduleObject);`
    pub fn exports<'py>(
        py: ::pyo3::Python<'py>,
        module_object: &Module,
    ) -> ::pyo3::PyResult<::std::vec::Vec<ModuleExportDescriptor>> {
        let result = crate::js::call_method(
            &Self::constructor(py)?,
            ::pyo3::intern!(py, "exports"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&module_object, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Module.imports(moduleObject)` (static operation).
    ///
    /// WebIDL: `static sequence<ModuleImportDescriptor> imports(Module moduleObject);`
    pub fn imports<'py>(
        py: ::pyo3::Python<'py>,
        module_object: &Module,
    ) -> ::pyo3::PyResult<::std::vec::Vec<ModuleImportDescriptor>> {
        let result = crate::js::call_method(
            &Self::constructor(py)?,
            ::pyo3::intern!(py, "imports"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&module_object, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.Module.customSections(moduleObject, sectionName)` (static operation).
    ///
    /// WebIDL: `static sequence<ArrayBuffer> customSections(Module moduleObject, DOMString sectionName);`
    pub fn custom_sections<'py>(
        py: ::pyo3::Python<'py>,
        module_object: &Module,
        section_name: &str,
    ) -> ::pyo3::PyResult<::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>>> {
        let result = crate::js::call_method(
            &Self::constructor(py)?,
            ::pyo3::intern!(py, "customSections"),
            &[
                ::core::option::Option::Some(
                    crate::js::ToJs::to_js(&module_object, py)?,
                ),
                ::core::option::Option::Some(crate::js::ToJs::to_js(&section_name, py)?),
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
}
/// Clones the reference (attaching to the interpreter for the reference count).
impl ::core::clone::Clone for Module {
    fn clone(&self) -> Self {
        ::pyo3::Python::attach(|py| self.clone_ref(py))
    }
}
impl crate::js::ToJs for Module {
    fn to_js<'py>(
        &self,
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        ::core::result::Result::Ok(self.0.bind(py).clone())
    }
}
/// Trusts the WebIDL: the value is wrapped without a check.
impl<'py> crate::js::FromJs<'py> for Module {
    fn from_js(value: ::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
        ::core::result::Result::Ok(Self(value.unbind()))
    }
}
impl crate::js::CloneRef for Module {
    fn clone_ref(&self, py: ::pyo3::Python<'_>) -> Self {
        Module::clone_ref(self, py)
    }
}
