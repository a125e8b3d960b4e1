pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    interface Table {
        readonly attribute any;
        any get AddressValue index;
        undefined set(any index optional any value);
    };
}

fn main() {}
