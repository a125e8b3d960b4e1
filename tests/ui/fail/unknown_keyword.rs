pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    interfce Memory {
        readonly attribute any buffer;
    };
}

fn main() {}
