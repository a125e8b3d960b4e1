// Runs Python test files inside real Pyodide (npm `pyodide`, pinned in
// package-lock.json) under Node, against Rust extension modules built for
// wasm32-unknown-emscripten.
//
// usage: node run.mjs [--pyodide <npm package>] --ext <name>=<path.so> [--ext ...] [--env K=V ...] <test.py | dir> ...
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
  const opts = { exts: [], env: {}, tests: [], script: null, pyodide: "pyodide", mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--ext") {
      const [name, path] = argv[++i].split("=");
      opts.exts.push({ name, path: resolve(path) });
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
