// Runs Python test files inside real Pyodide in a headless browser, against
// Rust extension modules built for wasm32-unknown-emscripten. The browser twin
// of tests/pyodide/run.mjs, for every engine in engines.mjs: Chromium (V8),
// Firefox (SpiderMonkey) and WebKitGTK (JavaScriptCore), all from Debian.
//
// usage: node run.mjs [--engine chromium|firefox|webkit] [--pyodide <npm package>]
//                     --ext <name>=<path.so> [--ext ...] [--env K=V ...]
//                     [--wheel <path.whl> ... [--micropip <dir>]]
//                     [--main-thread] [--verbose] <test.py | dir> ...
//
// It serves the pinned Pyodide package (tests/pyodide/node_modules), the
// extensions, tests/pyodide/harness.py, the test files and a small page
// (index.html, worker.mjs, runner.mjs) from 127.0.0.1 only, and starts the
// browser on the page with a fresh profile. The page loads Pyodide in a module
// Worker (`--main-thread`: on the page's own thread), writes each extension
// into site-packages under the interpreter's extension suffix (and installs
// each wheel with pyodide.loadPackage, or with micropip when --micropip names
// a directory holding micropip's and packaging's wheels), runs the
// harness and POSTs every output line back, in order; they are printed here as
// they come, the last being the harness's "N passed, N failed".
//
// A watchdog bounds every stage: loading, each test (named when it does not
// finish: the harness announces each test with a `RUN` line) and the whole run.
// Exits non-zero when anything failed, nothing ran, the browser died, or a
// limit was hit; the browser is always killed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ENGINES, browserVersion, findBrowser } from "./engines.mjs";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const harnessDir = join(here, "../pyodide");
// Limits, in seconds. A wrong content type or a stuck load hangs the page
// rather than failing it, and a test can hang an engine: each stage has one.
const LOAD_TIMEOUT = Number(process.env.RTL_LOAD_TIMEOUT ?? 180); // browser + Pyodide + files
const TEST_TIMEOUT = Number(process.env.RTL_TEST_TIMEOUT ?? 240); // one test (no output meanwhile)
const TOTAL_TIMEOUT = Number(process.env.RTL_TOTAL_TIMEOUT ?? 2400);

function parseArgs(argv) {
  const opts = { engine: "chromium", exts: [], wheels: [], micropip: null, env: {}, tests: [], pyodide: "pyodide", mainThread: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--engine") {
      opts.engine = argv[++i];
    } else if (arg === "--ext") {
      const [name, path] = argv[++i].split("=");
      opts.exts.push({ name, path: resolve(path) });
    } else if (arg === "--wheel") {
      opts.wheels.push(resolve(argv[++i]));
    } else if (arg === "--micropip") {
      opts.micropip = resolve(argv[++i]);
    } else if (arg === "--pyodide") {
      opts.pyodide = argv[++i];
    } else if (arg === "--env") {
      const [k, ...v] = argv[++i].split("=");
      opts.env[k] = v.join("=");
    } else if (arg === "--main-thread") {
      opts.mainThread = true;
    } else if (arg === "--verbose") {
      opts.verbose = true;
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

function fail(message) {
  console.error(`browser: ${message}`);
  process.exitCode = 1;
}

const opts = parseArgs(process.argv.slice(2));
let binary;
try {
  binary = findBrowser(opts.engine);
} catch (err) {
  fail(err.message);
  process.exit(1);
}
const pyodideDir = join(harnessDir, "node_modules", opts.pyodide);
if (!existsSync(join(pyodideDir, "pyodide.mjs"))) {
  fail(`${pyodideDir}/pyodide.mjs not found: run \`npm ci\` in ${harnessDir}`);
  process.exit(1);
}

const files = collectTests(opts.tests);
const served = {
  "/index.html": join(here, "index.html"),
  "/worker.mjs": join(here, "worker.mjs"),
  "/runner.mjs": join(here, "runner.mjs"),
  "/files/harness.py": join(harnessDir, "harness.py"),
};
const manifest = { pyodide: "/pyodide/", env: opts.env, harness: "/files/harness.py", exts: [], wheels: [], micropip: [], tests: [] };
// A wheel's URL ends in its file name: installers read its tags from it.
for (const wheel of opts.wheels) {
  const url = `/files/wheels/${basename(wheel)}`;
  served[url] = wheel;
  manifest.wheels.push(url);
}
for (const f of opts.micropip ? readdirSync(opts.micropip).filter((f) => /^(micropip|packaging)-.*\.whl$/.test(f)) : []) {
  const url = `/files/wheels/${f}`;
  served[url] = join(opts.micropip, f);
  manifest.micropip.push(url);
}
for (const ext of opts.exts) {
  const url = `/files/ext/${ext.name}.so`;
  served[url] = ext.path;
  manifest.exts.push({ name: ext.name, url });
}
for (const f of files) {
  const name = basename(f, ".py");
  const url = `/files/tests/${name}.py`;
  served[url] = f;
  manifest.tests.push({ name, url });
}
served["/manifest.json"] = { body: JSON.stringify(manifest), type: "application/json" };

const started = Date.now();
let settle;
const finished = new Promise((ok) => (settle = ok));
let lastLine = null;
let running = null; // the test the harness announced last and has not finished
let lastActivity = Date.now();
let loaded = false;

function onMessage(message) {
  lastActivity = Date.now();
  switch (message.type) {
    case "info":
      console.error(`browser: ${message.text}`);
      if (message.text.startsWith("installed ")) loaded = true;
      break;
    case "out":
      for (const line of message.text.split("\n")) {
        console.log(line);
        if (line.startsWith("RUN  ")) running = line.slice(5);
        else if (/^(ok|FAIL) /.test(line)) running = null;
        lastLine = line;
      }
      break;
    case "err":
      console.error(message.text);
      break;
    case "done":
      settle({ failed: message.failed });
      break;
    case "fatal":
      settle({ fatal: message.text });
      break;
  }
}

const server = await serve({
  dirs: { "/pyodide/": pyodideDir },
  files: served,
  onPost: (pathname, body) => {
    if (pathname !== "/report") return;
    try {
      for (const message of JSON.parse(body)) onMessage(message);
    } catch (err) {
      settle({ fatal: `unreadable report from the page: ${err}` });
    }
  },
  log: opts.verbose ? (line) => console.error(`  [server] ${line}`) : undefined,
});
const profile = mkdtempSync(join(tmpdir(), `rtl-${opts.engine}-profile-`));
let browser;
try {
  const url = `${server.url}index.html${opts.mainThread ? "?thread=main" : ""}`;
  const [program, args] = ENGINES[opts.engine].command(binary, url, profile);
  console.error(`browser: ${browserVersion(opts.engine, binary)} (${binary}, headless) on ${server.url}` +
    `${opts.mainThread ? ", page's main thread" : ", module Worker"}`);
  browser = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  browser.stderr.on("data", (chunk) => {
    if (opts.verbose) process.stderr.write(`  [${opts.engine}] ${chunk}`);
  });
  browser.on("error", (err) => settle({ fatal: `could not start ${program}: ${err.message}` }));
  browser.on("exit", (code, signal) => settle({ fatal: `the browser exited before the tests finished (${signal ?? code})` }));
  // Stopped from outside (the xtask watchdog): the browser goes too.
  process.once("SIGTERM", () => {
    try { process.kill(-browser.pid, "SIGKILL"); } catch {}
    rmSync(profile, { recursive: true, force: true });
    process.exit(143);
  });

  const timer = setInterval(() => {
    const now = Date.now();
    if (!loaded && now - started > LOAD_TIMEOUT * 1000) {
      settle({ fatal: `Pyodide and the test files did not load within ${LOAD_TIMEOUT} s ` +
        "(a wrong content type makes the page hang; rerun with --verbose to see each request)" });
    } else if (loaded && now - lastActivity > TEST_TIMEOUT * 1000) {
      settle({ fatal: running
        ? `HUNG: ${running} did not finish within ${TEST_TIMEOUT} s`
        : `no output for ${TEST_TIMEOUT} s (last line: ${JSON.stringify(lastLine)})` });
    } else if (now - started > TOTAL_TIMEOUT * 1000) {
      settle({ fatal: `the run took longer than ${TOTAL_TIMEOUT} s` + (running ? ` (in ${running})` : "") });
    }
  }, 1000);
  const result = await finished;
  clearInterval(timer);

  const closing = lastLine?.match(/^(\d+) passed, (\d+) failed$/);
  if (result.fatal) {
    fail(result.fatal);
  } else if (!closing) {
    fail(`the harness did not print its closing line (last line: ${JSON.stringify(lastLine)})`);
  } else if (result.failed || Number(closing[2]) > 0 || Number(closing[1]) === 0) {
    process.exitCode = 1;
  }
  // Nothing more goes to stdout: the harness's line stays the last one.
  if (opts.verbose) console.error(`browser: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  fail(String(err?.stack ?? err));
} finally {
  if (browser?.pid) {
    browser.removeAllListeners("exit");
    try { process.kill(-browser.pid, "SIGKILL"); } catch {}
  }
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
