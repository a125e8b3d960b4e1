// The bodies of `namespace Portable` (spec/boundary.webidl): one Python->JS
// crossing per operation, doing the conversions the JS API leaves to its
// caller.
({
  describeError(error) {
    let e = error;
    if (e instanceof UncaughtWasmException) e = e.exception;
    if (e instanceof WebAssembly.Exception) return ["Exception", String(e.stack ?? "wasm exception"), ""];
    if (e instanceof Error) {
      const frame = typeof e.stack === "string" ? /wasm-function\[(\d+)\]:0x([0-9a-f]+)/.exec(e.stack) : null;
      return [e.name, e.message, frame ? `${frame[1]}:${frame[2]}` : ""];
    }
    if (e === null || e === undefined) return ["Value", "no error recorded", ""];
    return ["Value", String(e), ""];
  },

  exceptionPayload(error, tag, types) {
    let e = error;
    if (e instanceof UncaughtWasmException) e = e.exception;
    if (!(e instanceof WebAssembly.Exception) || !e.is(tag)) return null;
    const out = [];
    for (let i = 0; i < types.length; i++) {
      const v = e.getArg(tag, i);
      out.push(isFloat(types[i]) ? numberBits(types[i], v) : v);
    }
    return out;
  },

  newExternRef(id) {
    return makeExternRef(id);
  },

  externRefId(value) {
    return externRefIdOf(value);
  },

  funcSig(func, candidates) {
    return probeSig(func, candidates);
  },

  // `callable` receives the arguments as Wasm passed them (floats as bits)
  // and returns one value (one result) or a tuple (several).
  hostFunction(callable, sig) {
    const bits = asBits(sig);
    const results = bits.split(":")[1];
    let f;
    if (results.length <= 1) {
      f = (...args) => {
        const r = callable(...args);
        return results.length === 0 ? undefined : toWasm(results, r);
      };
    } else {
      f = (...args) => {
        const proxy = callable(...args);
        const values = proxy.toJs({ depth: 1 });
        proxy.destroy();
        const out = new Array(results.length);
        for (let i = 0; i < results.length; i++) out[i] = toWasm(results[i], values[i]);
        return out;
      };
    }
    return registerFunc(bits === sig ? reexport(f, sig) : bitsAdapter(f, sig, bits), sig);
  },

  // Compiled once per function. Floats cross as JS numbers, except that a
  // call with a NaN or -0 argument passes every float as its bits and one
  // more argument, `true` (it then goes through an adapter taking bits); a
  // NaN or -0 result comes back as `[its bits]` (callers.js).
  makeCaller(func, params, results) {
    const names = [...params].map((_, i) => `a${i}`);
    let body = callAndReturn("f", argList(params), results, []);
    let bits = null;
    let nan = null;
    if (hasFloat(params + results)) {
      bits = bitsAdapter(func, `${asBits(params)}:${asBits(results)}`, `${params}:${results}`);
      ({ f: func, nan } = nanSafeAdapter(func, `${params}:${results}`));
      const floats = [...results].flatMap((c, k) => (isFloat(c) ? [k] : []));
      body = callAndReturn("f", argList(params), results, floats.map((k) => specialAsBits(k, results)));
      if ([...params].some(isFloat)) {
        names.push("viaBits");
        const wrapped = floats.map((k) => `${resultAt(k, results)} = [${resultAt(k, results)}];`);
        body = `if (viaBits) { ${callAndReturn("bits", argList(asBits(params)), results, wrapped)} } ${body}`;
      }
    }
    return new Function(
      "f", "bits", "nan", "wrapException",
      `return (${names.join(", ")}) => { try { ${body} } catch (e) { throw wrapException(e); } };`,
    )(func, bits, nan, wrapException);
  },

  // Made once per module: with no arguments, the previous call's import
  // object is reused; exports come back as an array in the module's order
  // (`undefined` when there are none: it costs Python no proxy).
  makeInstantiator(module, sigs) {
    const plan = planOf(module);
    const names = plan.exports;
    let object = null;
    return (...values) => {
      try {
        if (object === null || values.length !== 0) object = importObjectFor(plan, values);
        const exports = new WebAssembly.Instance(module, object).exports;
        const out = new Array(names.length);
        for (let i = 0; i < names.length; i++) {
          const v = Reflect.get(exports, names[i]);
          if (sigs[i] != null) registerFunc(v, sigs[i]);
          out[i] = v;
        }
        return names.length === 0 ? undefined : out;
      } catch (e) {
        throw wrapException(e);
      }
    };
  },

  compileBuffer(buffer) {
    return withBuffer(buffer, (bytes) => new WebAssembly.Module(bytes));
  },

  readInto(memory, offset, buffer) {
    withBuffer(buffer, (out) => out.set(new Uint8Array(memory.buffer, offset, out.length)));
  },

  writeFrom(memory, offset, buffer) {
    withBuffer(buffer, (bytes) => new Uint8Array(memory.buffer, offset, bytes.length).set(bytes));
  },

  // A mutable float global is set through its accessor, an immutable NaN
  // comes from a module that defines it (any other float is exact as a JS
  // number).
  newGlobal(type, mutable, value) {
    const desc = { value: GLOBAL_TYPES[type], mutable };
    if (!isFloat(type)) return new WebAssembly.Global(desc, toWasm(type, value));
    const bits = toWasm(BITS[type], value);
    if (mutable) {
      const global = new WebAssembly.Global(desc);
      floatGlobalAccess(global, type === "f").set(bits);
      return global;
    }
    const number = bitsNumber(type, bits);
    return Number.isNaN(number) ? constFloatGlobal(type, bits) : new WebAssembly.Global(desc, number);
  },

  getGlobal(global, type) {
    return isFloat(type) ? floatGlobalAccess(global, type === "f").get() : global.value;
  },

  setGlobal(global, type, value) {
    if (!isFloat(type)) {
      global.value = toWasm(type, value);
      return;
    }
    const access = floatGlobalAccess(global, type === "f");
    if (access.set === undefined) throw new TypeError("the global is immutable");
    access.set(toWasm(BITS[type], value));
  },

  newTable(element, initial, maximum, init) {
    const desc = { element: element === "r" ? "anyfunc" : "externref", initial };
    if (maximum !== undefined && maximum !== null) desc.maximum = maximum;
    const value = toWasm(element, init);
    const table = new WebAssembly.Table(desc, value);
    // WebKitGTK 2.50's JavaScriptCore ignores the initial value of a funcref
    // table (its slots start null): fill them.
    if (value !== null && initial > 0 && table.get(0) !== value) {
      for (let i = 0; i < initial; i++) table.set(i, value);
    }
    return table;
  },

  tableGrow(table, element, delta, init) {
    return table.grow(delta, toWasm(element, init));
  },

  tableSet(table, element, index, value) {
    table.set(index, toWasm(element, value));
  },

  // (module (memory 0) (func (export "f") (drop (i32.load (i32.const 0)))))
  boundsTrapsAlike() {
    const module = wasmModule([
      [1, vector([[0x60, 0x00, 0x00]])],
      [3, vector([[0x00]])],
      [5, vector([[0x00, 0x00]])],
      [7, vector([exportEntry("f", 0x00, 0)])],
      [10, vector([functionBody([0x00, 0x41, 0x00, 0x28, 0x02, 0x00, 0x1a, 0x0b])])],
    ]);
    try {
      new WebAssembly.Instance(module).exports.f();
    } catch (e) {
      return e instanceof WebAssembly.RuntimeError && e.message === "index out of bounds";
    }
    return false;
  },
})
