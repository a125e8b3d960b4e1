//! The fast runtime's JS functions (`glue.js`, `makeFastRuntime`) as Rust
//! calls them.
//!
//! Each function is reachable two ways. As an `extern "C"` import of this
//! side module (`rtl1_*`), bound through the Pyodide loader's lazy stub,
//! since the runtime is installed after the module loaded. And, when the
//! runtime put it there, as an entry of the shared function table
//! (`Module.addFunction`), which Rust calls through a function pointer: a
//! plain `call_indirect`, with no stub frame in between. [`set_direct`]
//! records the table entries at install; every call takes them when they
//! are there, else the import.
//!
//! Natively there is no JS: the same functions exist so that callers compile
//! unchanged, and report failure (they are never reached, since the fast
//! path is never installed there).
//!
//! Public (hidden) only for the benchmarks, which time these calls exactly as
//! the backend makes them; not a stable API.

use std::sync::OnceLock;

/// Declares the runtime's functions once: the imports, the table of direct
/// entries, and the function Rust calls (`$failed` is what it returns natively).
macro_rules! runtime_functions {
    ($($name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? = $failed:expr;)*) => {
        #[cfg(target_os = "emscripten")]
        mod imports {
            unsafe extern "C" {
                $(pub fn $name($($arg: $ty),*) $(-> $ret)?;)*
            }
        }

        /// The functions' entries in the shared function table.
        #[derive(Clone, Copy)]
        #[cfg_attr(not(target_os = "emscripten"), allow(dead_code))]
        pub(crate) struct Direct {
            $($name: unsafe extern "C" fn($($ty),*) $(-> $ret)?,)*
        }

        impl Direct {
            /// The entries from their table indices, looked up by name
            /// (`None` if one is missing).
            ///
            /// # Safety
            /// Each index must be a function-table entry of the signature
            /// declared here (`glue.js` adds them with those signatures).
            pub(crate) unsafe fn from_indices(index: impl Fn(&str) -> Option<usize>) -> Option<Self> {
                Some(Self {
                    // SAFETY: on wasm32 a function pointer is its table index;
                    // the caller vouches for the signature.
                    $($name: unsafe { std::mem::transmute::<usize, unsafe extern "C" fn($($ty),*) $(-> $ret)?>(index(stringify!($name)).filter(|i| *i != 0)?) },)*
                })
            }
        }

        $(
            #[doc = concat!("The fast runtime's `", stringify!($name), "` (see `glue.js`).")]
            #[allow(clippy::missing_safety_doc, unused_variables)]
            pub unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
                #[cfg(target_os = "emscripten")]
                {
                    match DIRECT.get() {
                        // SAFETY: the caller upholds the function's contract.
                        Some(direct) => unsafe { (direct.$name)($($arg),*) },
                        // SAFETY: as above; the import is the same JS function.
                        None => unsafe { imports::$name($($arg),*) },
                    }
                }
                #[cfg(not(target_os = "emscripten"))]
                {
                    $failed
                }
            }
        )*
    };
}

runtime_functions! {
    rtl1_ping(x: i32) -> i32 = 0;
    rtl1_free(handle: u32) = ();
    rtl1_call(func: u32, shim: u32, args: *const u64, results: *mut u64) -> i32 = 1;
    rtl1_mem_read(memory: u32, offset: usize, len: usize, dst: *mut u8) -> i32 = 1;
    rtl1_mem_write(memory: u32, offset: usize, len: usize, src: *const u8) -> i32 = 1;
    rtl1_mem_pages(memory: u32) -> u32 = 0;
    rtl1_mem_grow(memory: u32, delta: u32) -> i32 = -1;
    rtl1_global_get(global: u32, code: u32, out: *mut u64) -> i32 = 1;
    rtl1_global_set(global: u32, code: u32, value: *const u64) -> i32 = 1;
    rtl1_table_size(table: u32) -> u32 = 0;
    rtl1_module_new(bytes: *const u8, len: usize) -> u32 = 0;
    rtl1_instantiate(module: u32, imports: *const u32, export_sigs: *const i32, exports: *mut u32) -> i32 = 1;
    rtl1_table_get(table: u32, index: u32, out: *mut f64) -> i32 = 1;
    rtl1_table_set(table: u32, index: u32, value: u32) -> i32 = 1;
    rtl1_table_grow(table: u32, delta: u32, init: u32) -> i32 = -1;
}

static DIRECT: OnceLock<Direct> = OnceLock::new();

/// Makes every call take the function-table entries from now on.
pub(crate) fn set_direct(direct: Direct) {
    let _ = DIRECT.set(direct);
}
