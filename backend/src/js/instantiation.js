// Instantiation with values in the module's import order: the names never
// leave JS, so one instantiation is one crossing.

// An import object from [module, name, value] triples. The objects have no
// prototype, so every name is an own data property, `__proto__` too.
function importObject(entries) {
  const imports = Object.create(null);
  for (const [module, field, value] of entries) {
    let ns = imports[module];
    if (ns === undefined) imports[module] = ns = Object.create(null);
    ns[field] = value;
  }
  return imports;
}

// A module's import descriptors and export names, in declaration order,
// read once.
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

// The import object for `values` (one per import of `plan`, in order).
function importObjectFor(plan, values) {
  return importObject(plan.imports.map(({ module: ns, name }, i) => [ns, name, values[i]]));
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
    plan.lastObject = importObjectFor(plan, values);
    plan.lastValues = values;
  }
  return new WebAssembly.Instance(module, plan.lastObject).exports;
}
