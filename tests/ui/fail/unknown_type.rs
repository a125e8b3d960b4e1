pyodide_runtime_layer_macros::webidl! {
    support = pyodide_runtime_layer::js;

    typedef any AddressValue;

    interface Memory {
        AdressValue grow(AddressValue delta);
        readonly attribute sequence<ArrayBufer> buffers;
    };
}

fn main() {}
