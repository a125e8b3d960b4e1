//! The Wasm call in progress on this thread: the store its host functions
//! run in, and the error a host function parked for the call to return.
//!
//! Both live in one thread-local, so starting a call (making its store
//! current and dropping any stale parked error) is one access, and ending
//! it another.

use crate::store::StoreInner;
use crate::store_id::StoreId;
use std::any::TypeId;
use std::cell::Cell;

/// The store a Wasm call is running in, for host functions to reach.
#[derive(Clone, Copy)]
struct Current {
    store: *mut (),
    data_type: TypeId,
    id: StoreId,
}

/// The thread's call state.
struct CallState {
    /// The store of the innermost Wasm call, if one is running.
    current: Cell<Option<Current>>,
    /// The error of the host function that failed last, waiting to be
    /// returned by the `Func::call` that its JS exception unwinds to.
    host_error: Cell<Option<anyhow::Error>>,
}

thread_local! {
    static CALL: CallState = const { CallState { current: Cell::new(None), host_error: Cell::new(None) } };
}

/// Keeps a call's store current until it drops (calls nest).
pub(crate) struct Entered {
    previous: Option<Current>,
}

impl Drop for Entered {
    fn drop(&mut self) {
        let _ = CALL.try_with(|call| call.current.set(self.previous));
    }
}

/// Starts a call in `store`: makes it the store that host functions called
/// from JS run in, and drops any parked host error left from an earlier call.
pub(crate) fn enter<T: 'static>(store: &mut StoreInner<T>) -> Entered {
    let current = Current {
        store: (store as *mut StoreInner<T>).cast(),
        data_type: TypeId::of::<T>(),
        id: store.id,
    };
    let previous = CALL
        .try_with(|call| {
            drop(call.host_error.take());
            call.current.replace(Some(current))
        })
        .ok()
        .flatten();
    Entered { previous }
}

/// The current store, if it is `owner` and holds data of type `T`.
///
/// # Safety
/// The caller must not keep the reference beyond the host-function call that
/// asked for it; the store is borrowed by the `Func::call`/`Instance::new`
/// frame below, which does not touch it until JS returns.
pub(crate) unsafe fn current<'a, T: 'static>(owner: StoreId) -> anyhow::Result<&'a mut StoreInner<T>> {
    let Some(current) = CALL.try_with(|call| call.current.get()).ok().flatten() else {
        anyhow::bail!("host function called from JS outside of any Wasm call of its store");
    };
    if current.data_type != TypeId::of::<T>() {
        anyhow::bail!("host function called with a store whose data has another type");
    }
    if current.id != owner {
        anyhow::bail!("host function called from a store it does not belong to");
    }
    // SAFETY: see the function's contract; type and identity were checked above.
    Ok(unsafe { &mut *current.store.cast::<StoreInner<T>>() })
}

/// Parks a host function's error until the enclosing call returns it.
pub(crate) fn park_host_error(err: anyhow::Error) {
    let _ = CALL.try_with(|call| call.host_error.set(Some(err)));
}

/// Takes the parked host error, if any.
pub(crate) fn take_host_error() -> Option<anyhow::Error> {
    CALL.try_with(|call| call.host_error.take()).ok().flatten()
}
