// Runs Python test files inside real Pyodide in headless Chromium (Debian's
// /usr/bin/chromium, driven by npm `playwright-core`; nothing downloads a
// browser), against Rust extension modules built for wasm32-unknown-emscripten.
// The browser twin of tests/pyodide/run.mjs.
//
// usage: node run.mjs [--pyodide <npm package>] --ext <name>=<path.so> [--ext ...] [--env K=V ...]
//                     [--main-thread] [--verbose] <test.py | dir> ...
//
// It serves the pinned Pyodide package (tests/pyodide/node_modules), the
// extensions, tests/pyodide/harness.py, the test files and a small page
// (index.html, worker.mjs, runner.mjs) from 127.0.0.1 only. The page loads
// Pyodide in a module Worker (`--main-thread`: on the page's own thread),
// writes each extension into site-packages under the interpreter's extension
// suffix and runs the harness. Its output lines are streamed here as they come;
// the last line is the harness's "N passed, N failed". Exits non-zero when
// anything failed, nothing ran, or something timed out.
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const harnessDir = join(here, "../pyodide");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
// Limits, in seconds: a wrong content type or a stuck load hangs the page
// rather than failing it, so every stage has one.
const LOAD_TIMEOUT = Number(process.env.RTL_BROWSER_LOAD_TIMEOUT ?? 120); // page + Pyodide + files
const IDLE_TIMEOUT = Number(process.env.RTL_BROWSER_IDLE_TIMEOUT ?? 300); // between two output lines
const TOTAL_TIMEOUT = Number(process.env.RTL_BROWSER_TOTAL_TIMEOUT ?? 1800);

function parseArgs(argv) {
  const opts = { exts: [], env: {}, tests: [], pyodide: "pyodide", mainThread: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--ext") {
      const [name, path] = argv[++i].split("=");
      opts.exts.push({ name, path: resolve(path) });
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
if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} not found. Install Debian's Chromium (as root): ` +
    "apt-get update && apt-get install -y --no-install-recommends chromium");
  process.exit(1);
}
const pyodideDir = join(harnessDir, "node_modules", opts.pyodide);
if (!existsSync(join(pyodideDir, "pyodide.mjs"))) {
  fail(`${pyodideDir}/pyodide.mjs not found: run \`npm ci\` in ${harnessDir}`);
  process.exit(1);
}
const { chromium } = createRequire(join(harnessDir, "package.json"))("playwright-core");

const files = collectTests(opts.tests);
const served = {
  "/index.html": join(here, "index.html"),
  "/worker.mjs": join(here, "worker.mjs"),
  "/runner.mjs": join(here, "runner.mjs"),
  "/files/harness.py": join(harnessDir, "harness.py"),
};
const manifest = { pyodide: "/pyodide/", env: opts.env, harness: "/files/harness.py", exts: [], tests: [] };
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
const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
const server = await serve({
  dirs: { "/pyodide/": pyodideDir },
  files: served,
  log: opts.verbose ? (line) => console.error(`  [server] ${line}`) : undefined,
});
const profile = mkdtempSync(join(tmpdir(), "rtl-chromium-profile-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  const browserVersion = context.browser()?.version() ?? "";
  const page = context.pages()[0] ?? (await context.newPage());

  let lastLine = null;
  let settle;
  const finished = new Promise((ok) => (settle = ok));
  let lastActivity = Date.now();
  let loaded = false;
  page.on("pageerror", (err) => settle({ fatal: `uncaught error in the page: ${err.stack ?? err}` }));
  page.on("crash", () => settle({ fatal: "the page crashed" }));
  page.on("console", (msg) => {
    if (opts.verbose || msg.type() === "error") console.error(`  [console.${msg.type()}] ${msg.text()}`);
  });
  await page.exposeFunction("rtlReport", (message) => {
    lastActivity = Date.now();
    switch (message.type) {
      case "info":
        console.error(`browser: ${message.text}`);
        if (message.text.startsWith("installed ")) loaded = true;
        break;
      case "out":
        console.log(message.text);
        lastLine = message.text;
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
  });
  const timer = setInterval(() => {
    const now = Date.now();
    if (!loaded && now - started > LOAD_TIMEOUT * 1000) {
      settle({ fatal: `Pyodide and the test files did not load within ${LOAD_TIMEOUT} s ` +
        "(a wrong content type makes the page hang; rerun with --verbose to see each request)" });
    } else if (loaded && now - lastActivity > IDLE_TIMEOUT * 1000) {
      settle({ fatal: `no output for ${IDLE_TIMEOUT} s (last line: ${JSON.stringify(lastLine)})` });
    } else if (now - started > TOTAL_TIMEOUT * 1000) {
      settle({ fatal: `the run took longer than ${TOTAL_TIMEOUT} s` });
    }
  }, 1000);

  console.error(`browser: Chromium ${browserVersion} (${CHROMIUM}, headless) on ${server.url}`);
  await page.goto(`${server.url}index.html${opts.mainThread ? "?thread=main" : ""}`, { timeout: LOAD_TIMEOUT * 1000 });
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
  if (opts.verbose) console.error(`browser: finished in ${elapsed()} s`);
} catch (err) {
  fail(String(err?.stack ?? err));
} finally {
  await context?.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
