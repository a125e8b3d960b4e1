//! The generated half of the backend's JS: the script that wraps every JS
//! file of the boundary, and the fast ABI's adapters (marshalling, status
//! codes, the try/catch that keeps every JS exception out of Rust frames,
//! registration with the loader and the function table).

use super::js_bodies::JsFiles;
use super::model::{Boundary, Namespace, Operation, Type};

/// A piece of the script: literal text, or a file's contents (which the Rust
/// side includes with `include_str!`, so that editing the file rebuilds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Generated text.
    Text(String),
    /// The contents of the JS file with this stem.
    File(String),
}

/// The script, in order: the helper files, then each namespace's bodies (a
/// `[FastAbi]` namespace's inside its generated adapters), then the object
/// the script evaluates to, holding every namespace by name.
pub fn script(boundary: &Boundary, files: &JsFiles) -> Vec<Piece> {
    let mut pieces = vec![Piece::Text("(() => {\n\"use strict\";\n".to_owned())];
    let bodies: Vec<&str> = boundary.namespaces.iter().map(|n| n.bodies.as_str()).collect();
    for (stem, file) in files {
        if !bodies.contains(&stem.as_str()) {
            pieces.push(Piece::Text(format!("// ---- {} ----\n", file.display)));
            pieces.push(Piece::File(stem.clone()));
            pieces.push(Piece::Text("\n".to_owned()));
        }
    }
    for namespace in &boundary.namespaces {
        let display = files.get(&namespace.bodies).map_or(namespace.bodies.as_str(), |f| f.display.as_str());
        match &namespace.fast_abi {
            None => {
                pieces.push(Piece::Text(format!("// ---- {display}: the bodies of `namespace {}` ----\nconst {} = (\n", namespace.idl_name, namespace.idl_name)));
                pieces.push(Piece::File(namespace.bodies.clone()));
                pieces.push(Piece::Text("\n);\n".to_owned()));
            }
            Some(prefix) => {
                let (head, tail) = fast_abi_object(namespace, prefix, display);
                pieces.push(Piece::Text(head));
                pieces.push(Piece::File(namespace.bodies.clone()));
                pieces.push(Piece::Text(tail));
            }
        }
    }
    let names: Vec<&str> = boundary.namespaces.iter().map(|n| n.idl_name.as_str()).collect();
    pieces.push(Piece::Text(format!("return {{ {} }};\n}})()\n", names.join(", "))));
    pieces
}

/// The Wasm import name of an operation (`rtl2_mem_read`).
pub fn import_name(prefix: &str, op: &Operation) -> String {
    format!("{prefix}_{}", op.rust_name.trim_start_matches("r#"))
}

/// The operation's Emscripten signature string (`Module.addFunction`):
/// the result, then each parameter; `i` an i32, `d` an f64, `v` nothing.
pub fn emscripten_signature(op: &Operation) -> String {
    let code = |ty: &Type| if *ty == Type::F64 { 'd' } else { 'i' };
    let ret = match (&op.ret, op.fallible) {
        (Type::Undefined, false) => 'v',
        (ty, _) => code(ty),
    };
    std::iter::once(ret).chain(op.args.iter().map(|a| code(&a.ty))).collect()
}

/// The `const <Name> = { key, register }` object around a fast namespace's
/// bodies factory: text before and after the file.
fn fast_abi_object(namespace: &Namespace, prefix: &str, display: &str) -> (String, String) {
    let name = &namespace.idl_name;
    let head = format!(
        "// ---- generated from `namespace {name}` (spec/boundary.webidl), bodies in {display} ----\n\
         const {name} = {{\n\
         \x20 // Where the installed runtime is kept in the loader's import table.\n\
         \x20 key: \"__pyodide_runtime_layer_fast_{prefix}\",\n\
         \x20 // Puts one adapter per operation, around the bodies made for `rt`, into the\n\
         \x20 // loader's import table and, when it can, into the function table; returns\n\
         \x20 // the table indices in declaration order, or null. `rt.fail(e)` keeps an\n\
         \x20 // error for Rust and returns 1.\n\
         \x20 register(Module, imports, rt) {{\n\
         \x20   const ops = (\n"
    );
    let mut tail = String::from("\n    )(rt);\n    const fail = rt.fail;\n    const adapters = [\n");
    for op in &namespace.operations {
        tail.push_str(&format!(
            "      [\"{}\", \"{}\", {}],\n",
            import_name(prefix, op),
            emscripten_signature(op),
            adapter(op)
        ));
    }
    tail.push_str(
        "    ];\n\
         \x20   for (const [name, , f] of adapters) imports[name] = f;\n\
         \x20   try {\n\
         \x20     return adapters.map(([, sig, f]) => Module.addFunction(f, sig));\n\
         \x20   } catch (e) {\n\
         \x20     return null;\n\
         \x20   }\n\
         \x20 },\n\
         };\n",
    );
    (head, tail)
}

/// One adapter: unsigned arguments read with `>>> 0`, the body called, and
/// every exception caught: a `[Fallible]` operation reports it (status 1, or
/// -1 for a `long`), any other returns zero.
fn adapter(op: &Operation) -> String {
    let params: Vec<&str> = op.args.iter().map(|a| a.idl_name.as_str()).collect();
    let args: Vec<String> = op
        .args
        .iter()
        .map(|a| if a.ty.is_unsigned_word() { format!("{} >>> 0", a.idl_name) } else { a.idl_name.clone() })
        .collect();
    let call = format!("ops.{}({})", op.idl_name, args.join(", "));
    let (ok, failed) = match (&op.ret, op.fallible) {
        (Type::Undefined, true) => (format!("{call}; return 0;"), "return fail(e);"),
        (Type::Undefined, false) => (format!("{call};"), "fail(e);"),
        (_, true) => (format!("return {call};"), "fail(e); return -1;"),
        (_, false) => (format!("return {call};"), "fail(e); return 0;"),
    };
    format!("({}) => {{ try {{ {ok} }} catch (e) {{ {failed} }} }}", params.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::model::{Argument, Pointee};

    fn op(name: &str, args: Vec<(&str, Type)>, ret: Type, fallible: bool) -> Operation {
        Operation {
            idl_name: name.to_owned(),
            rust_name: crate::names::method_name(name),
            args: args
                .into_iter()
                .map(|(n, ty)| Argument { idl_name: n.to_owned(), rust_name: n.to_owned(), ty, optional: false })
                .collect(),
            ret,
            fallible,
            idl: String::new(),
        }
    }

    #[test]
    fn adapters_marshal_and_catch() {
        let read = op("memRead", vec![("memory", Type::U32), ("len", Type::Size), ("dst", Type::Out(Pointee::U8))], Type::Undefined, true);
        assert_eq!(import_name("rtl2", &read), "rtl2_mem_read");
        assert_eq!(emscripten_signature(&read), "iiii");
        assert_eq!(
            adapter(&read),
            "(memory, len, dst) => { try { ops.memRead(memory >>> 0, len >>> 0, dst >>> 0); return 0; } catch (e) { return fail(e); } }"
        );
        let grow = op("memGrow", vec![("memory", Type::U32), ("delta", Type::I32)], Type::I32, true);
        assert_eq!(adapter(&grow), "(memory, delta) => { try { return ops.memGrow(memory >>> 0, delta); } catch (e) { fail(e); return -1; } }");
        let free = op("free", vec![("handle", Type::U32)], Type::Undefined, false);
        assert_eq!(emscripten_signature(&free), "vi");
        assert_eq!(adapter(&free), "(handle) => { try { ops.free(handle >>> 0); } catch (e) { fail(e); } }");
        let half = op("half", vec![("x", Type::F64)], Type::F64, false);
        assert_eq!(emscripten_signature(&half), "dd");
        assert_eq!(adapter(&half), "(x) => { try { return ops.half(x); } catch (e) { fail(e); return 0; } }");
    }
}
