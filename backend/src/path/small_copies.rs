//! Small copies on the fast path: a copy of at most [`MAX`] bytes between a
//! guest memory and Rust memory is two direct Wasm calls (the memory's size,
//! then a load or a store) into functions JS made for that memory
//! (`src/js/small_copies.js`), with no JS frame and no typed-array view.

use super::portable::out_of_bounds;
use crate::boundary::fast_abi;
use crate::error::JsError;
use anyhow::Result;

/// The most bytes one small copy moves (one i64).
pub(crate) const MAX: usize = 8;

type Load = unsafe extern "C" fn(u32, u32) -> u64;
type Store = unsafe extern "C" fn(u32, u32, u64);
type Pages = unsafe extern "C" fn() -> u32;

/// The small-copy functions of one guest memory.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SmallCopies {
    load: Load,
    store: Store,
    pages: Pages,
}

impl SmallCopies {
    /// The functions of the memory of fast-path handle `handle`, made by JS
    /// once per handle; `None` when JS could not make them (a shared or
    /// 64-bit memory).
    pub(crate) fn of(handle: u32) -> Option<Self> {
        let mut indices = [0u32; 3];
        // SAFETY: `handle` is live; JS writes three u32 at `indices`.
        unsafe { fast_abi::small_copies(handle, indices.as_mut_ptr()) }.ok()?;
        if indices.contains(&0) {
            return None;
        }
        let [load, store, pages] = indices.map(|i| i as usize);
        // SAFETY: on wasm32 a function pointer is an index into the shared
        // function table, where JS put functions of exactly these types; they
        // stay there until the handle is freed, which the memory's `JsRef`
        // (held beside this) prevents.
        unsafe {
            Some(Self {
                load: std::mem::transmute::<usize, Load>(load),
                store: std::mem::transmute::<usize, Store>(store),
                pages: std::mem::transmute::<usize, Pages>(pages),
            })
        }
    }

    /// Checks `offset..offset + len` against the memory's size now, so that
    /// the load or store never traps (a trap must not unwind through Rust).
    fn check(&self, offset: usize, len: usize) -> Result<(u32, u32)> {
        // SAFETY: see `of`.
        let bytes = u64::from(unsafe { (self.pages)() }) * 65536;
        match (offset as u64).checked_add(len as u64) {
            Some(end) if end <= bytes && len <= MAX => Ok((offset as u32, len as u32)),
            _ => {
                let cause = JsError { name: "RangeError".into(), message: "out of bounds memory access".into() };
                Err(out_of_bounds(offset, len, cause.into()))
            }
        }
    }

    /// Copies `buffer.len()` (at most [`MAX`]) bytes at `offset` out of the memory.
    pub(crate) fn read(&self, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let (at, len) = self.check(offset, buffer.len())?;
        // SAFETY: in bounds (checked just before; nothing ran in between).
        let value = unsafe { (self.load)(at, len) };
        // Byte by byte: a slice copy of a run-time length is a `memory.copy`,
        // which engines run out of line (it would cost more than the load).
        for (i, byte) in buffer.iter_mut().enumerate() {
            *byte = (value >> (8 * i)) as u8;
        }
        Ok(())
    }

    /// Copies `buffer` (at most [`MAX`] bytes) into the memory at `offset`.
    pub(crate) fn write(&self, offset: usize, buffer: &[u8]) -> Result<()> {
        let (at, len) = self.check(offset, buffer.len())?;
        // Byte by byte, as in `read`.
        let value = buffer.iter().rev().fold(0u64, |value, byte| (value << 8) | u64::from(*byte));
        // SAFETY: in bounds (checked just before; nothing ran in between).
        unsafe { (self.store)(at, len, value) };
        Ok(())
    }
}
