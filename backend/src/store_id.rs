//! Store identity: every object remembers the store that made it.

use std::sync::atomic::{AtomicU64, Ordering};

/// Identifies one store; objects remember the store that made them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StoreId(u64);

impl StoreId {
    /// An id no store had before.
    pub(crate) fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Self(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}
