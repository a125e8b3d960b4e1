//! Several problems in one spec: all are reported by one build.

pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    enum ValueType { "i32", "i64", "i32" };

    [LegacyNamespace=WebAssembly, Exposed=*]
    interface Global {
        constructor(GlobalDescriptor descriptor, optional any v);
        anything valueOf();
        attribute any value
    };

    dictionary GlobalDescriptor {
        required ValueType value = "i32";
    };

    namespce WebAssembly {};
}

fn main() {}
