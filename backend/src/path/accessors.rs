//! Accessors on the fast path: Wasm functions JS made for one guest memory or
//! global (`src/js/accessors.js`) and put in the shared function table, which
//! Rust calls through function pointers, with no JS frame in between.
//! - [`SmallCopies`]: a copy of at most [`MAX`] bytes between a guest memory
//!   and Rust memory is one call (a load or a store), after a bounds check
//!   against the memory's size as last seen (a memory never shrinks; a copy
//!   past it asks for the size again).
//! - [`GlobalAccess`]: a numeric global's value, read or written, is one call.

use super::portable::out_of_bounds;
use crate::boundary::fast_abi;
use crate::error::JsError;
use anyhow::Result;
use std::sync::atomic::{AtomicU32, Ordering};

/// The most bytes one small copy moves (one i64).
pub(crate) const MAX: usize = 8;

/// The function at `index` of the shared function table, as a pointer of type `F`.
///
/// # Safety
/// `F` must be an `unsafe extern "C" fn` type of exactly the Wasm type of the
/// function at `index`, which must stay in the table while the pointer is
/// used: JS keeps an accessor there until its value's handle is freed, which
/// the `JsRef` held beside the accessor prevents.
unsafe fn function<F: Copy>(index: u32) -> F {
    // On wasm32 a function pointer is its index in the shared function table.
    // Checked at compile time (a `const` block): it cannot fire at run time,
    // whatever the input; a wrong `F` fails the build instead.
    const { assert!(size_of::<F>() == size_of::<usize>(), "an accessor is a function pointer") };
    // SAFETY: see the function's contract (`F` is a function pointer, the size of a `usize`).
    unsafe { std::mem::transmute_copy::<usize, F>(&(index as usize)) }
}

type Load = unsafe extern "C" fn(u32, u32) -> u64;
type Store = unsafe extern "C" fn(u32, u32, u64);
type Pages = unsafe extern "C" fn() -> u32;

/// The small-copy functions of one guest memory.
#[derive(Debug)]
pub(crate) struct SmallCopies {
    load: Load,
    store: Store,
    pages: Pages,
    /// The memory's size in pages when last asked; it only ever grows.
    known_pages: AtomicU32,
}

impl Clone for SmallCopies {
    fn clone(&self) -> Self {
        Self { known_pages: AtomicU32::new(self.known_pages.load(Ordering::Relaxed)), ..*self }
    }
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
        let [load, store, pages] = indices;
        // SAFETY: JS put functions of these types at these indices (`memory` in accessors.js).
        unsafe { Some(Self { load: function(load), store: function(store), pages: function(pages), known_pages: AtomicU32::new(0) }) }
    }

    /// Checks `offset..offset + len` against the memory's size, so that the
    /// load or store never traps (a trap must not unwind through Rust): the
    /// size last seen answers when the range fits in it (memories never
    /// shrink), else the memory is asked for its size now.
    fn check(&self, offset: usize, len: usize) -> Result<(u32, u32)> {
        let fits = |pages: u32| (offset as u64).checked_add(len as u64).is_some_and(|end| end <= u64::from(pages) * 65536);
        if len <= MAX && fits(self.known_pages.load(Ordering::Relaxed)) {
            return Ok((offset as u32, len as u32));
        }
        // SAFETY: see `of`.
        let pages = unsafe { (self.pages)() };
        self.known_pages.store(pages, Ordering::Relaxed);
        if len <= MAX && fits(pages) {
            return Ok((offset as u32, len as u32));
        }
        let cause = JsError { name: "RangeError".into(), message: "out of bounds memory access".into() };
        Err(out_of_bounds(offset, len, cause.into()))
    }

    /// Copies `buffer.len()` (at most [`MAX`]) bytes at `offset` out of the memory.
    pub(crate) fn read(&self, offset: usize, buffer: &mut [u8]) -> Result<()> {
        let (at, len) = self.check(offset, buffer.len())?;
        // SAFETY: in bounds (checked just before; nothing ran in between).
        let value = unsafe { (self.load)(at, len) };
        if let Ok(word) = <&mut [u8; 8]>::try_from(&mut *buffer) {
            *word = value.to_le_bytes();
            return Ok(());
        }
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
        let value = match <[u8; 8]>::try_from(buffer) {
            Ok(word) => u64::from_le_bytes(word),
            // Byte by byte, as in `read`.
            Err(_) => buffer.iter().rev().fold(0u64, |value, byte| (value << 8) | u64::from(*byte)),
        };
        // SAFETY: in bounds (checked just before; nothing ran in between).
        unsafe { (self.store)(at, len, value) };
        Ok(())
    }
}

type Get = unsafe extern "C" fn() -> u64;
type Set = unsafe extern "C" fn(u64);

/// The accessors of one numeric global: its value as a slot (the bits in
/// the low bytes, as `value::to_slot` makes them).
#[derive(Clone, Copy, Debug)]
pub(crate) struct GlobalAccess {
    get: Get,
    set: Option<Set>,
}

impl GlobalAccess {
    /// The accessors of the global of fast-path handle `handle`, of type
    /// `code` (`type_code::numeric_index`) and mutability `mutable`, made by
    /// JS once per handle; `None` when JS could not make them.
    pub(crate) fn of(handle: u32, code: u32, mutable: bool) -> Option<Self> {
        let mut indices = [0u32; 2];
        // SAFETY: `handle` is live; JS writes two u32 at `indices`.
        unsafe { fast_abi::global_access(handle, code, u32::from(mutable), indices.as_mut_ptr()) }.ok()?;
        let [get, set] = indices;
        if get == 0 || (mutable && set == 0) {
            return None;
        }
        // SAFETY: JS put functions of these types at these indices (`global` in accessors.js).
        unsafe { Some(Self { get: function(get), set: mutable.then(|| function(set)) }) }
    }

    /// The global's value as a slot.
    pub(crate) fn get(&self) -> u64 {
        // SAFETY: see `of`; a `global.get` never traps.
        unsafe { (self.get)() }
    }

    /// Sets the global from a slot; `false` if it is immutable.
    pub(crate) fn set(&self, slot: u64) -> bool {
        let Some(set) = self.set else { return false };
        // SAFETY: see `of`; a `global.set` never traps.
        unsafe { set(slot) };
        true
    }
}
