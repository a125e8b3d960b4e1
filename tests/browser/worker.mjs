// The module Worker the tests run in. Chromium refuses a synchronous
// `WebAssembly.Module(bytes)` over 8 MB on the main thread, and Pyodide's
// dynamic loader compiles extension modules synchronously; a Worker has no
// such limit.
import { describe, runTests } from "./runner.mjs";

self.addEventListener("unhandledrejection", (event) => {
  self.postMessage({ type: "fatal", text: `unhandled rejection in the worker: ${describe(event.reason)}` });
});
self.addEventListener("message", (event) => runTests(event.data, (message) => self.postMessage(message)), { once: true });
