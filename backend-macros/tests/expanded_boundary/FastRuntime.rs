// Generated from spec/boundary.webidl and backend/src/js/ by
// pyodide_runtime_layer_macros::boundary! with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `namespace FastRuntime` of the boundary spec: each function calls its JS body (`src/js/fast_runtime.js`) through Pyodide's FFI; a JS exception comes back as `Err`.
#[derive(Clone, Copy, Debug)]
pub struct FastRuntime;
impl FastRuntime {
    /// WebIDL: `DOMString? install(any pyodideModule, unsigned long scratch, unsigned long scratchBytes);`
    pub fn install<'py>(
        py: ::pyo3::Python<'py>,
        pyodide_module: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        scratch: u32,
        scratch_bytes: u32,
    ) -> ::pyo3::PyResult<::core::option::Option<::std::string::String>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "install")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&pyodide_module, py)?);
        args.push(crate::js::ToJs::to_js(&scratch, py)?);
        args.push(crate::js::ToJs::to_js(&scratch_bytes, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `sequence<unsigned long>? directEntries();`
    pub fn direct_entries<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::core::option::Option<::std::vec::Vec<u32>>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "directEntries")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            0usize,
        );
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `unsigned long register(any value);`
    pub fn register<'py>(
        py: ::pyo3::Python<'py>,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<u32> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "register")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&value, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any value(unsigned long handle);`
    pub fn value<'py>(
        py: ::pyo3::Python<'py>,
        handle: u32,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "value")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&handle, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `unsigned long sigId(DOMString sig);`
    pub fn sig_id<'py>(py: ::pyo3::Python<'py>, sig: &str) -> ::pyo3::PyResult<u32> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "sigId")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&sig, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any hostFunction(unsigned long trampoline, unsigned long id, DOMString sig);`
    pub fn host_function<'py>(
        py: ::pyo3::Python<'py>,
        trampoline: u32,
        id: u32,
        sig: &str,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "hostFunction")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&trampoline, py)?);
        args.push(crate::js::ToJs::to_js(&id, py)?);
        args.push(crate::js::ToJs::to_js(&sig, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any takeError();`
    pub fn take_error<'py>(
        py: ::pyo3::Python<'py>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "FastRuntime",
                    )?;
                    crate::js::get_property(&namespace, "takeError")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            0usize,
        );
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
}
