// The path form needs both arguments.
pyodide_runtime_layer_macros::bindings!(path = "../spec/js-api.webidl");

fn main() {}
