// Runs Python test files inside real Pyodide (npm `pyodide`, pinned in
// package-lock.json) under Node, against Rust extension modules built for
// wasm32-unknown-emscripten.
//
// usage: node run.mjs [--pyodide <npm package>] --ext <name>=<path.so> [--ext ...] [--env K=V ...] <test.py | dir> ...
//        (--wheel <path.whl> installs a wheel as Pyodide installs packages: with
//         pyodide.loadPackage, or with micropip.install when --micropip <dir>
//         names a directory holding micropip's and packaging's wheels)
//        (--pyodide picks the Pyodide line: "pyodide" (default, 314) or "pyodide-0.29";
//         --mount <host dir>:<dir> makes a host directory visible inside Pyodide)
//        node run.mjs --ext <name>=<path.so> --script <file.py>   (runs one plain script)
//
// Each extension is written into site-packages under the interpreter's own
// extension suffix, so `import <name>` loads it through Pyodide's dynamic
// loader exactly as an installed wheel would. The Python side (harness.py)
// prints one line per test and a final "N passed, N failed" line; this script
// exits non-zero when anything failed or nothing ran.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = { exts: [], wheels: [], micropip: null, env: {}, tests: [], script: null, pyodide: "pyodide", mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--ext") {
      const [name, path] = argv[++i].split("=");
      opts.exts.push({ name, path: resolve(path) });
    } else if (arg === "--wheel") {
      opts.wheels.push(resolve(argv[++i]));
    } else if (arg === "--micropip") {
      opts.micropip = resolve(argv[++i]);
    } else if (arg === "--mount") {
      const [host, guest] = argv[++i].split(":");
      opts.mounts.push({ host: resolve(host), guest });
    } else if (arg === "--pyodide") {
      opts.pyodide = argv[++i];
    } else if (arg === "--script") {
      opts.script = resolve(argv[++i]);
    } else if (arg === "--env") {
      const [k, ...v] = argv[++i].split("=");
      opts.env[k] = v.join("=");
    } else {
      opts.tests.push(resolve(arg));
    }
  }
  return opts;
}

function collectTests(paths) {
  const files = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        if (f.startsWith("test_") && f.endsWith(".py")) files.push(join(p, f));
      }
    } else {
      files.push(p);
    }
  }
  return files;
}

const opts = parseArgs(process.argv.slice(2));
const { loadPyodide } = await import(opts.pyodide);
const pyodide = await loadPyodide({ env: opts.env });
const [sitePackages, suffix] = pyodide.runPython(
  "import site, importlib.machinery as m; (site.getsitepackages()[0], m.EXTENSION_SUFFIXES[0])"
).toJs();

for (const { host, guest } of opts.mounts) {
  pyodide.FS.mkdirTree(guest);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: host }, guest);
}
for (const ext of opts.exts) {
  pyodide.FS.writeFile(`${sitePackages}/${ext.name}${suffix}`, readFileSync(ext.path));
}
if (opts.micropip) {
  // micropip and its one dependency, from their PyPI wheels (npm's Pyodide
  // does not ship them); then each wheel from Pyodide's file system.
  const deps = readdirSync(opts.micropip).filter((f) => /^(micropip|packaging)-.*\.whl$/.test(f));
  await pyodide.loadPackage(deps.map((f) => join(opts.micropip, f)));
  const micropip = pyodide.pyimport("micropip");
  pyodide.FS.mkdirTree("/tmp/wheels");
  for (const wheel of opts.wheels) {
    pyodide.FS.writeFile(`/tmp/wheels/${basename(wheel)}`, readFileSync(wheel));
    await micropip.install(`emfs:/tmp/wheels/${basename(wheel)}`);
  }
} else if (opts.wheels.length > 0) {
  await pyodide.loadPackage(opts.wheels);
}
if (opts.script) {
  pyodide.setStdout({ batched: (line) => console.log(line) });
  await pyodide.runPythonAsync(readFileSync(opts.script, "utf8"));
  process.exit(0);
}

pyodide.FS.mkdirTree("/harness");
pyodide.FS.writeFile("/harness/harness.py", readFileSync(join(here, "harness.py")));
const files = collectTests(opts.tests);
for (const f of files) {
  pyodide.FS.writeFile(`/harness/${basename(f)}`, readFileSync(f));
}

const harness = pyodide.pyimport("sys");
harness.path.insert(0, "/harness");
const run = pyodide.pyimport("harness").run;
const failed = await run(files.map((f) => basename(f, ".py")));
process.exit(failed ? 1 : 0);
