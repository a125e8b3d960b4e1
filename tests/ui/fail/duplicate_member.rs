pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    interface Global {
        attribute any value;
        any value();
    };

    dictionary GlobalDescriptor {
        required DOMString value;
        boolean mutable = false;
        boolean mutable;
    };
}

fn main() {}
