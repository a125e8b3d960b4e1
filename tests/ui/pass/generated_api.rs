//! The API generated from spec/upstream/js-api.webidl and spec/additions.webidl,
//! as the backend uses it: every
//! signature of the contract, checked by coercion to a function pointer.

use pyo3::{Bound, Py, PyAny, PyResult, Python};
use pyodide_runtime_layer::bindings::*;

type Any<'py> = Bound<'py, PyAny>;

fn main() {
    // namespace WebAssembly
    let _: for<'py> fn(Python<'py>, &Any<'py>, Option<&WebAssemblyCompileOptions>) -> PyResult<bool> =
        WebAssembly::validate;
    let _: for<'py> fn(Python<'py>, &Any<'py>, Option<&WebAssemblyCompileOptions>) -> PyResult<Any<'py>> =
        WebAssembly::compile;
    let _: for<'py> fn(
        Python<'py>,
        &Any<'py>,
        Option<&Any<'py>>,
        Option<&WebAssemblyCompileOptions>,
    ) -> PyResult<Any<'py>> = WebAssembly::instantiate;
    let _: for<'py> fn(Python<'py>, &Module, Option<&Any<'py>>) -> PyResult<Any<'py>> =
        WebAssembly::instantiate_with_module_object;
    let _: for<'py> fn(Python<'py>, &Any<'py>) -> PyResult<Any<'py>> = WebAssembly::promising;
    let _: for<'py> fn(Python<'py>) -> PyResult<Tag> = WebAssembly::js_tag;
    let _: for<'py> fn(Python<'py>, &Any<'py>) -> PyResult<Suspending> = Suspending::new;

    // Module
    let _: for<'py> fn(Python<'py>) -> PyResult<Any<'py>> = Module::constructor;
    let _: for<'py> fn(Python<'py>, &Any<'py>, Option<&WebAssemblyCompileOptions>) -> PyResult<Module> =
        Module::new;
    let _: for<'py> fn(Python<'py>, &Module) -> PyResult<Vec<ModuleExportDescriptor>> =
        Module::exports;
    let _: for<'py> fn(Python<'py>, &Module) -> PyResult<Vec<ModuleImportDescriptor>> =
        Module::imports;
    let _: for<'py> fn(Python<'py>, &Module, &str) -> PyResult<Vec<Any<'py>>> =
        Module::custom_sections;
    let _: fn(&Bound<'_, PyAny>) -> PyResult<Option<Module>> = Module::cast;
    let _: fn(Py<PyAny>) -> Module = Module::from_js_unchecked;
    let _: fn(&Module) -> &Py<PyAny> = Module::as_js;
    let _: fn(Module) -> Py<PyAny> = Module::into_js;
    let _: fn(&Module) -> Module = Clone::clone;

    // Instance
    let _: for<'py> fn(Python<'py>, &Module, Option<&Any<'py>>) -> PyResult<Instance> =
        Instance::new;
    let _: for<'py> fn(&Instance, Python<'py>) -> PyResult<Any<'py>> = Instance::exports;

    // Memory
    let _: for<'py> fn(Python<'py>, &MemoryDescriptor) -> PyResult<Memory> = Memory::new;
    let _: for<'py> fn(&Memory, Python<'py>, &Any<'py>) -> PyResult<Any<'py>> = Memory::grow;
    let _: for<'py> fn(&Memory, Python<'py>) -> PyResult<Any<'py>> = Memory::to_fixed_length_buffer;
    let _: for<'py> fn(&Memory, Python<'py>) -> PyResult<Any<'py>> = Memory::to_resizable_buffer;
    let _: for<'py> fn(&Memory, Python<'py>) -> PyResult<Any<'py>> = Memory::buffer;

    // Table
    let _: for<'py> fn(Python<'py>, &TableDescriptor, Option<&Any<'py>>) -> PyResult<Table> =
        Table::new;
    let _: for<'py> fn(&Table, Python<'py>, &Any<'py>, Option<&Any<'py>>) -> PyResult<Any<'py>> =
        Table::grow;
    let _: for<'py> fn(&Table, Python<'py>, &Any<'py>) -> PyResult<Any<'py>> = Table::get;
    let _: for<'py> fn(&Table, Python<'py>, &Any<'py>, Option<&Any<'py>>) -> PyResult<()> =
        Table::set;
    let _: for<'py> fn(&Table, Python<'py>) -> PyResult<Any<'py>> = Table::length;

    // Global
    let _: for<'py> fn(Python<'py>, &GlobalDescriptor, Option<&Any<'py>>) -> PyResult<Global> =
        Global::new;
    let _: for<'py> fn(&Global, Python<'py>) -> PyResult<Any<'py>> = Global::value_of;
    let _: for<'py> fn(&Global, Python<'py>) -> PyResult<Any<'py>> = Global::value;
    let _: for<'py> fn(&Global, Python<'py>, &Any<'py>) -> PyResult<()> = Global::set_value;

    // Tag and Exception
    let _: for<'py> fn(Python<'py>, &TagType) -> PyResult<Tag> = Tag::new;
    let _: for<'py> fn(
        Python<'py>,
        &Tag,
        &[Any<'py>],
        Option<&ExceptionOptions>,
    ) -> PyResult<Exception> = Exception::new;
    let _: for<'py> fn(&Exception, Python<'py>, &Tag, u32) -> PyResult<Any<'py>> =
        Exception::get_arg;
    let _: for<'py> fn(&Exception, Python<'py>, &Tag) -> PyResult<bool> = Exception::is;
    let _: for<'py> fn(&Exception, Python<'py>) -> PyResult<Any<'py>> = Exception::stack;

    // Error classes
    let _: for<'py> fn(Python<'py>, Option<&str>) -> PyResult<CompileError> = CompileError::new;
    let _: for<'py> fn(&LinkError, Python<'py>) -> PyResult<String> = LinkError::message;
    let _: fn(&Bound<'_, PyAny>) -> PyResult<Option<RuntimeError>> = RuntimeError::cast;

    // Dictionaries
    let _: for<'py> fn(&MemoryDescriptor, Python<'py>) -> PyResult<Any<'py>> =
        MemoryDescriptor::to_js;
    let _: for<'py> fn(&Any<'py>) -> PyResult<TableDescriptor> = TableDescriptor::from_js;
    let _: for<'py> fn(&Any<'py>) -> PyResult<WebAssemblyInstantiatedSource> =
        WebAssemblyInstantiatedSource::from_js;
    let global = GlobalDescriptor {
        value: ValueType::I64,
        mutable: Some(true),
    };
    assert_eq!(global.clone(), global);
    let tag_type = TagType {
        parameters: vec![ValueType::I32, ValueType::Externref],
    };
    assert_eq!(tag_type.parameters.len(), 2);
    assert_eq!(
        ExceptionOptions::default(),
        ExceptionOptions { trace_stack: None }
    );
    let _ = |initial: Py<PyAny>| MemoryDescriptor {
        initial,
        maximum: None,
        shared: Some(false),
        address: Some(AddressType::I64),
    };
    let _ = |export: ModuleExportDescriptor| -> (String, ImportExportKind) {
        (export.name, export.kind)
    };
    let _ = |import: ModuleImportDescriptor| -> (String, String, ImportExportKind) {
        (import.module, import.name, import.kind)
    };
    let _ =
        |table: TableDescriptor| -> (TableKind, Py<PyAny>, Option<Py<PyAny>>, Option<AddressType>) {
            (table.element, table.initial, table.maximum, table.address)
        };

    // Enums
    assert_eq!(ValueType::VALUES.len(), 7);
    assert_eq!(ValueType::Anyfunc.as_str(), "anyfunc");
    assert_eq!(ValueType::from_js_str("v128"), Some(ValueType::V128));
    assert_eq!(
        ImportExportKind::from_js_str("tag"),
        Some(ImportExportKind::Tag)
    );
    assert_eq!(TableKind::Externref.to_string(), "externref");
    assert_eq!(AddressType::VALUES, &[AddressType::I32, AddressType::I64]);
}
