// Generated from spec/boundary.webidl and backend/src/js/ by
// pyodide_runtime_layer_macros::boundary! with `support = crate::js`.
// Do not edit: re-bless with BLESS_EXPANDED=1.

/// `namespace FastAbi` of the boundary spec: the fast path's operations. Each is a Wasm import `rtl2_<name>` of this side module (bound through the Pyodide loader's lazy stub) and, once [`set_direct`] has run, an entry of the shared function table called through a plain function pointer. Natively they exist so that callers compile, and report failure.
pub mod fast_abi {
    #[cfg(target_os = "emscripten")]
    mod imports {
        unsafe extern "C" {
            pub fn rtl2_ping(x: i32) -> i32;
            pub fn rtl2_free(handle: u32) -> ();
            pub fn rtl2_retain(handle: u32) -> i32;
            pub fn rtl2_call(
                func: u32,
                sig: u32,
                args: *const u64,
                results: *mut u64,
            ) -> i32;
            pub fn rtl2_mem_read(
                memory: u32,
                offset: usize,
                len: usize,
                dst: *mut u8,
            ) -> i32;
            pub fn rtl2_mem_write(
                memory: u32,
                offset: usize,
                len: usize,
                src: *const u8,
            ) -> i32;
            pub fn rtl2_mem_pages(memory: u32) -> i32;
            pub fn rtl2_small_copies(memory: u32, out: *mut u32) -> i32;
            pub fn rtl2_mem_grow(memory: u32, delta: u32) -> i32;
            pub fn rtl2_global_get(global: u32, code: u32, out: *mut u64) -> i32;
            pub fn rtl2_global_set(global: u32, code: u32, value: *const u64) -> i32;
            pub fn rtl2_global_access(
                global: u32,
                code: u32,
                mutable: u32,
                out: *mut u32,
            ) -> i32;
            pub fn rtl2_table_size(table: u32) -> i32;
            pub fn rtl2_table_get(table: u32, index: u32, out: *mut f64) -> i32;
            pub fn rtl2_table_set(table: u32, index: u32, value: u32) -> i32;
            pub fn rtl2_table_grow(table: u32, delta: u32, init: u32) -> i32;
            pub fn rtl2_module_new(bytes: *const u8, len: usize) -> i32;
            pub fn rtl2_instantiate(
                module: u32,
                imports: *const u32,
                export_sigs: *const i32,
                exports: *mut u32,
            ) -> i32;
        }
    }
    /// A failed operation: its JS error is kept on the JS side, for
    /// `FastRuntime::take_error`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Failed;
    /// The operations' entries in the shared function table.
    #[derive(Clone, Copy)]
    #[cfg_attr(not(target_os = "emscripten"), allow(dead_code))]
    struct Direct {
        ping: unsafe extern "C" fn(i32) -> i32,
        free: unsafe extern "C" fn(u32) -> (),
        retain: unsafe extern "C" fn(u32) -> i32,
        call: unsafe extern "C" fn(u32, u32, *const u64, *mut u64) -> i32,
        mem_read: unsafe extern "C" fn(u32, usize, usize, *mut u8) -> i32,
        mem_write: unsafe extern "C" fn(u32, usize, usize, *const u8) -> i32,
        mem_pages: unsafe extern "C" fn(u32) -> i32,
        small_copies: unsafe extern "C" fn(u32, *mut u32) -> i32,
        mem_grow: unsafe extern "C" fn(u32, u32) -> i32,
        global_get: unsafe extern "C" fn(u32, u32, *mut u64) -> i32,
        global_set: unsafe extern "C" fn(u32, u32, *const u64) -> i32,
        global_access: unsafe extern "C" fn(u32, u32, u32, *mut u32) -> i32,
        table_size: unsafe extern "C" fn(u32) -> i32,
        table_get: unsafe extern "C" fn(u32, u32, *mut f64) -> i32,
        table_set: unsafe extern "C" fn(u32, u32, u32) -> i32,
        table_grow: unsafe extern "C" fn(u32, u32, u32) -> i32,
        module_new: unsafe extern "C" fn(*const u8, usize) -> i32,
        instantiate: unsafe extern "C" fn(u32, *const u32, *const i32, *mut u32) -> i32,
    }
    static DIRECT: ::std::sync::OnceLock<Direct> = ::std::sync::OnceLock::new();
    /// How many operations there are: the length [`set_direct`] expects.
    pub const OPERATIONS: usize = 18usize;
    /// Makes every call take the function-table entries: `indices`
    /// holds one per operation, in declaration order (what the JS
    /// `register` returned). Returns `false`, changing nothing, if
    /// the count is wrong or an index is 0.
    ///
    /// # Safety
    /// Each index must be a function-table entry with its operation's
    /// signature.
    pub unsafe fn set_direct(indices: &[usize]) -> bool {
        if indices.len() != OPERATIONS || indices.contains(&0) {
            return false;
        }
        let direct = unsafe {
            Direct {
                ping: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(i32) -> i32,
                >(indices[0usize]),
                free: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32) -> (),
                >(indices[1usize]),
                retain: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32) -> i32,
                >(indices[2usize]),
                call: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, *const u64, *mut u64) -> i32,
                >(indices[3usize]),
                mem_read: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, usize, usize, *mut u8) -> i32,
                >(indices[4usize]),
                mem_write: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, usize, usize, *const u8) -> i32,
                >(indices[5usize]),
                mem_pages: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32) -> i32,
                >(indices[6usize]),
                small_copies: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, *mut u32) -> i32,
                >(indices[7usize]),
                mem_grow: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32) -> i32,
                >(indices[8usize]),
                global_get: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, *mut u64) -> i32,
                >(indices[9usize]),
                global_set: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, *const u64) -> i32,
                >(indices[10usize]),
                global_access: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, u32, *mut u32) -> i32,
                >(indices[11usize]),
                table_size: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32) -> i32,
                >(indices[12usize]),
                table_get: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, *mut f64) -> i32,
                >(indices[13usize]),
                table_set: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, u32) -> i32,
                >(indices[14usize]),
                table_grow: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, u32, u32) -> i32,
                >(indices[15usize]),
                module_new: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(*const u8, usize) -> i32,
                >(indices[16usize]),
                instantiate: ::core::mem::transmute::<
                    usize,
                    unsafe extern "C" fn(u32, *const u32, *const i32, *mut u32) -> i32,
                >(indices[17usize]),
            }
        };
        let _ = DIRECT.set(direct);
        true
    }
    /** WebIDL: `long ping(long x);`

 A body that throws has its error kept and returns zero.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn ping(x: i32) -> i32 {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => unsafe { (direct.ping)(x) }
            ::core::option::Option::None => unsafe { imports::rtl2_ping(x) }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 0;
        raw
    }
    /** WebIDL: `undefined free(unsigned long handle);`

 A body that throws has its error kept and returns zero.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn free(handle: u32) -> () {
        #[cfg(target_os = "emscripten")]
        let raw: () = match DIRECT.get() {
            ::core::option::Option::Some(direct) => unsafe { (direct.free)(handle) }
            ::core::option::Option::None => unsafe { imports::rtl2_free(handle) }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: () = ();
        raw
    }
    /** WebIDL: `long retain(unsigned long handle);`

 A body that throws has its error kept and returns zero.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn retain(handle: u32) -> i32 {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => unsafe { (direct.retain)(handle) }
            ::core::option::Option::None => unsafe { imports::rtl2_retain(handle) }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 0;
        raw
    }
    /** WebIDL: `undefined call(unsigned long func, unsigned long sig, [In=u64] unsigned long args, [Out=u64] unsigned long results);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn call(
        func: u32,
        sig: u32,
        args: *const u64,
        results: *mut u64,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.call)(func, sig, args, results) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_call(func, sig, args, results) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `undefined memRead(unsigned long memory, [Size] unsigned long offset, [Size] unsigned long len, [Out=u8] unsigned long dst);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn mem_read(
        memory: u32,
        offset: usize,
        len: usize,
        dst: *mut u8,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.mem_read)(memory, offset, len, dst) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_mem_read(memory, offset, len, dst) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `undefined memWrite(unsigned long memory, [Size] unsigned long offset, [Size] unsigned long len, [In=u8] unsigned long src);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn mem_write(
        memory: u32,
        offset: usize,
        len: usize,
        src: *const u8,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.mem_write)(memory, offset, len, src) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_mem_write(memory, offset, len, src) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `long memPages(unsigned long memory);`

 `Err(Failed)` when the body threw (the JS side returned -1).*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn mem_pages(memory: u32) -> ::core::result::Result<u32, Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => unsafe { (direct.mem_pages)(memory) }
            ::core::option::Option::None => unsafe { imports::rtl2_mem_pages(memory) }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = -1;
        u32::try_from(raw).map_err(|_| Failed)
    }
    /** WebIDL: `undefined smallCopies(unsigned long memory, [Out=u32] unsigned long out);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn small_copies(
        memory: u32,
        out: *mut u32,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.small_copies)(memory, out) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_small_copies(memory, out) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `long memGrow(unsigned long memory, unsigned long delta);`

 `Err(Failed)` when the body threw (the JS side returned -1).*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn mem_grow(
        memory: u32,
        delta: u32,
    ) -> ::core::result::Result<u32, Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.mem_grow)(memory, delta) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_mem_grow(memory, delta) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = -1;
        u32::try_from(raw).map_err(|_| Failed)
    }
    /** WebIDL: `undefined globalGet(unsigned long global, unsigned long code, [Out=u64] unsigned long out);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn global_get(
        global: u32,
        code: u32,
        out: *mut u64,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.global_get)(global, code, out) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_global_get(global, code, out) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `undefined globalSet(unsigned long global, unsigned long code, [In=u64] unsigned long value);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn global_set(
        global: u32,
        code: u32,
        value: *const u64,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.global_set)(global, code, value) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_global_set(global, code, value) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `undefined globalAccess(unsigned long global, unsigned long code, unsigned long mutable, [Out=u32] unsigned long out);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn global_access(
        global: u32,
        code: u32,
        mutable: u32,
        out: *mut u32,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.global_access)(global, code, mutable, out) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_global_access(global, code, mutable, out) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `long tableSize(unsigned long table);`

 `Err(Failed)` when the body threw (the JS side returned -1).*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn table_size(table: u32) -> ::core::result::Result<u32, Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => unsafe { (direct.table_size)(table) }
            ::core::option::Option::None => unsafe { imports::rtl2_table_size(table) }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = -1;
        u32::try_from(raw).map_err(|_| Failed)
    }
    /** WebIDL: `undefined tableGet(unsigned long table, unsigned long index, [Out=f64] unsigned long out);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn table_get(
        table: u32,
        index: u32,
        out: *mut f64,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.table_get)(table, index, out) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_table_get(table, index, out) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `undefined tableSet(unsigned long table, unsigned long index, unsigned long value);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn table_set(
        table: u32,
        index: u32,
        value: u32,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.table_set)(table, index, value) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_table_set(table, index, value) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
    /** WebIDL: `long tableGrow(unsigned long table, unsigned long delta, unsigned long init);`

 `Err(Failed)` when the body threw (the JS side returned -1).*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn table_grow(
        table: u32,
        delta: u32,
        init: u32,
    ) -> ::core::result::Result<u32, Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.table_grow)(table, delta, init) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_table_grow(table, delta, init) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = -1;
        u32::try_from(raw).map_err(|_| Failed)
    }
    /** WebIDL: `long moduleNew([In=u8] unsigned long bytes, [Size] unsigned long len);`

 `Err(Failed)` when the body threw (the JS side returned -1).*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn module_new(
        bytes: *const u8,
        len: usize,
    ) -> ::core::result::Result<u32, Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.module_new)(bytes, len) }
            }
            ::core::option::Option::None => {
                unsafe { imports::rtl2_module_new(bytes, len) }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = -1;
        u32::try_from(raw).map_err(|_| Failed)
    }
    /** WebIDL: `undefined instantiate(unsigned long module, [In=u32] unsigned long imports, [In=i32] unsigned long exportSigs, [Out=u32] unsigned long exports);`

 `Err(Failed)` when the body threw.*/
    ///
    /// # Safety
    /// Handles must be live, and every pointer valid for what the JS body
    /// reads or writes there.
    #[allow(unused_variables, clippy::unused_unit)]
    pub unsafe fn instantiate(
        module: u32,
        imports: *const u32,
        export_sigs: *const i32,
        exports: *mut u32,
    ) -> ::core::result::Result<(), Failed> {
        #[cfg(target_os = "emscripten")]
        let raw: i32 = match DIRECT.get() {
            ::core::option::Option::Some(direct) => {
                unsafe { (direct.instantiate)(module, imports, export_sigs, exports) }
            }
            ::core::option::Option::None => {
                unsafe {
                    imports::rtl2_instantiate(module, imports, export_sigs, exports)
                }
            }
        };
        #[cfg(not(target_os = "emscripten"))]
        let raw: i32 = 1;
        if raw == 0 { Ok(()) } else { Err(Failed) }
    }
}
