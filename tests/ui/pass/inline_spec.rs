//! The inline form with every kind of definition; `main` exercises what needs
//! no Python interpreter.

use pyo3::{Bound, Py, PyAny, PyResult, Python};

pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    /// Doc comments are allowed and ignored.
    enum Shape { "circle", "square-ish", "", };

    typedef any Handle;

    dictionary Options {
        required Shape shape;
        boolean filled = false;
        sequence<DOMString> tags;
        unsigned long long size;
    };

    dictionary Holder {
        required Handle handle;
        Options options;
    };

    [Exposed=*]
    namespace Geometry {
        double area(Shape shape, optional Options options = {});
        readonly attribute DOMString version;
    };

    [LegacyNamespace=Geometry, Exposed=(Window,Worker)]
    interface Canvas {
        constructor(optional DOMString id);
        constructor(Holder holder, [EnforceRange] long width);
        static sequence<Canvas> all();
        undefined draw(sequence<Shape> shapes, optional any context);
        (DOMString or undefined) label(Canvas? other);
        attribute DOMString? title;
        readonly attribute Handle handle;
    };

    interface Kind {
        boolean is(Kind type);
    };
}

fn main() {
    // Enums.
    assert_eq!(
        Shape::VALUES,
        &[Shape::Circle, Shape::SquareIsh, Shape::Empty]
    );
    assert_eq!(Shape::SquareIsh.as_str(), "square-ish");
    assert_eq!(Shape::from_js_str(""), Some(Shape::Empty));
    assert_eq!(Shape::from_js_str("triangle"), None);
    assert_eq!(Shape::Circle.to_string(), "circle");

    // Plain dictionaries: Clone, PartialEq; Default only without required members.
    let options = Options {
        shape: Shape::Circle,
        filled: Some(true),
        tags: Some(vec!["a".into()]),
        size: None,
    };
    assert_eq!(options.clone(), options);

    // Signatures.
    let _: for<'py> fn(Python<'py>, Shape, Option<&Options>) -> PyResult<f64> = Geometry::area;
    let _: for<'py> fn(Python<'py>) -> PyResult<String> = Geometry::version;
    let _: for<'py> fn(Python<'py>) -> PyResult<Bound<'py, PyAny>> = Geometry::namespace_object;
    let _: for<'py> fn(Python<'py>, Option<&str>) -> PyResult<Canvas> = Canvas::new;
    let _: for<'py> fn(Python<'py>, &Holder, i32) -> PyResult<Canvas> =
        Canvas::new_with_holder_and_width;
    let _: for<'py> fn(Python<'py>) -> PyResult<Vec<Canvas>> = Canvas::all;
    let _: for<'py> fn(&Canvas, Python<'py>, &[Shape], Option<&Bound<'py, PyAny>>) -> PyResult<()> =
        Canvas::draw;
    let _: for<'py> fn(&Canvas, Python<'py>, Option<&Canvas>) -> PyResult<Bound<'py, PyAny>> =
        Canvas::label;
    let _: for<'py> fn(&Canvas, Python<'py>) -> PyResult<Option<String>> = Canvas::title;
    let _: for<'py> fn(&Canvas, Python<'py>, Option<&str>) -> PyResult<()> = Canvas::set_title;
    let _: for<'py> fn(&Canvas, Python<'py>) -> PyResult<Bound<'py, PyAny>> = Canvas::handle;
    let _: fn(&Bound<'_, PyAny>) -> PyResult<Option<Canvas>> = Canvas::cast;
    let _: fn(Py<PyAny>) -> Canvas = Canvas::from_js_unchecked;
    let _: for<'py> fn(&Kind, Python<'py>, &Kind) -> PyResult<bool> = Kind::is;
    let _: fn(&Holder) -> Holder = Clone::clone;
    let _: fn(&Canvas) -> Canvas = Clone::clone;
    let _: Option<Py<PyAny>> = None::<Holder>.map(|holder| holder.handle);
}
