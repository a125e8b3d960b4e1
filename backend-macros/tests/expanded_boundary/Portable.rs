// Generated from spec/boundary.webidl and backend/src/js/ by
// pyodide_runtime_layer_macros::boundary! with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `namespace Portable` of the boundary spec: each function calls its JS body (`src/js/portable.js`) through Pyodide's FFI; a JS exception comes back as `Err`.
#[derive(Clone, Copy, Debug)]
pub struct Portable;
impl Portable {
    /// WebIDL: `sequence<any> describeError(any error);`
    pub fn describe_error<'py>(
        py: ::pyo3::Python<'py>,
        error: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "describeError")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&error, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `sequence<any>? exceptionPayload(any error, any tag, DOMString types);`
    pub fn exception_payload<'py>(
        py: ::pyo3::Python<'py>,
        error: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        tag: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        types: &str,
    ) -> ::pyo3::PyResult<
        ::core::option::Option<::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>>>,
    > {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "exceptionPayload")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&error, py)?);
        args.push(crate::js::ToJs::to_js(&tag, py)?);
        args.push(crate::js::ToJs::to_js(&types, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `object newExternRef(double id);`
    pub fn new_extern_ref<'py>(
        py: ::pyo3::Python<'py>,
        id: f64,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "newExternRef")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&id, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `double externRefId(any value);`
    pub fn extern_ref_id<'py>(
        py: ::pyo3::Python<'py>,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<f64> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "externRefId")
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
    /// WebIDL: `DOMString? funcSig(any func, optional sequence<DOMString> candidates);`
    pub fn func_sig<'py>(
        py: ::pyo3::Python<'py>,
        func: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        candidates: ::core::option::Option<&[::std::string::String]>,
    ) -> ::pyo3::PyResult<::core::option::Option<::std::string::String>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "funcSig")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            2usize,
        );
        args.push(crate::js::ToJs::to_js(&func, py)?);
        if let ::core::option::Option::Some(candidates) = candidates {
            args.push(crate::js::ToJs::to_js(&candidates, py)?);
        }
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any hostFunction(any callable, DOMString sig);`
    pub fn host_function<'py>(
        py: ::pyo3::Python<'py>,
        callable: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        sig: &str,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "hostFunction")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            2usize,
        );
        args.push(crate::js::ToJs::to_js(&callable, py)?);
        args.push(crate::js::ToJs::to_js(&sig, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any makeCaller(any func, DOMString params, DOMString results);`
    pub fn make_caller<'py>(
        py: ::pyo3::Python<'py>,
        func: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        params: &str,
        results: &str,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "makeCaller")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&func, py)?);
        args.push(crate::js::ToJs::to_js(&params, py)?);
        args.push(crate::js::ToJs::to_js(&results, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any makeInstantiator(any module, sequence<DOMString?> sigs);`
    pub fn make_instantiator<'py>(
        py: ::pyo3::Python<'py>,
        module: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        sigs: &[::core::option::Option<::std::string::String>],
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "makeInstantiator")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            2usize,
        );
        args.push(crate::js::ToJs::to_js(&module, py)?);
        args.push(crate::js::ToJs::to_js(&sigs, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any compileBuffer(any buffer);`
    pub fn compile_buffer<'py>(
        py: ::pyo3::Python<'py>,
        buffer: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "compileBuffer")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            1usize,
        );
        args.push(crate::js::ToJs::to_js(&buffer, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `undefined readInto(any memory, double offset, any buffer);`
    pub fn read_into<'py>(
        py: ::pyo3::Python<'py>,
        memory: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        offset: f64,
        buffer: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<()> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "readInto")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&memory, py)?);
        args.push(crate::js::ToJs::to_js(&offset, py)?);
        args.push(crate::js::ToJs::to_js(&buffer, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `undefined writeFrom(any memory, double offset, any buffer);`
    pub fn write_from<'py>(
        py: ::pyo3::Python<'py>,
        memory: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        offset: f64,
        buffer: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<()> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "writeFrom")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&memory, py)?);
        args.push(crate::js::ToJs::to_js(&offset, py)?);
        args.push(crate::js::ToJs::to_js(&buffer, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any newGlobal(DOMString type, boolean mutable, any value);`
    pub fn new_global<'py>(
        py: ::pyo3::Python<'py>,
        r#type: &str,
        mutable: bool,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "newGlobal")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&r#type, py)?);
        args.push(crate::js::ToJs::to_js(&mutable, py)?);
        args.push(crate::js::ToJs::to_js(&value, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any getGlobal(any global, DOMString type);`
    pub fn get_global<'py>(
        py: ::pyo3::Python<'py>,
        global: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        r#type: &str,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "getGlobal")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            2usize,
        );
        args.push(crate::js::ToJs::to_js(&global, py)?);
        args.push(crate::js::ToJs::to_js(&r#type, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `undefined setGlobal(any global, DOMString type, any value);`
    pub fn set_global<'py>(
        py: ::pyo3::Python<'py>,
        global: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        r#type: &str,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<()> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "setGlobal")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            3usize,
        );
        args.push(crate::js::ToJs::to_js(&global, py)?);
        args.push(crate::js::ToJs::to_js(&r#type, py)?);
        args.push(crate::js::ToJs::to_js(&value, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `any newTable(DOMString element, unsigned long initial, unsigned long? maximum, any init);`
    pub fn new_table<'py>(
        py: ::pyo3::Python<'py>,
        element: &str,
        initial: u32,
        maximum: ::core::option::Option<u32>,
        init: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "newTable")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            4usize,
        );
        args.push(crate::js::ToJs::to_js(&element, py)?);
        args.push(crate::js::ToJs::to_js(&initial, py)?);
        args.push(crate::js::ToJs::to_js(&maximum, py)?);
        args.push(crate::js::ToJs::to_js(&init, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `unsigned long tableGrow(any table, DOMString element, unsigned long delta, any init);`
    pub fn table_grow<'py>(
        py: ::pyo3::Python<'py>,
        table: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        element: &str,
        delta: u32,
        init: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<u32> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "tableGrow")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            4usize,
        );
        args.push(crate::js::ToJs::to_js(&table, py)?);
        args.push(crate::js::ToJs::to_js(&element, py)?);
        args.push(crate::js::ToJs::to_js(&delta, py)?);
        args.push(crate::js::ToJs::to_js(&init, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `undefined tableSet(any table, DOMString element, unsigned long index, any value);`
    pub fn table_set<'py>(
        py: ::pyo3::Python<'py>,
        table: &::pyo3::Bound<'py, ::pyo3::PyAny>,
        element: &str,
        index: u32,
        value: &::pyo3::Bound<'py, ::pyo3::PyAny>,
    ) -> ::pyo3::PyResult<()> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "tableSet")
                        .map(::pyo3::Bound::unbind)
                },
            )?;
        let mut args: ::std::vec::Vec<::pyo3::Bound<'py, ::pyo3::PyAny>> = ::std::vec::Vec::with_capacity(
            4usize,
        );
        args.push(crate::js::ToJs::to_js(&table, py)?);
        args.push(crate::js::ToJs::to_js(&element, py)?);
        args.push(crate::js::ToJs::to_js(&index, py)?);
        args.push(crate::js::ToJs::to_js(&value, py)?);
        let result = crate::js::call_positional(function.bind(py), &args)?;
        crate::js::FromJs::from_js(result)
    }
    /// WebIDL: `boolean boundsTrapsAlike();`
    pub fn bounds_traps_alike<'py>(py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<bool> {
        static FUNCTION: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>> = ::pyo3::sync::PyOnceLock::new();
        let function = FUNCTION
            .get_or_try_init(
                py,
                || {
                    let namespace = crate::js::get_property(
                        &script_exports(py)?,
                        "Portable",
                    )?;
                    crate::js::get_property(&namespace, "boundsTrapsAlike")
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
