//! The mechanics of reaching JS, in one place.
//!
//! Everything the generated bindings (`crate::bindings`) do in JS goes through
//! this module: looking up `WebAssembly.*`, `new`, method calls, property reads
//! and writes, `instanceof`, fresh objects and arrays.
//!
//! Pyodide's `JsProxy` answers some attribute names with its own methods
//! (`to_py`, `typeof`, `new`, `then`, `get`, and `from_` for `from`), so no JS
//! property is ever reached with Python `getattr`. Instead, small JS functions
//! such as `(o, k, ...a) => o[k](...a)` are compiled once with
//! `pyodide.code.run_js`, cached, and called with Python arguments, which
//! Pyodide converts on the way: `int` → number (BigInt when large), `float` →
//! number, `str` → string, `bool` → boolean, `JsProxy` → the JS object,
//! `None` → `undefined`. On the way back JS `undefined` becomes `None`, `null`
//! becomes `pyodide.ffi.jsnull`, primitives become Python values and objects
//! `JsProxy`s. JS exceptions arrive as Python `JsException`, i.e. as `Err`.
//!
//! The conversions between Rust and JS values are the traits [`ToJs`],
//! [`FromJs`] and [`CloneRef`], implemented here for Rust types and by the
//! generated code for the generated types.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use smallvec::SmallVec;
use pyo3::{BoundObject, IntoPyObject};

/// A JS function compiled from source on first use, then cached.
struct JsHelper {
    source: &'static str,
    function: PyOnceLock<Py<PyAny>>,
}

impl JsHelper {
    const fn new(source: &'static str) -> Self {
        Self {
            source,
            function: PyOnceLock::new(),
        }
    }

    /// The compiled function.
    fn get<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyAny>> {
        self.function
            .get_or_try_init(py, || run_js(py, self.source).map(Bound::unbind))
            .map(|f| f.bind(py))
    }

    /// Calls the function with `args`.
    fn call<'py>(&self, py: Python<'py>, args: Bound<'py, PyTuple>) -> PyResult<Bound<'py, PyAny>> {
        self.get(py)?.call1(args)
    }
}

static GLOBAL: JsHelper = JsHelper::new("(k) => globalThis[k]");
static GET: JsHelper = JsHelper::new("(o, k) => o[k]");
static SET: JsHelper = JsHelper::new("(o, k, v) => { o[k] = v; }");
static CALL: JsHelper = JsHelper::new("(o, k, ...a) => o[k](...a)");
static CONSTRUCT: JsHelper = JsHelper::new("(C, ...a) => new C(...a)");
static INSTANCE_OF: JsHelper = JsHelper::new("(v, C) => v instanceof C");
static NEW_OBJECT: JsHelper = JsHelper::new("() => ({})");
static ARRAY_OF: JsHelper = JsHelper::new("(...a) => a");
/// `object[key](...a)` for an operation that returns a promise, rejecting
/// only with reasons Python can raise. Pyodide raises a rejection reason in
/// Python only when it looks like an error (`name`, `message` and a string
/// `stack`); otherwise the awaiting task never settles. JavaScriptCore rejects
/// `WebAssembly.compile` and `instantiate` with a `CompileError` that has no
/// `stack`: it gets one. (The promise must be wrapped before it reaches
/// Python, which turns it into a future of its own.)
static CALL_PROMISE: JsHelper = JsHelper::new(
    "(o, k, ...a) => o[k](...a).then(undefined, (e) => { \
       if (e instanceof Error && typeof e.stack !== 'string') { \
         try { Object.defineProperty(e, 'stack', { value: `${e.name}: ${e.message}`, configurable: true, writable: true }); } catch {} \
       } \
       throw e; })",
);

/// Evaluates JS `source` with `pyodide.code.run_js` and returns its value.
pub fn run_js<'py>(py: Python<'py>, source: &str) -> PyResult<Bound<'py, PyAny>> {
    static RUN_JS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    RUN_JS
        .import(py, "pyodide.code", "run_js")?
        .call1((source,))
}

/// Converts a property key (a `&str`, or an interned `&Bound<PyString>` from
/// `pyo3::intern!`) to a Python object.
fn key_object<'py>(py: Python<'py>, key: impl IntoPyObject<'py>) -> PyResult<Bound<'py, PyAny>> {
    key.into_pyobject(py)
        .map(|key| key.into_any().into_bound())
        .map_err(Into::into)
}

/// The argument tuple `prefix + args`: trailing `None`s are dropped (so JS sees
/// fewer arguments), other `None`s are passed as `undefined`.
fn call_args<'py>(
    py: Python<'py>,
    prefix: &[&Bound<'py, PyAny>],
    args: &[Option<Bound<'py, PyAny>>],
) -> PyResult<Bound<'py, PyTuple>> {
    let given = args
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |last| last + 1);
    let items: Vec<Bound<'py, PyAny>> = prefix
        .iter()
        .map(|&item| item.clone())
        .chain(
            args[..given]
                .iter()
                .map(|arg| arg.clone().unwrap_or_else(|| py.None().into_bound(py))),
        )
        .collect();
    PyTuple::new(py, items)
}

/// `globalThis[name]`; an error if it is `undefined`.
pub fn global_object<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = GLOBAL.call(py, PyTuple::new(py, [name])?)?;
    if value.is_none() {
        return Err(PyTypeError::new_err(format!(
            "`{name}` is not available in this JavaScript environment"
        )));
    }
    Ok(value)
}

/// `WebAssembly[name]` (e.g. the class `WebAssembly.Memory`); an error if the
/// engine lacks it (e.g. `Tag` before exception handling).
pub fn global_constructor<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = get_property(&global_object(py, "WebAssembly")?, name)?;
    if value.is_none() {
        return Err(PyTypeError::new_err(format!(
            "`WebAssembly.{name}` is not available in this JavaScript engine"
        )));
    }
    Ok(value)
}

/// JS `new constructor(...args)`; see [`call_method`] for how `None` arguments are passed.
pub fn construct<'py>(
    constructor: &Bound<'py, PyAny>,
    args: &[Option<Bound<'py, PyAny>>],
) -> PyResult<Bound<'py, PyAny>> {
    let py = constructor.py();
    CONSTRUCT.call(py, call_args(py, &[constructor], args)?)
}

/// JS `object[key](...args)`, with `this` = `object`.
///
/// A `None` argument is an omitted optional one: trailing `None`s are not
/// passed at all (`table.set(i)` rather than `table.set(i, undefined)`), a `None`
/// before a given argument is passed as `undefined`.
pub fn call_method<'py>(
    object: &Bound<'py, PyAny>,
    key: impl IntoPyObject<'py>,
    args: &[Option<Bound<'py, PyAny>>],
) -> PyResult<Bound<'py, PyAny>> {
    call_with(&CALL, object, key, args)
}

/// [`call_method`] for an operation that returns a promise: its rejection
/// reasons are always errors Python can raise (see [`CALL_PROMISE`]).
pub fn call_method_returning_promise<'py>(
    object: &Bound<'py, PyAny>,
    key: impl IntoPyObject<'py>,
    args: &[Option<Bound<'py, PyAny>>],
) -> PyResult<Bound<'py, PyAny>> {
    call_with(&CALL_PROMISE, object, key, args)
}

/// `helper(object, key, ...args)`, the arguments passed as [`call_method`] says.
fn call_with<'py>(
    helper: &JsHelper,
    object: &Bound<'py, PyAny>,
    key: impl IntoPyObject<'py>,
    args: &[Option<Bound<'py, PyAny>>],
) -> PyResult<Bound<'py, PyAny>> {
    let py = object.py();
    let key = key_object(py, key)?;
    helper.call(py, call_args(py, &[object, &key], args)?)
}

/// JS `object[key]` (`undefined` comes back as `None`).
pub fn get_property<'py>(
    object: &Bound<'py, PyAny>,
    key: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = object.py();
    let key = key_object(py, key)?;
    GET.call(py, PyTuple::new(py, [object, &key])?)
}

/// JS `object[key] = value`.
pub fn set_property<'py>(
    object: &Bound<'py, PyAny>,
    key: impl IntoPyObject<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<()> {
    let py = object.py();
    let key = key_object(py, key)?;
    SET.call(py, PyTuple::new(py, [object, &key, value])?)?;
    Ok(())
}

/// JS `value instanceof constructor`.
pub fn instance_of<'py>(
    value: &Bound<'py, PyAny>,
    constructor: &Bound<'py, PyAny>,
) -> PyResult<bool> {
    INSTANCE_OF
        .call(value.py(), PyTuple::new(value.py(), [value, constructor])?)?
        .extract()
}

/// A fresh, empty JS object `{}`.
pub fn new_object(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    NEW_OBJECT.call(py, PyTuple::empty(py))
}

/// A JS array of `items` (each converted as a call argument, see the module docs).
pub fn array_from<'py>(
    py: Python<'py>,
    items: impl IntoIterator<Item = Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let items: Vec<Bound<'py, PyAny>> = items.into_iter().collect();
    ARRAY_OF.call(py, PyTuple::new(py, items)?)
}

/// The elements of a JS array (or any iterable), converted by Pyodide.
pub fn iterate<'py>(array: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    array.try_iter()?.collect()
}

/// Calls `callable` with `args` through the vectorcall protocol, which
/// Pyodide's `JsProxy` takes directly: no argument tuple is built (a call with
/// a `PyTuple` goes through `tp_call`, which unpacks one).
pub fn call_positional<'py>(callable: &Bound<'py, PyAny>, args: &[Bound<'py, PyAny>]) -> PyResult<Bound<'py, PyAny>> {
    let pointers: SmallVec<[*mut pyo3::ffi::PyObject; 16]> = args.iter().map(Bound::as_ptr).collect();
    // SAFETY: `pointers` holds `args.len()` references borrowed from `args`,
    // which outlive the call; the result is a new reference, or NULL with a
    // Python exception set.
    unsafe {
        let result = pyo3::ffi::PyObject_Vectorcall(callable.as_ptr(), pointers.as_ptr(), pointers.len(), std::ptr::null_mut());
        Bound::from_owned_ptr_or_err(callable.py(), result)
    }
}

/// `pyodide.ffi.jsnull`, or `None` outside Pyodide or in versions where JS
/// `null` arrives as `None`.
fn jsnull(py: Python<'_>) -> Option<&Bound<'_, PyAny>> {
    static JSNULL: PyOnceLock<Option<Py<PyAny>>> = PyOnceLock::new();
    JSNULL
        .get_or_init(py, || {
            py.import("pyodide.ffi")
                .and_then(|ffi| ffi.getattr("jsnull"))
                .map(Bound::unbind)
                .ok()
        })
        .as_ref()
        .map(|null| null.bind(py))
}

/// The JS `null` value as Pyodide represents it (`pyodide.ffi.jsnull`).
pub fn null(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    jsnull(py).cloned().ok_or_else(|| {
        PyTypeError::new_err("JS `null` is not available (is this running in Pyodide?)")
    })
}

/// Whether `value` is JS `null`.
pub fn is_null<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<bool> {
    Ok(jsnull(py).is_some_and(|null| value.is(null)))
}

/// Whether `value` is JS `null` or `undefined` (`None`).
pub fn is_nullish<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<bool> {
    Ok(value.is_none() || is_null(py, value)?)
}

/// Reads the optional dictionary member `key` of the JS object `dictionary`;
/// `undefined` (absent) is `None`.
pub fn optional_member<'py, T: FromJs<'py>>(
    dictionary: &Bound<'py, PyAny>,
    key: &Bound<'py, PyString>,
) -> PyResult<Option<T>> {
    let value = get_property(dictionary, key)?;
    if value.is_none() {
        Ok(None)
    } else {
        T::from_js(value).map(Some)
    }
}

/// Reads the required dictionary member `key`; an error if it is absent.
pub fn required_member<'py, T: FromJs<'py>>(
    dictionary: &Bound<'py, PyAny>,
    key: &Bound<'py, PyString>,
    dictionary_name: &str,
) -> PyResult<T> {
    optional_member(dictionary, key)?.ok_or_else(|| {
        PyTypeError::new_err(format!(
            "{dictionary_name}: missing required member `{key}`"
        ))
    })
}

/// The error for a string that is not a value of the WebIDL enum `enum_name`.
pub fn invalid_enum_value(enum_name: &str, value: &str) -> PyErr {
    PyValueError::new_err(format!("{value:?} is not a value of the enum {enum_name}"))
}

/// A Rust value that can be passed to JS.
pub trait ToJs {
    /// The value as a Python object, ready to be handed to a JS call.
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// `Some(value.to_js())`, or `None` for an omitted optional argument.
pub fn to_js_optional<'py, T: ToJs + ?Sized>(
    value: Option<&T>,
    py: Python<'py>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    value.map(|value| value.to_js(py)).transpose()
}

impl<T: ToJs + ?Sized> ToJs for &T {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (**self).to_js(py)
    }
}

impl ToJs for Bound<'_, PyAny> {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.as_unbound().bind(py).clone())
    }
}

impl ToJs for Py<PyAny> {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.bind(py).clone())
    }
}

impl ToJs for str {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl ToJs for String {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().to_js(py)
    }
}

/// Numbers and booleans convert as Python `int`/`float`/`bool`.
macro_rules! primitive_to_js {
    ($($ty:ty),*) => {$(
        impl ToJs for $ty {
            fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok((*self).into_pyobject(py)?.to_owned().into_any())
            }
        }
    )*};
}
primitive_to_js!(bool, i8, u8, i16, u16, i32, u32, f32, f64);

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// WebIDL `long long`/`unsigned long long` take a JS number, but Pyodide turns
/// a Python `int` beyond 2^53 into a BigInt, which such arguments reject: those
/// are passed as the nearest number instead (what JS itself would hold).
macro_rules! integer64_to_js {
    ($($ty:ty),*) => {$(
        impl ToJs for $ty {
            fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                if self.abs_diff(0) <= MAX_SAFE_INTEGER {
                    Ok(self.into_pyobject(py)?.into_any())
                } else {
                    Ok((*self as f64).into_pyobject(py)?.into_any())
                }
            }
        }
    )*};
}
integer64_to_js!(i64, u64);

/// A sequence becomes a JS array.
impl<T: ToJs> ToJs for [T] {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.to_js(py))
            .collect::<PyResult<Vec<_>>>()?;
        array_from(py, items)
    }
}

impl<T: ToJs> ToJs for Vec<T> {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_slice().to_js(py)
    }
}

/// A nullable value: `None` becomes JS `null`.
impl<T: ToJs> ToJs for Option<T> {
    fn to_js<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_js(py),
            None => null(py),
        }
    }
}

/// A Rust value that can be read from a JS value (as Pyodide returned it).
pub trait FromJs<'py>: Sized {
    /// Converts `value`; an error if it has the wrong type.
    fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self>;
}

impl<'py> FromJs<'py> for Bound<'py, PyAny> {
    fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self> {
        Ok(value)
    }
}

impl<'py> FromJs<'py> for Py<PyAny> {
    fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self> {
        Ok(value.unbind())
    }
}

/// `undefined` (the value is ignored).
impl<'py> FromJs<'py> for () {
    fn from_js(_value: Bound<'py, PyAny>) -> PyResult<Self> {
        Ok(())
    }
}

/// Strings, numbers and booleans are extracted from the Python value.
macro_rules! extract_from_js {
    ($($ty:ty),*) => {$(
        impl<'py> FromJs<'py> for $ty {
            fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self> {
                value.extract()
            }
        }
    )*};
}
extract_from_js!(bool, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, String);

/// A sequence is read from a JS array.
impl<'py, T: FromJs<'py>> FromJs<'py> for Vec<T> {
    fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self> {
        iterate(&value)?.into_iter().map(T::from_js).collect()
    }
}

/// A nullable value: JS `null` and `undefined` are `None`.
impl<'py, T: FromJs<'py>> FromJs<'py> for Option<T> {
    fn from_js(value: Bound<'py, PyAny>) -> PyResult<Self> {
        if is_nullish(value.py(), &value)? {
            Ok(None)
        } else {
            T::from_js(value).map(Some)
        }
    }
}

/// Cloning that may need the interpreter (for the reference counts of `Py`);
/// used by the generated `Clone` impls.
pub trait CloneRef {
    /// A copy of `self`; `Py` references are cloned with `py`.
    fn clone_ref(&self, py: Python<'_>) -> Self;
}

impl CloneRef for Py<PyAny> {
    fn clone_ref(&self, py: Python<'_>) -> Self {
        Py::clone_ref(self, py)
    }
}

/// Plain values are copied.
macro_rules! clone_ref_by_clone {
    ($($ty:ty),*) => {$(
        impl CloneRef for $ty {
            fn clone_ref(&self, _py: Python<'_>) -> Self {
                self.clone()
            }
        }
    )*};
}
clone_ref_by_clone!(bool, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, String);

impl<T: CloneRef> CloneRef for Vec<T> {
    fn clone_ref(&self, py: Python<'_>) -> Self {
        self.iter().map(|item| item.clone_ref(py)).collect()
    }
}

impl<T: CloneRef> CloneRef for Option<T> {
    fn clone_ref(&self, py: Python<'_>) -> Self {
        self.as_ref().map(|item| item.clone_ref(py))
    }
}
