// The backend's JavaScript side, evaluated once per Pyodide by `glue.rs`.
//
// Everything here works on plain JS values so that one Python→JS crossing does
// all the conversions of an operation. Value types travel as one-letter codes:
//   i = i32, I = i64 (BigInt), f = f32, F = f64, v = v128, r = funcref, x = externref
(() => {
  "use strict";

  // ---- Wasm binary encoding of the tiny per-signature "re-export" module ----

  const TYPE_BYTES = { i: 0x7f, I: 0x7e, f: 0x7d, F: 0x7c, v: 0x7b, r: 0x70, x: 0x6f };

  function uleb(n, out) {
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n !== 0) byte |= 0x80;
      out.push(byte);
    } while (n !== 0);
  }

  function section(id, body, out) {
    out.push(id);
    uleb(body.length, out);
    for (const b of body) out.push(b);
  }

  function name(s, out) {
    const bytes = new TextEncoder().encode(s);
    uleb(bytes.length, out);
    for (const b of bytes) out.push(b);
  }
  // A function type (0x60, the parameter and result types by code) onto `out`.
  function funcType(params, results, out) {
    out.push(0x60);
    uleb(params.length, out);
    for (const c of params) out.push(TYPE_BYTES[c]);
    uleb(results.length, out);
    for (const c of results) out.push(TYPE_BYTES[c]);
  }

  // An import section of one function "m" "f" of type 0.
  function importSectionOfF(out) {
    const imports = [0x01];
    name("m", imports);
    name("f", imports);
    imports.push(0x00, 0x00);
    section(2, imports, out);
  }


  // (module (import "m" "f" (func (type 0))) (export "f" (func 0)))
  // A module that imports a float global ("m" "g", f32 when `f32`, else f64;
  // mutable when `mutable`) and exports `get` (its bits, as i32 or i64) and,
  // when mutable, `set` (from bits). A float read or written as a JS number
  // may lose a NaN's payload (SpiderMonkey and JavaScriptCore canonicalize
  // NaNs); its bits never do.
  function floatGlobalAccessBytes(f32, mutable) {
    const [float, int, toInt, toFloat] = f32 ? [0x7d, 0x7f, 0xbc, 0xbe] : [0x7c, 0x7e, 0xbd, 0xbf];
    const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    section(1, [0x02, 0x60, 0x00, 0x01, int, 0x60, 0x01, int, 0x00], out);
    const imports = [0x01];
    name("m", imports);
    name("g", imports);
    imports.push(0x03, float, mutable ? 0x01 : 0x00);
    section(2, imports, out);
    section(3, mutable ? [0x02, 0x00, 0x01] : [0x01, 0x00], out);
    const exports = [mutable ? 0x02 : 0x01];
    name("get", exports);
    exports.push(0x00, 0x00);
    if (mutable) {
      name("set", exports);
      exports.push(0x00, 0x01);
    }
    section(7, exports, out);
    const get = [0x05, 0x00, 0x23, 0x00, toInt, 0x0b];
    const set = [0x07, 0x00, 0x20, 0x00, toFloat, 0x24, 0x00, 0x0b];
    section(10, mutable ? [0x02, ...get, ...set] : [0x01, ...get], out);
    return new Uint8Array(out);
  }

  const floatGlobalModules = new Map();
  const floatGlobalAccessors = new WeakMap();
  // `{ get, set }` of a float global `g` (f32 when `f32`) by bits; `set` is
  // missing for an immutable global (the JS API cannot tell which a global
  // is, so the mutable import is tried first).
  function floatGlobalAccess(g, f32) {
    let access = floatGlobalAccessors.get(g);
    if (access !== undefined) return access;
    for (const mutable of [true, false]) {
      const key = `${f32}:${mutable}`;
      let module = floatGlobalModules.get(key);
      if (module === undefined) {
        module = new WebAssembly.Module(floatGlobalAccessBytes(f32, mutable));
        floatGlobalModules.set(key, module);
      }
      try {
        access = new WebAssembly.Instance(module, { m: { g } }).exports;
        break;
      } catch (e) {
        if (!mutable) throw e;
      }
    }
    floatGlobalAccessors.set(g, access);
    return access;
  }

  function reexportModuleBytes(params, results) {
    const type = [0x01];
    funcType(params, results, type);
    const exports = [0x01];
    name("f", exports);
    exports.push(0x00, 0x00);
    const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    section(1, type, out);
    importSectionOfF(out);
    section(7, exports, out);
    return new Uint8Array(out);
  }

  const reexportModules = new Map();
  function reexportModule(sig) {
    let module = reexportModules.get(sig);
    if (module === undefined) {
      const [params, results] = sig.split(":");
      module = new WebAssembly.Module(reexportModuleBytes(params, results));
      reexportModules.set(sig, module);
    }
    return module;
  }

  // Passing `f` through an import of signature `sig` and back out of an export
  // turns a JS function into a Wasm function of that type, and fails with a
  // LinkError when `f` is a Wasm function of another type.
  function reexport(f, sig) {
    return new WebAssembly.Instance(reexportModule(sig), { m: { f } }).exports.f;
  }

  // ---- Function types: Wasm functions carry no type reflection in the JS API ----

  // Wasm function -> signature string ("params:results").
  const funcSigs = new WeakMap();

  function registerFunc(f, sig) {
    funcSigs.set(f, sig);
    return f;
  }

  // The signature of a Wasm function, from the registry or, when
  // `candidates` are given, by probing those with as many parameters as
  // `f.length`.
  function funcSig(f, candidates) {
    const known = funcSigs.get(f);
    if (known !== undefined) return known;
    if (candidates === undefined) return null;
    for (const sig of candidates) {
      if (sig.indexOf(":") !== f.length) continue;
      try {
        reexport(f, sig);
      } catch (e) {
        continue;
      }
      funcSigs.set(f, sig);
      return sig;
    }
    return null;
  }

  // ---- Values ----

  const EXTERNREF = Symbol("pyodide_runtime_layer.externref");

  function newExternRef(id) {
    return Object.freeze(Object.create(null, { [EXTERNREF]: { value: id } }));
  }

  // The id of one of our externref wrappers, or -1 for any other JS value.
  function externRefId(v) {
    return v !== null && typeof v === "object" && EXTERNREF in v ? v[EXTERNREF] : -1;
  }

  // Python values as Pyodide hands them over -> the JS value Wasm expects.
  function toWasm(code, v) {
    switch (code) {
      case "I":
      case "F":
        return BigInt(v);
      case "r":
      case "x":
        return v === undefined ? null : v;
      default:
        return v;
    }
  }

  // ---- Floats as bits ----
  //
  // SpiderMonkey and JavaScriptCore canonicalize a NaN that becomes a JS
  // number, losing its payload and sign. So on this path a float never
  // becomes one: it crosses between Python and Wasm as its bits (an f32 as an
  // i32, an f64 as an i64), and a small Wasm adapter reinterprets them on the
  // Wasm side (`bitsAdapter`).
  const BITS = { f: "i", F: "I" };
  const asBits = (codes) => [...codes].map((c) => BITS[c] ?? c).join("");
  const hasFloat = (codes) => codes.includes("f") || codes.includes("F");
  // reinterpret opcodes, [from][to]
  const REINTERPRET = { i: { f: 0xbe }, I: { F: 0xbf }, f: { i: 0xbc }, F: { I: 0xbd } };

  // A module importing "m" "f" of signature `inner` and exporting "f" of
  // signature `outer` ([params, results] each), which differ only where one
  // carries a float and the other its bits: the export reinterprets its
  // arguments, calls the import, and reinterprets the results.
  function bitsAdapterBytes([outerParams, outerResults], [innerParams, innerResults]) {
    const type = [0x02];
    funcType(innerParams, innerResults, type);
    funcType(outerParams, outerResults, type);
    const exports = [0x01];
    name("f", exports);
    exports.push(0x00, 0x01);
    const convert = (from, to, out) => from !== to && out.push(REINTERPRET[from][to]);
    const body = [];
    // Several results are parked in locals (of the inner types) to convert each.
    const many = innerResults.length > 1;
    uleb(many ? innerResults.length : 0, body);
    if (many) for (const c of innerResults) body.push(0x01, TYPE_BYTES[c]);
    [...outerParams].forEach((c, i) => {
      body.push(0x20);
      uleb(i, body);
      convert(c, innerParams[i], body);
    });
    body.push(0x10, 0x00);
    if (many) {
      for (let k = innerResults.length - 1; k >= 0; k--) {
        body.push(0x21);
        uleb(outerParams.length + k, body);
      }
      [...innerResults].forEach((c, k) => {
        body.push(0x20);
        uleb(outerParams.length + k, body);
        convert(c, outerResults[k], body);
      });
    } else if (innerResults.length === 1) {
      convert(innerResults, outerResults, body);
    }
    body.push(0x0b);
    const code = [0x01];
    uleb(body.length, code);
    code.push(...body);
    const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    section(1, type, out);
    importSectionOfF(out);
    section(3, [0x01, 0x01], out);
    section(7, exports, out);
    section(10, code, out);
    return new Uint8Array(out);
  }

  const bitsAdapterModules = new Map();
  // `f` (of signature `inner`) behind an export of signature `outer`.
  function bitsAdapter(f, outer, inner) {
    const key = `${outer}>${inner}`;
    let module = bitsAdapterModules.get(key);
    if (module === undefined) {
      module = new WebAssembly.Module(bitsAdapterBytes(outer.split(":"), inner.split(":")));
      bitsAdapterModules.set(key, module);
    }
    return new WebAssembly.Instance(module, { m: { f } }).exports.f;
  }

  // A float read from JS (where it already is a number) as its bits.
  function numberBits(code, v) {
    const view = new DataView(new ArrayBuffer(8));
    if (code === "f") {
      view.setFloat32(0, v, true);
      return view.getInt32(0, true);
    }
    view.setFloat64(0, v, true);
    return view.getBigInt64(0, true);
  }

  // ---- Calls ----

  // Pyodide turns a thrown value that is not an Error into a generic Error
  // and loses it, so a WebAssembly.Exception leaving Wasm is wrapped first.
  class UncaughtWasmException extends Error {
    constructor(exception) {
      super("uncaught wasm exception");
      this.name = "WasmException";
      this.exception = exception;
    }
  }

  function wrapException(e) {
    return e instanceof WebAssembly.Exception ? new UncaughtWasmException(e) : e;
  }

  // A caller for Wasm function `f` of signature `params:results`, compiled
  // once per function: it takes the arguments as Pyodide passes them and
  // returns nothing, the one result, or an array of results.
  function makeCaller(f, params, results) {
    if (hasFloat(params + results)) {
      f = bitsAdapter(f, `${asBits(params)}:${asBits(results)}`, `${params}:${results}`);
      [params, results] = [asBits(params), asBits(results)];
    }
    const names = [...params].map((_, i) => `a${i}`);
    const args = [...params].map((c, i) =>
      c === "I" ? `BigInt(a${i})` : c === "r" || c === "x" ? `(a${i} === undefined ? null : a${i})` : `a${i}`,
    );
    let body;
    if (results.length === 0) body = `f(${args.join(", ")}); return undefined;`;
    else if (results.length === 1) body = `return f(${args.join(", ")});`;
    else body = `return Array.from(f(${args.join(", ")}));`;
    return new Function(
      "f", "wrapException",
      `return (${names.join(", ")}) => { try { ${body} } catch (e) { throw wrapException(e); } };`,
    )(f, wrapException);
  }

  // A Wasm function of signature `sig` that calls the Python callable `py`.
  // `py` receives the arguments as Wasm passed them and returns one value
  // (one result) or a tuple (several).
  function hostFunction(py, sig) {
    // Floats reach `py` and come back as bits (`bitsAdapter`).
    const bits = asBits(sig);
    const results = bits.split(":")[1];
    let f;
    if (results.length <= 1) {
      const code = results;
      f = (...args) => {
        const r = py(...args);
        return code.length === 0 ? undefined : toWasm(code, r);
      };
    } else {
      f = (...args) => {
        const proxy = py(...args);
        const values = proxy.toJs({ depth: 1 });
        proxy.destroy();
        const out = new Array(results.length);
        for (let i = 0; i < results.length; i++) out[i] = toWasm(results[i], values[i]);
        return out;
      };
    }
    return registerFunc(bits === sig ? reexport(f, sig) : bitsAdapter(f, sig, bits), sig);
  }

  // ---- Objects ----

  // An import object from [module, name, value] triples. The objects have
  // no prototype, so every name is an own data property, `__proto__` too.
  function importObject(entries) {
    const imports = Object.create(null);
    for (const [module, field, value] of entries) {
      let ns = imports[module];
      if (ns === undefined) imports[module] = ns = Object.create(null);
      ns[field] = value;
    }
    return imports;
  }

  // A module's import and export names, in declaration order, read once.
  const plans = new WeakMap();
  function planOf(module) {
    let plan = plans.get(module);
    if (plan === undefined) {
      plan = {
        imports: WebAssembly.Module.imports(module),
        exports: WebAssembly.Module.exports(module).map((e) => e.name),
      };
      plans.set(module, plan);
    }
    return plan;
  }

  // Instantiates `module` with one value per import (in the module's order)
  // and returns its exports object. The import object of the previous
  // instantiation is reused when the same values are imported again.
  function instantiateWith(module, values) {
    const plan = planOf(module);
    const n = plan.imports.length;
    let same = plan.lastValues !== undefined;
    for (let i = 0; same && i < n; i++) same = plan.lastValues[i] === values[i];
    if (!same) {
      plan.lastObject = importObject(plan.imports.map(({ module: ns, name }, i) => [ns, name, values[i]]));
      plan.lastValues = values;
    }
    return new WebAssembly.Instance(module, plan.lastObject).exports;
  }

  // The portable path's instantiator for `module`, made once per module: it
  // takes one value per import as its arguments (none: the values of the
  // previous call, whose import object it keeps) and returns an array of one
  // value per export in the module's order (`undefined` for none), each
  // function export registered with its signature (`sigs[i]`, null for other
  // kinds). The names never leave JS, so an instantiation is one crossing.
  function makeInstantiator(module, sigs) {
    const { imports, exports: names } = planOf(module);
    let object = null;
    return (...values) => {
      try {
        if (object === null || values.length !== 0) {
          object = importObject(imports.map(({ module: ns, name }, i) => [ns, name, values[i]]));
        }
        const exports = new WebAssembly.Instance(module, object).exports;
        const out = new Array(names.length);
        for (let i = 0; i < names.length; i++) {
          const v = Reflect.get(exports, names[i]);
          if (sigs[i] != null) registerFunc(v, sigs[i]);
          out[i] = v;
        }
        // Nothing to hand back: `undefined` costs Python no proxy.
        return names.length === 0 ? undefined : out;
      } catch (e) {
        throw wrapException(e);
      }
    };
  }

  // A float global's value crosses as its bits (see "Floats as bits"): a
  // mutable one is set through its accessor, an immutable NaN comes from a
  // module that defines it (any other float is exact as a JS number).
  function newGlobal(type, mutable, value) {
    const desc = { value: GLOBAL_TYPES[type], mutable };
    if (type !== "f" && type !== "F") return new WebAssembly.Global(desc, toWasm(type, value));
    const bits = toWasm(BITS[type], value);
    if (mutable) {
      const global = new WebAssembly.Global(desc);
      floatGlobalAccess(global, type === "f").set(bits);
      return global;
    }
    const view = new DataView(new ArrayBuffer(8));
    if (type === "f") view.setInt32(0, bits, true);
    else view.setBigInt64(0, bits, true);
    const number = type === "f" ? view.getFloat32(0, true) : view.getFloat64(0, true);
    if (!Number.isNaN(number)) return new WebAssembly.Global(desc, number);
    // (module (global (export "g") T (T.const <bits>)))
    const init = [TYPE_BYTES[type], 0x00, type === "f" ? 0x43 : 0x44, ...new Uint8Array(view.buffer, 0, type === "f" ? 4 : 8), 0x0b];
    const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    section(6, [0x01, ...init], out);
    const exports = [0x01];
    name("g", exports);
    exports.push(0x03, 0x00);
    section(7, exports, out);
    return new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(out))).exports.g;
  }
  const GLOBAL_TYPES = { i: "i32", I: "i64", f: "f32", F: "f64", v: "v128", r: "anyfunc", x: "externref" };

  function getGlobal(global, type) {
    if (type === "f" || type === "F") return floatGlobalAccess(global, type === "f").get();
    return global.value;
  }

  function setGlobal(global, type, value) {
    if (type !== "f" && type !== "F") {
      global.value = toWasm(type, value);
      return;
    }
    const access = floatGlobalAccess(global, type === "f");
    if (access.set === undefined) throw new TypeError("the global is immutable");
    access.set(toWasm(BITS[type], value));
  }

  function newTable(element, initial, maximum, init) {
    const desc = { element: element === "r" ? "anyfunc" : "externref", initial };
    if (maximum !== undefined) desc.maximum = maximum;
    const value = toWasm(element, init);
    const table = new WebAssembly.Table(desc, value);
    // WebKitGTK 2.50's JavaScriptCore ignores the initial value of a funcref
    // table (its slots start null): fill them.
    if (value !== null && initial > 0 && table.get(0) !== value) {
      for (let i = 0; i < initial; i++) table.set(i, value);
    }
    return table;
  }

  function tableGrow(table, element, delta, init) {
    return table.grow(delta, toWasm(element, init));
  }

  function tableSet(table, element, index, value) {
    table.set(index, toWasm(element, value));
  }

  // Bulk copies straight between a Python buffer (a memoryview over Rust
  // memory, reached through PyProxy.getBuffer without copying it) and JS.
  function withBuffer(proxy, f) {
    const buffer = proxy.getBuffer("u8");
    try {
      return f(buffer.data);
    } finally {
      buffer.release();
    }
  }

  function compileBuffer(proxy) {
    return withBuffer(proxy, (bytes) => new WebAssembly.Module(bytes));
  }

  function readInto(memory, offset, proxy) {
    withBuffer(proxy, (out) => out.set(new Uint8Array(memory.buffer, offset, out.length)));
  }

  function writeFrom(memory, offset, proxy) {
    withBuffer(proxy, (bytes) => new Uint8Array(memory.buffer, offset, bytes.length).set(bytes));
  }

  // ---- Errors ----

  // [kind, message] of anything thrown: kind is the JS error's name
  // ("RuntimeError", "RangeError", "CompileError", "LinkError", "TypeError", ...),
  // "Exception" for a WebAssembly.Exception, or "Value" for a thrown non-error.
  // [kind, message, location] of an error; location is the innermost Wasm
  // frame of its stack as "function:offset" (hex), where the engine gives one
  // (V8 and SpiderMonkey do), else "".
  function describeError(e) {
    if (e instanceof UncaughtWasmException) e = e.exception;
    if (e instanceof WebAssembly.Exception) return ["Exception", String(e.stack ?? "wasm exception"), ""];
    if (e instanceof Error) {
      const frame = typeof e.stack === "string" ? /wasm-function\[(\d+)\]:0x([0-9a-f]+)/.exec(e.stack) : null;
      return [e.name, e.message, frame ? `${frame[1]}:${frame[2]}` : ""];
    }
    if (e === null || e === undefined) return ["Value", "no error recorded", ""];
    return ["Value", String(e), ""];
  }

  // The payload of a WebAssembly.Exception thrown with `tag`, or null.
  function exceptionPayload(e, tag, types) {
    if (e instanceof UncaughtWasmException) e = e.exception;
    if (!(e instanceof WebAssembly.Exception) || !e.is(tag)) return null;
    const out = [];
    for (let i = 0; i < types.length; i++) {
      const v = e.getArg(tag, i);
      out.push(types[i] === "f" || types[i] === "F" ? numberBits(types[i], v) : v);
    }
    return out;
  }


  // ---- The fast path: functions the Rust side module imports and calls directly ----
  //
  // Installed once per Pyodide (all extensions share it, keyed by version) into
  // the loader's import table, so `extern "C" { fn rtl1_call(...) }` in Rust binds
  // to them (directly, or through the loader's lazy stub on first call). Values
  // cross as 8-byte slots in Rust memory; JS values as handles into one table.
  // Every function catches everything: a JS exception must never unwind into
  // Rust frames. Errors are kept in `lastError` for Rust to fetch.

  // Copies between guest memories and the Rust heap (`memory`), through byte
  // views made once and renewed only when a copy reaches past one (its memory
  // grew: a grown buffer is detached, length 0, or a shared one is longer
  // than the view); a small copy is a byte loop. So a small copy allocates
  // nothing. Offsets and lengths arrive as i32 and are read unsigned; a copy
  // out of bounds throws a RangeError.
  function byteCopies(memory) {
    let heapView = new Uint8Array(memory.buffer);
    const heap = (end) => (end <= heapView.length ? heapView : (heapView = new Uint8Array(memory.buffer)));
    const guestViews = new WeakMap();
    function guest(mem, end) {
      let view = guestViews.get(mem);
      if (view === undefined || end > view.length) {
        view = new Uint8Array(mem.buffer);
        guestViews.set(mem, view);
      }
      return view;
    }
    function copy(from, at, to, into, len) {
      if (at + len > from.length || into + len > to.length) throw new RangeError("out of bounds memory access");
      if (len <= 16) {
        for (let i = 0; i < len; i++) to[into + i] = from[at + i];
      } else {
        to.set(from.subarray(at, at + len), into);
      }
    }
    return {
      read(mem, offset, len, dst) {
        offset >>>= 0;
        len >>>= 0;
        dst >>>= 0;
        copy(guest(mem, offset + len), offset, heap(dst + len), dst, len);
      },
      write(mem, offset, len, src) {
        offset >>>= 0;
        len >>>= 0;
        src >>>= 0;
        copy(heap(src + len), src, guest(mem, offset + len), offset, len);
      },
    };
  }

  const FAST_KEY = "__pyodide_runtime_layer_fast_v1";

  function makeFastRuntime(Module, imports, memory, scratch, scratchBytes) {
    const handles = [undefined];
    const freeHandles = [];
    // How many Rust owners each handle has, and the handle of each function.
    const owners = [0];
    const funcHandles = new Map();
    let lastError = null;
    let view = new DataView(memory.buffer);
    // Growing the heap detaches its old buffer (byteLength 0): only then is a
    // new view made (reading `memory.buffer` on every access is slow).
    const dv = () => (view.buffer.byteLength !== 0 ? view : (view = new DataView(memory.buffer)));

    const GET = {
      i: (a) => `d.getInt32(${a}, true)`,
      I: (a) => `d.getBigInt64(${a}, true)`,
      f: (a) => `d.getFloat32(${a}, true)`,
      F: (a) => `d.getFloat64(${a}, true)`,
    };
    const SET = {
      i: (a, v) => `d.setInt32(${a}, ${v}, true);`,
      I: (a, v) => `d.setBigInt64(${a}, ${v}, true);`,
      f: (a, v) => `d.setFloat32(${a}, ${v}, true);`,
      F: (a, v) => `d.setFloat64(${a}, ${v}, true);`,
    };
    const numeric = (codes) => [...codes].every((c) => c in GET);

    // Signatures by id (every signature Rust registered), and per-signature
    // call shims, compiled once for numeric signatures: (f, argsPtr, resultsPtr) => void.
    // The heap view is fetched again after a call: the call may grow the heap.
    const sigIds = new Map();
    const sigs = [];
    const callers = [];
    // The shim for a numeric signature is itself Wasm: it reads the
    // arguments from Rust memory, calls the function through `funcTable`
    // (where every registered Wasm function sits at its handle) and writes
    // the results back, so the call never converts values in JS.
    //   (func (param $handle i32) (param $args i32) (param $results i32))
    const LOAD = { i: 0x28, I: 0x29, f: 0x2a, F: 0x2b };
    const STORE = { i: 0x36, I: 0x37, f: 0x38, F: 0x39 };
    function callerFor(sig) {
      const [params, results] = sig.split(":");
      const type = [0x02];
      funcType(params, results, type);
      type.push(0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00);
      const imports = [0x02];
      name("e", imports);
      name("m", imports);
      imports.push(0x02, 0x00, 0x00);
      name("e", imports);
      name("t", imports);
      imports.push(0x01, 0x70, 0x00, 0x00);
      const exports = [0x01];
      name("c", exports);
      exports.push(0x00, 0x00);
      const body = [];
      uleb(results.length, body);
      for (const c of results) body.push(0x01, TYPE_BYTES[c]);
      [...params].forEach((c, k) => {
        body.push(0x20, 0x01, LOAD[c], 0x00);
        uleb(8 * k, body);
      });
      body.push(0x20, 0x00, 0x11, 0x00, 0x00);
      for (let k = results.length - 1; k >= 0; k--) {
        body.push(0x21);
        uleb(3 + k, body);
      }
      [...results].forEach((c, k) => {
        body.push(0x20, 0x02, 0x20);
        uleb(3 + k, body);
        body.push(STORE[c], 0x00);
        uleb(8 * k, body);
      });
      body.push(0x0b);
      const code = [0x01];
      uleb(body.length, code);
      for (const b of body) code.push(b);
      const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
      section(1, type, out);
      section(2, imports, out);
      section(3, [0x01, 0x01], out);
      section(7, exports, out);
      section(10, code, out);
      const module = new WebAssembly.Module(new Uint8Array(out));
      return new WebAssembly.Instance(module, { e: { m: memory, t: funcTable } }).exports.c;
    }

    // Registered Wasm functions by handle, for the call shims' `call_indirect`.
    const funcTable = new WebAssembly.Table({ element: "anyfunc", initial: 64 });
    function tableFunc(h, v) {
      if (typeof v !== "function") return;
      if (h >= funcTable.length) funcTable.grow(Math.max(h + 1 - funcTable.length, funcTable.length));
      try {
        funcTable.set(h, v);
      } catch (e) {
        // A plain JS function cannot sit in a table; the portable path calls those.
      }
    }

    // Host functions are Wasm too: a per-signature module whose function
    // spills its arguments to scratch memory in Rust (a stack, for nested
    // calls), calls the Rust trampoline directly (a Wasm function of the
    // side module, from the shared function table) and loads the results.
    // On failure it calls `fail`, which throws: the error unwinds through the
    // guest, never through Rust frames (the trampoline has returned). Its
    // frame is released on every way out, an exception passing through the
    // trampoline call included (a `catch_all` that releases and rethrows), so
    // the stack pointer is always back at its value when a call ends and
    // `call` needs no bookkeeping of its own.
    const spGlobal = new WebAssembly.Global({ value: "i32", mutable: true }, scratch + scratchBytes);
    const failHost = () => {
      throw hostFailure();
    };
    function sleb(n, out) {
      for (;;) {
        const byte = n & 0x7f;
        n >>= 7;
        if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
          out.push(byte);
          return;
        }
        out.push(byte | 0x80);
      }
    }
    const hostModules = new Map();
    function hostModule(sig) {
      let module = hostModules.get(sig);
      if (module !== undefined) return module;
      const [params, results] = sig.split(":");
      const np = params.length;
      const bytes = 8 * Math.max(np + results.length, 1);
      const type = [0x03];
      funcType(params, results, type);
      type.push(0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x00);
      const imports = [0x05];
      for (const [field, desc] of [["m", [0x02, 0x00, 0x00]], ["tr", [0x00, 0x01]], ["fail", [0x00, 0x02]], ["sp", [0x03, 0x7f, 0x01]], ["id", [0x03, 0x7f, 0x00]]]) {
        name("e", imports);
        name(field, imports);
        for (const b of desc) imports.push(b);
      }
      const exports = [0x01];
      name("h", exports);
      exports.push(0x00, 0x02);
      const base = np;
      const release = () => {
        const r = [0x20];
        uleb(base, r);
        r.push(0x41);
        sleb(bytes, r);
        r.push(0x6a, 0x24, 0x00);
        return r;
      };
      const body = [0x01, 0x01, 0x7f];
      body.push(0x23, 0x00, 0x41);
      sleb(bytes, body);
      body.push(0x6b, 0x22);
      uleb(base, body);
      body.push(0x24, 0x00);
      body.push(0x20);
      uleb(base, body);
      body.push(0x41);
      sleb(scratch, body);
      body.push(0x49, 0x04, 0x40, ...release(), 0x10, 0x01, 0x00, 0x0b);
      [...params].forEach((c, k) => {
        body.push(0x20);
        uleb(base, body);
        body.push(0x20);
        uleb(k, body);
        body.push(STORE[c], 0x00);
        uleb(8 * k, body);
      });
      // try (result i32) (call $tr (global.get $id) (local.get $base) (i32.add (local.get $base) (i32.const 8np)))
      // catch_all (release) rethrow 0 end
      body.push(0x06, 0x7f, 0x23, 0x01, 0x20);
      uleb(base, body);
      body.push(0x20);
      uleb(base, body);
      body.push(0x41);
      sleb(8 * np, body);
      body.push(0x6a, 0x10, 0x00);
      body.push(0x19, ...release(), 0x09, 0x00, 0x0b);
      body.push(0x04, 0x40, ...release(), 0x10, 0x01, 0x00, 0x0b);
      [...results].forEach((c, k) => {
        body.push(0x20);
        uleb(base, body);
        body.push(LOAD[c], 0x00);
        uleb(8 * (np + k), body);
      });
      body.push(...release(), 0x0b);
      const code = [0x01];
      uleb(body.length, code);
      for (const b of body) code.push(b);
      const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
      section(1, type, out);
      section(2, imports, out);
      section(3, [0x01, 0x00], out);
      section(7, exports, out);
      section(10, code, out);
      module = new WebAssembly.Module(new Uint8Array(out));
      hostModules.set(sig, module);
      return module;
    }

    function hostFailure() {
      const e = new Error("pyodide_runtime_layer: host function failed");
      e.name = "HostFunctionError";
      return e;
    }

    const copies = byteCopies(memory);

    const runtime = {
      version: 1,
      // A function has one handle however often it is registered (a table
      // read, an export, a global): a count says how many Rust owners hold
      // it, so `funcTable` is written once per function, not per read.
      register(v) {
        if (typeof v === "function") {
          const known = funcHandles.get(v);
          if (known !== undefined) {
            owners[known]++;
            return known;
          }
        }
        const h = freeHandles.length ? freeHandles.pop() : handles.length;
        handles[h] = v;
        owners[h] = 1;
        if (typeof v === "function") {
          funcHandles.set(v, h);
          tableFunc(h, v);
        }
        return h;
      },
      value(h) {
        return handles[h];
      },
      sigId(sig) {
        let id = sigIds.get(sig);
        if (id === undefined) {
          id = sigs.length;
          sigs.push(sig);
          callers.push(numeric(sig.replace(":", "")) ? callerFor(sig) : null);
          sigIds.set(sig, id);
        }
        return id;
      },
      hostFunction(trampolinePtr, id, sig) {
        if (!numeric(sig.replace(":", ""))) return null;
        const tr = Module.getWasmTableEntry(trampolinePtr);
        const instance = new WebAssembly.Instance(hostModule(sig), {
          e: { m: memory, tr, fail: failHost, sp: spGlobal, id: new WebAssembly.Global({ value: "i32" }, id) },
        });
        return registerFunc(instance.exports.h, sig);
      },
      takeError() {
        const e = lastError;
        lastError = null;
        return e;
      },
    };

    const fail = (e) => {
      lastError = wrapException(e);
      return 1;
    };
    const api = {
      free(h) {
        if (--owners[h] > 0) return;
        const v = handles[h];
        if (typeof v === "function") {
          funcHandles.delete(v);
          if (h < funcTable.length) funcTable.set(h, null);
        }
        handles[h] = undefined;
        freeHandles.push(h);
      },
      call(f, sig, a, p) {
        try {
          callers[sig](f, a, p);
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      mem_read(m, offset, len, dst) {
        try {
          copies.read(handles[m], offset, len, dst);
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      mem_write(m, offset, len, src) {
        try {
          copies.write(handles[m], offset, len, src);
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      mem_pages(m) {
        try {
          return handles[m].buffer.byteLength / 65536;
        } catch (e) {
          fail(e);
          return 0;
        }
      },
      mem_grow(m, delta) {
        try {
          return handles[m].grow(delta);
        } catch (e) {
          return -fail(e);
        }
      },
      // Floats cross as their bits (`floatGlobalAccess`), never as JS numbers.
      global_get(g, code, p) {
        try {
          switch (code) {
            case 0: dv().setInt32(p, handles[g].value, true); break;
            case 1: dv().setBigInt64(p, handles[g].value, true); break;
            case 2: dv().setInt32(p, floatGlobalAccess(handles[g], true).get(), true); break;
            default: dv().setBigInt64(p, floatGlobalAccess(handles[g], false).get(), true);
          }
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      global_set(g, code, p) {
        try {
          const d = dv();
          if (code === 2 || code === 3) {
            const access = floatGlobalAccess(handles[g], code === 2);
            if (access.set === undefined) throw new TypeError("the global is immutable");
            access.set(code === 2 ? d.getInt32(p, true) : d.getBigInt64(p, true));
          } else {
            handles[g].value = code === 0 ? d.getInt32(p, true) : d.getBigInt64(p, true);
          }
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      // Writes three f64 slots at `out`: the kind (0 null, 1 one of our
      // externrefs, 2 any other value), its id (kind 1) or a fresh handle
      // (kind 2), and the signature id of a function (-1 if unknown).
      table_get(t, i, out) {
        try {
          const v = handles[t].get(i);
          const d = dv();
          const id = externRefId(v);
          if (v === null) {
            d.setFloat64(out, 0, true);
          } else if (id >= 0) {
            d.setFloat64(out, 1, true);
            d.setFloat64(out + 8, id, true);
          } else {
            const sig = funcSigs.get(v);
            d.setFloat64(out, 2, true);
            d.setFloat64(out + 8, runtime.register(v), true);
            d.setFloat64(out + 16, sig === undefined ? -1 : sigIds.get(sig) ?? -1, true);
          }
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      table_set(t, i, h) {
        try {
          handles[t].set(i, h === 0 ? null : handles[h]);
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      table_grow(t, delta, h) {
        try {
          return handles[t].grow(delta, h === 0 ? null : handles[h]);
        } catch (e) {
          return -fail(e);
        }
      },
      table_size(t) {
        try {
          return handles[t].length;
        } catch (e) {
          fail(e);
          return 0;
        }
      },
      // Instantiates module `m` with one import handle per import of the
      // module (in its order) at `imports`, and writes one handle per export
      // (in its order) at `out`; `exportSigs` holds one i32 per export: the
      // signature id of a function export (registered on the way), else -1.
      instantiate(m, imports, exportSigs, out) {
        try {
          const module = handles[m];
          const d = dv();
          const n = planOf(module).imports.length;
          const values = new Array(n);
          for (let i = 0; i < n; i++) values[i] = handles[d.getUint32(imports + 4 * i, true)];
          const exports = instantiateWith(module, values);
          const names = planOf(module).exports;
          const d2 = dv();
          for (let i = 0; i < names.length; i++) {
            const v = Reflect.get(exports, names[i]);
            const sig = d2.getInt32(exportSigs + 4 * i, true);
            if (sig >= 0) funcSigs.set(v, sigs[sig]);
            d2.setUint32(out + 4 * i, runtime.register(v), true);
          }
          return 0;
        } catch (e) {
          return fail(e);
        }
      },
      module_new(ptr, len) {
        try {
          return runtime.register(new WebAssembly.Module(new Uint8Array(memory.buffer, ptr, len)));
        } catch (e) {
          fail(e);
          return 0;
        }
      },
      ping(x) {
        return x + 1;
      },
    };
    for (const [name, f] of Object.entries(api)) imports[`rtl1_${name}`] = f;
    // The same functions in the shared function table (emscripten signature
    // strings: return type, then parameters; `i` is an i32 or a pointer), which
    // Rust calls through function pointers with no lazy stub in between.
    const SIGS = {
      free: "vi", call: "iiiii", mem_read: "iiiii", mem_write: "iiiii", mem_pages: "ii", mem_grow: "iii",
      global_get: "iiii", global_set: "iiii", table_get: "iiii", table_set: "iiii", table_grow: "iiii",
      table_size: "ii", instantiate: "iiiii", module_new: "iii", ping: "ii",
    };
    try {
      const direct = {};
      for (const [name, sig] of Object.entries(SIGS)) direct[`rtl1_${name}`] = Module.addFunction(api[name], sig);
      runtime.direct = direct;
    } catch (e) {
      // No room in the table (or no addFunction): the imports still work.
    }
    return runtime;
  }

  // Installs the fast path (once per Pyodide) and returns its runtime, or a
  // string saying which Pyodide internal is missing.
  function installFast(Module, scratch, scratchBytes) {
    try {
      const imports = Module?.LDSO?.loadedLibsByName?.__main__?.exports;
      if (!imports) return "the loader's import table (Module.LDSO.loadedLibsByName.__main__.exports) is missing";
      if (imports[FAST_KEY]) return imports[FAST_KEY];
      const memory = Module.wasmMemory ?? Module.memory ?? imports.memory;
      if (!(memory instanceof WebAssembly.Memory)) return "the heap's WebAssembly.Memory is missing";
      if (typeof Module.getWasmTableEntry !== "function") return "Module.getWasmTableEntry is missing";
      const runtime = makeFastRuntime(Module, imports, memory, scratch, scratchBytes);
      Object.defineProperty(imports, FAST_KEY, { value: runtime });
      return runtime;
    } catch (e) {
      return `installing the fast path failed: ${e}`;
    }
  }

  return {
    describeError,
    exceptionPayload,
    externRefId,
    funcSig,
    getGlobal,
    hostFunction,
    installFast,
    makeCaller,
    makeInstantiator,
    compileBuffer,
    readInto,
    writeFrom,
    newExternRef,
    newGlobal,
    newTable,
    setGlobal,
    tableGrow,
    tableSet,
  };
})()
