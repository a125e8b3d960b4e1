// The backend's own JS-side operations: every crossing between the backend's
// Rust and JS that is not one call of the WebAssembly JS API.
//
// `pyodide_runtime_layer_macros::boundary!` (invoked in
// `backend/src/boundary/generated.rs`) reads this file and the JS files in
// `backend/src/js/`, checks that declarations and bodies match one to one
// (a declared operation with no body, or a body with no declaration, fails
// the build with an error naming both places), and generates both sides.
// Expansion snapshots: `backend-macros/tests/expanded/boundary/`.
//
// Namespaces:
// - `[JsBodies=file]`: the operations' bodies are the methods of the object
//   literal in `backend/src/js/<file>.js`, same names, same parameters.
// - without `[FastAbi]`: reached from Rust through Pyodide's FFI, as typed
//   functions (`Portable::describe_error(py, &error)`); a JS exception comes
//   back as a Python error.
// - `[FastAbi=prefix]`: reached from Rust as Wasm imports `<prefix>_<name>`
//   and function-table entries, with no Python in between. The generated JS
//   adapter reads unsigned arguments, calls the body and catches everything:
//   no JS exception ever unwinds into Rust frames.
//
// Fast-ABI attributes:
// - `[Fallible]` on an operation: its body may throw. The error is kept
//   (`FastRuntime.takeError`); an `undefined` operation returns a status
//   (Rust: `Result<(), Failed>`), a `long` one -1 (Rust: `Result<u32, Failed>`).
//   Any other operation that throws has its error kept and returns zero.
// - `[Size]`: an `unsigned long` that is a `usize` in Rust.
// - `[In=T]` / `[Out=T]`: an `unsigned long` that is a `*const T` / `*mut T`
//   into Rust memory (T: u8, u32, i32, u64, f64).
//
// Value types cross the portable path as one-letter codes: i = i32,
// I = i64, f = f32, F = f64, v = v128, r = funcref, x = externref; a
// signature is "params:results" (`backend/src/signature.rs`).
//
// Tokenized as Rust tokens: only `//` and `/* */` comments, no `'`.

// The portable path: one Python→JS crossing per operation, doing there the
// conversions the JS API leaves to its caller (BigInt, null references,
// floats as bits so that NaN payloads survive every engine).
[JsBodies=portable]
namespace Portable {
  // [kind, message, location] of anything thrown; location is the innermost
  // Wasm frame as "function:offset" where the engine gives one.
  sequence<any> describeError(any error);
  // The payload of a WebAssembly.Exception thrown with `tag` (floats as
  // bits), or null.
  sequence<any>? exceptionPayload(any error, any tag, DOMString types);
  // A fresh externref wrapper holding Rust's id `id`.
  object newExternRef(double id);
  // The id of one of our externref wrappers (an integer), or -1 for any
  // other value.
  double externRefId(any value);
  // The signature of a Wasm function, from the registry or, when
  // `candidates` are given, by probing those.
  DOMString? funcSig(any func, optional sequence<DOMString> candidates);
  // A Wasm function of signature `sig` that calls the Python callable.
  any hostFunction(any callable, DOMString sig);
  // A caller for Wasm function `func`: takes the arguments as Python passes
  // them, returns nothing, the one result, or an array of results.
  any makeCaller(any func, DOMString params, DOMString results);
  // An instantiator for `module`: one value per import in, one per export
  // out (function exports registered with `sigs[i]`).
  any makeInstantiator(any module, sequence<DOMString?> sigs);
  // A WebAssembly.Module compiled from a Python buffer, without a copy.
  any compileBuffer(any buffer);
  // One copy from `memory` at `offset` into a Python buffer over Rust memory.
  undefined readInto(any memory, double offset, any buffer);
  // One copy from a Python buffer over Rust memory into `memory` at `offset`.
  undefined writeFrom(any memory, double offset, any buffer);
  // A WebAssembly.Global of type `type` (a code) holding `value`.
  any newGlobal(DOMString type, boolean mutable, any value);
  // The value of a global of type `type` (floats as bits).
  any getGlobal(any global, DOMString type);
  // Sets a global of type `type` (floats as bits).
  undefined setGlobal(any global, DOMString type, any value);
  // A WebAssembly.Table of `element` ("r" or "x"), every slot `init`.
  any newTable(DOMString element, unsigned long initial, unsigned long? maximum, any init);
  // Grows a table, new slots `init`; the old size.
  unsigned long tableGrow(any table, DOMString element, unsigned long delta, any init);
  // Sets one slot of a table.
  undefined tableSet(any table, DOMString element, unsigned long index, any value);
  // Whether this engine words memory and table bounds traps alike
  // (SpiderMonkey does), found out by trapping a tiny module.
  boolean boundsTrapsAlike();
};

// The fast path's setup, reached through Python once per object or
// signature (never per call). One runtime per Pyodide, shared by every
// extension that uses this crate.
[JsBodies=fast_runtime]
namespace FastRuntime {
  // Installs the fast path (or finds it installed), giving host calls the
  // scratch area at `scratch` in Rust memory, `scratchBytes` long; null when
  // done, else why it cannot be.
  DOMString? install(any pyodideModule, unsigned long scratch, unsigned long scratchBytes);
  // The function-table indices of the fast ABI's adapters, in declaration
  // order, or null when the table had no room.
  sequence<unsigned long>? directEntries();
  // A handle for `value` (a function has one handle however often it is
  // registered; each registration is one owner to `free`).
  unsigned long register(any value);
  // The value behind `handle`.
  any value(unsigned long handle);
  // The id of signature `sig`, registered on first need.
  unsigned long sigId(DOMString sig);
  // A Wasm function of numeric signature `sig` calling host function `id`
  // through the Rust trampoline at table index `trampoline`; null for other
  // signatures.
  any hostFunction(unsigned long trampoline, unsigned long id, DOMString sig);
  // The error the last failed fast operation kept (null if none).
  any takeError();
};

// The fast path's hot operations: values cross as 8-byte slots in Rust
// memory, JS objects as handles (`FastRuntime.register`).
[FastAbi=rtl2, JsBodies=fast_abi]
namespace FastAbi {
  // x + 1: the self-test after install.
  long ping(long x);
  // Drops one owner of `handle`.
  undefined free(unsigned long handle);
  // Adds one owner to `handle`, a live handle of a function (a `tableGet` of
  // kind 3 that Rust has no function for), and returns its signature id (-1
  // if it has none registered).
  long retain(unsigned long handle);
  // Calls function `func` of signature `sig`: arguments from `args`, results
  // to `results`, one slot each.
  [Fallible] undefined call(unsigned long func, unsigned long sig, [In=u64] unsigned long args, [Out=u64] unsigned long results);
  [Fallible] undefined memRead(unsigned long memory, [Size] unsigned long offset, [Size] unsigned long len, [Out=u8] unsigned long dst);
  [Fallible] undefined memWrite(unsigned long memory, [Size] unsigned long offset, [Size] unsigned long len, [In=u8] unsigned long src);
  [Fallible] long memPages(unsigned long memory);
  // Three u32 at `out`: the function-table indices of the memory's small-copy
  // functions (load, store, pages: src/js/accessors.js), made once per
  // handle; zeros for a memory they cannot import.
  [Fallible] undefined smallCopies(unsigned long memory, [Out=u32] unsigned long out);
  // The old size in pages.
  [Fallible] long memGrow(unsigned long memory, unsigned long delta);
  // `code`: 0 i32, 1 i64, 2 f32, 3 f64 (floats as bits).
  [Fallible] undefined globalGet(unsigned long global, unsigned long code, [Out=u64] unsigned long out);
  [Fallible] undefined globalSet(unsigned long global, unsigned long code, [In=u64] unsigned long value);
  // Two u32 at `out`: the function-table indices of the global's accessors
  // (get, and set if `mutable` is 1: src/js/accessors.js) for type `code`,
  // made once per handle; zeros for a global they cannot import.
  [Fallible] undefined globalAccess(unsigned long global, unsigned long code, unsigned long mutable, [Out=u32] unsigned long out);
  [Fallible] long tableSize(unsigned long table);
  // Three f64 slots at `out`: the kind (0 null, 1 one of our externrefs,
  // 2 any other value, counted as a new owner of its handle, 3 a function
  // Rust already owns, not counted again), its externref id (kind 1) or its
  // handle (kinds 2 and 3), and a function's signature id (-1 if unknown).
  [Fallible] undefined tableGet(unsigned long table, unsigned long index, [Out=f64] unsigned long out);
  // `value`: a handle, 0 for null.
  [Fallible] undefined tableSet(unsigned long table, unsigned long index, unsigned long value);
  // The old size.
  [Fallible] long tableGrow(unsigned long table, unsigned long delta, unsigned long init);
  // A handle for a WebAssembly.Module compiled from Rust memory.
  [Fallible] long moduleNew([In=u8] unsigned long bytes, [Size] unsigned long len);
  // Instantiates `module` with one import handle per import (in order) and
  // writes one handle per export; `exportSigs` has one signature id per
  // export (-1 for non-functions).
  [Fallible] undefined instantiate(unsigned long module, [In=u32] unsigned long imports, [In=i32] unsigned long exportSigs, [Out=u32] unsigned long exports);
};
