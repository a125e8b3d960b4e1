// The bodies of `namespace FastRuntime` (spec/boundary.webidl): the fast
// path's setup, reached through Python once per object or signature.
({
  // The runtime lives in the loader's import table (`Module.LDSO`), where
  // the side modules' `rtl2_*` imports are resolved: the first extension
  // installs it, the others find it there.
  install(pyodideModule, scratch, scratchBytes) {
    const Module = pyodideModule;
    const imports = Module?.LDSO?.loadedLibsByName?.__main__?.exports;
    if (!imports) return "the loader's import table (Module.LDSO.loadedLibsByName.__main__.exports) is missing";
    if (imports[FastAbi.key]) {
      installed = imports[FastAbi.key];
      return null;
    }
    const memory = Module.wasmMemory ?? Module.memory ?? imports.memory;
    if (!(memory instanceof WebAssembly.Memory)) return "the heap's WebAssembly.Memory is missing";
    if (typeof Module.getWasmTableEntry !== "function") return "Module.getWasmTableEntry is missing";
    if (typeof Module.addFunction !== "function") return "Module.addFunction is missing";
    const state = makeFastState(Module, memory, scratch, scratchBytes);
    state.direct = FastAbi.register(Module, imports, state);
    Object.defineProperty(imports, FastAbi.key, { value: state });
    installed = state;
    return null;
  },

  directEntries() {
    return installed.direct;
  },

  register(value) {
    return installed.register(value);
  },

  value(handle) {
    return installed.handles[handle];
  },

  sigId(sig) {
    return installed.signatures.id(sig);
  },

  hostFunction(trampoline, id, sig) {
    return installed.hostFunction(trampoline, id, sig);
  },

  takeError() {
    const e = installed.lastError;
    installed.lastError = null;
    return e;
  },
})
