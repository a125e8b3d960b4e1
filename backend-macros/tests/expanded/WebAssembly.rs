// Generated from spec/upstream/js-api.webidl and spec/additions.webidl by
// pyodide_runtime_layer_macros with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `WebAssembly` (JS API namespace).
///
/// Its operations are associated functions; JS exceptions come back as `Err`.
#[derive(Clone, Copy, Debug)]
pub struct WebAssembly;
impl WebAssembly {
    /// The JS namespace object `WebAssembly`, looked up on first use and then cached.
    pub fn namespace_object<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static CACHE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        CACHE
            .get_or_try_init(
                py,
                || crate::js::global_object(py, "WebAssembly").map(::pyo3::Bound::unbind),
            )
            .map(|object| object.bind(py).clone())
    }
    /// `WebAssembly.validate(bytes, options)` (namespace operation).
    ///
    /// WebIDL: `boolean validate(BufferSource bytes, optional WebAssemblyCompileOptions options = {});`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn validate<'py>(
        py: ::pyo3::Python<'py>,
        bytes: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        options: ::core::option::Option<&WebAssemblyCompileOptions>,
    ) -> ::pyo3::PyResult<bool> {
        let result = crate::js::call_method(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "validate"),
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&bytes, py)?),
                crate::js::to_js_optional(options.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.compile(bytes, options)` (namespace operation).
    ///
    /// WebIDL: `Promise<Module> compile(BufferSource bytes, optional WebAssemblyCompileOptions options = {});`
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn compile<'py>(
        py: ::pyo3::Python<'py>,
        bytes: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        options: ::core::option::Option<&WebAssemblyCompileOptions>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method_returning_promise(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "compile"),
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&bytes, py)?),
                crate::js::to_js_optional(options.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.instantiate(bytes, importObject, options)` (namespace operation).
    ///
    /// WebIDL: `Promise<WebAssemblyInstantiatedSource> instantiate(BufferSource bytes, optional object importObject, optional WebAssemblyCompileOptions options = {});`
    ///
    /// One of 2 overloads of `instantiate` on `WebAssembly` (the first is `instantiate`, later ones are named after their distinct arguments).
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn instantiate<'py>(
        py: ::pyo3::Python<'py>,
        bytes: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        import_object: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
        options: ::core::option::Option<&WebAssemblyCompileOptions>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method_returning_promise(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "instantiate"),
            &[
                ::core::option::Option::Some(crate::js::ToJs::to_js(&bytes, py)?),
                crate::js::to_js_optional(import_object.as_ref(), py)?,
                crate::js::to_js_optional(options.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.instantiate(moduleObject, importObject)` (namespace operation).
    ///
    /// WebIDL: `Promise<Instance> instantiate(Module moduleObject, optional object importObject);`
    ///
    /// One of 2 overloads of `instantiate` on `WebAssembly` (the first is `instantiate`, later ones are named after their distinct arguments).
    ///
    /// An optional argument given as `None` is left out of the JS call.
    pub fn instantiate_with_module_object<'py>(
        py: ::pyo3::Python<'py>,
        module_object: &Module,
        import_object: ::core::option::Option<&::pyo3::Bound<'py, ::pyo3::PyAny>>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method_returning_promise(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "instantiate"),
            &[
                ::core::option::Option::Some(
                    crate::js::ToJs::to_js(&module_object, py)?,
                ),
                crate::js::to_js_optional(import_object.as_ref(), py)?,
            ],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// `WebAssembly.promising(wasmFunc)` (namespace operation).
    ///
    /// WebIDL: `Function promising(Function wasmFunc);`
    pub fn promising<'py>(
        py: ::pyo3::Python<'py>,
        wasm_func: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        let result = crate::js::call_method(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "promising"),
            &[::core::option::Option::Some(crate::js::ToJs::to_js(&wasm_func, py)?)],
        )?;
        crate::js::FromJs::from_js(result)
    }
    /// Gets the `JSTag` attribute of `WebAssembly`.
    ///
    /// WebIDL: `readonly attribute Tag JSTag;`
    pub fn js_tag<'py>(py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<Tag> {
        let value = crate::js::get_property(
            &Self::namespace_object(py)?,
            ::pyo3::intern!(py, "JSTag"),
        )?;
        crate::js::FromJs::from_js(value)
    }
}
