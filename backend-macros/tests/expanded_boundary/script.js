// Generated from spec/boundary.webidl and backend/src/js/ by
// pyodide_runtime_layer_macros::boundary! with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

(() => {
"use strict";
// ---- src/js/accessors.js ----
/* include: src/js/accessors.js */
// ---- src/js/call_shims.js ----
/* include: src/js/call_shims.js */
// ---- src/js/callers.js ----
/* include: src/js/callers.js */
// ---- src/js/copies.js ----
/* include: src/js/copies.js */
// ---- src/js/fast_state.js ----
/* include: src/js/fast_state.js */
// ---- src/js/float_bits.js ----
/* include: src/js/float_bits.js */
// ---- src/js/host_thunks.js ----
/* include: src/js/host_thunks.js */
// ---- src/js/instantiation.js ----
/* include: src/js/instantiation.js */
// ---- src/js/signatures.js ----
/* include: src/js/signatures.js */
// ---- src/js/values.js ----
/* include: src/js/values.js */
// ---- src/js/wasm_encoding.js ----
/* include: src/js/wasm_encoding.js */
// ---- src/js/portable.js: the bodies of `namespace Portable` ----
const Portable = (
/* include: src/js/portable.js */
);
// ---- src/js/fast_runtime.js: the bodies of `namespace FastRuntime` ----
const FastRuntime = (
/* include: src/js/fast_runtime.js */
);
// ---- generated from `namespace FastAbi` (spec/boundary.webidl), bodies in src/js/fast_abi.js ----
const FastAbi = {
  // Where the installed runtime is kept in the loader's import table.
  key: "__pyodide_runtime_layer_fast_rtl2",
  // Puts one adapter per operation, around the bodies made for `rt`, into the
  // loader's import table and, when it can, into the function table; returns
  // the table indices in declaration order, or null. `rt.fail(e)` keeps an
  // error for Rust and returns 1.
  register(Module, imports, rt) {
    const ops = (
/* include: src/js/fast_abi.js */
    )(rt);
    const fail = rt.fail;
    const adapters = [
      ["rtl2_ping", "ii", (x) => { try { return ops.ping(x); } catch (e) { fail(e); return 0; } }],
      ["rtl2_free", "vi", (handle) => { try { ops.free(handle >>> 0); } catch (e) { fail(e); } }],
      ["rtl2_retain", "ii", (handle) => { try { return ops.retain(handle >>> 0); } catch (e) { fail(e); return 0; } }],
      ["rtl2_call", "iiiii", (func, sig, args, results) => { try { ops.call(func >>> 0, sig >>> 0, args >>> 0, results >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_mem_read", "iiiii", (memory, offset, len, dst) => { try { ops.memRead(memory >>> 0, offset >>> 0, len >>> 0, dst >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_mem_write", "iiiii", (memory, offset, len, src) => { try { ops.memWrite(memory >>> 0, offset >>> 0, len >>> 0, src >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_mem_pages", "ii", (memory) => { try { return ops.memPages(memory >>> 0); } catch (e) { fail(e); return -1; } }],
      ["rtl2_small_copies", "iii", (memory, out) => { try { ops.smallCopies(memory >>> 0, out >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_mem_grow", "iii", (memory, delta) => { try { return ops.memGrow(memory >>> 0, delta >>> 0); } catch (e) { fail(e); return -1; } }],
      ["rtl2_global_get", "iiii", (global, code, out) => { try { ops.globalGet(global >>> 0, code >>> 0, out >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_global_set", "iiii", (global, code, value) => { try { ops.globalSet(global >>> 0, code >>> 0, value >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_global_access", "iiiii", (global, code, mutable, out) => { try { ops.globalAccess(global >>> 0, code >>> 0, mutable >>> 0, out >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_table_size", "ii", (table) => { try { return ops.tableSize(table >>> 0); } catch (e) { fail(e); return -1; } }],
      ["rtl2_table_get", "iiii", (table, index, out) => { try { ops.tableGet(table >>> 0, index >>> 0, out >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_table_set", "iiii", (table, index, value) => { try { ops.tableSet(table >>> 0, index >>> 0, value >>> 0); return 0; } catch (e) { return fail(e); } }],
      ["rtl2_table_grow", "iiii", (table, delta, init) => { try { return ops.tableGrow(table >>> 0, delta >>> 0, init >>> 0); } catch (e) { fail(e); return -1; } }],
      ["rtl2_module_new", "iii", (bytes, len) => { try { return ops.moduleNew(bytes >>> 0, len >>> 0); } catch (e) { fail(e); return -1; } }],
      ["rtl2_instantiate", "iiiii", (module, imports, exportSigs, exports) => { try { ops.instantiate(module >>> 0, imports >>> 0, exportSigs >>> 0, exports >>> 0); return 0; } catch (e) { return fail(e); } }],
    ];
    for (const [name, , f] of adapters) imports[name] = f;
    try {
      return adapters.map(([, sig, f]) => Module.addFunction(f, sig));
    } catch (e) {
      return null;
    }
  },
};
return { Portable, FastRuntime, FastAbi };
})()
