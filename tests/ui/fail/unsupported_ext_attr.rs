pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    [SecureContext, Exposed=*]
    interface Memory {
        any grow([AllowShared] any delta);
    };
}

fn main() {}
