//! Objects Rust holds, found by their fast-path handle without keeping them
//! alive: JS tells Rust that a value it reads is one Rust already owns (by its
//! handle), and Rust answers with the object it has instead of a new one.

use std::sync::{Arc, Weak};

/// Weak references by handle (handles are small, dense and reused, so a
/// vector indexed by handle).
pub(crate) struct ByHandle<T> {
    slots: Vec<Weak<T>>,
}

impl<T> ByHandle<T> {
    /// An empty map.
    pub(crate) const fn new() -> Self {
        Self { slots: Vec::new() }
    }

    /// Records `value` as the object of `handle` (replacing any other).
    pub(crate) fn insert(&mut self, handle: u32, value: &Arc<T>) {
        let index = handle as usize;
        if index >= self.slots.len() {
            self.slots.resize_with(index + 1, Weak::new);
        }
        self.slots[index] = Arc::downgrade(value);
    }

    /// The live object of `handle`, if one was recorded.
    pub(crate) fn get(&self, handle: u32) -> Option<Arc<T>> {
        self.slots.get(handle as usize).and_then(Weak::upgrade)
    }

    /// Forgets the object of `handle` if it is `value` (an object being
    /// dropped; another may have replaced it meanwhile).
    pub(crate) fn remove(&mut self, handle: u32, value: *const T) {
        if let Some(slot) = self.slots.get_mut(handle as usize)
            && std::ptr::eq(slot.as_ptr(), value)
        {
            *slot = Weak::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ByHandle;
    use std::sync::Arc;

    #[test]
    fn finds_live_objects_only() {
        let mut map = ByHandle::new();
        let a = Arc::new(1);
        map.insert(3, &a);
        assert_eq!(map.get(3).as_deref(), Some(&1));
        assert!(map.get(2).is_none() && map.get(99).is_none());
        drop(a);
        assert!(map.get(3).is_none(), "a dropped object is not found");
    }

    #[test]
    fn removes_only_the_object_it_is_asked_to() {
        let mut map = ByHandle::new();
        let (a, b) = (Arc::new(1), Arc::new(2));
        map.insert(0, &a);
        map.insert(0, &b);
        map.remove(0, Arc::as_ptr(&a));
        assert_eq!(map.get(0).as_deref(), Some(&2), "a replaced object's removal leaves its successor");
        map.remove(0, Arc::as_ptr(&b));
        assert!(map.get(0).is_none());
    }
}
