//! A request to the licence server whose result the page shows: a future run
//! in the browser's event loop, its outcome and whether it is still running
//! kept in signals.
//!
//! Leptos's `LocalResource` and `Action` do the same, but bring the
//! async-derived and transition machinery (suspense, refetch on dependency
//! change) that these pages do not use: 14 KB of the 156 KB gzip that every phone
//! would download. This is the part the pages need.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// The latest result of a future, `None` until the first one finishes.
pub struct Fetched<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
    pending: RwSignal<bool>,
    /// Counts starts, so an answer overtaken by a later start is dropped
    /// instead of replacing the newer one.
    started: StoredValue<u32>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

impl<T: Send + Sync + 'static> Default for Fetched<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Fetched<T> {
    /// Nothing fetched yet.
    pub fn new() -> Self {
        Fetched { value: RwSignal::new(None), pending: RwSignal::new(false), started: StoredValue::new(0) }
    }

    /// Starts `future` now and returns the handle that holds its result.
    pub fn start_with<F: Future<Output = T> + 'static>(future: F) -> Self {
        let fetched = Self::new();
        fetched.start(future);
        fetched
    }

    /// Runs `future`; when it finishes, its output becomes the value, unless
    /// `start` was called again meanwhile. The previous value stays readable
    /// until then.
    pub fn start<F: Future<Output = T> + 'static>(self, future: F) {
        let Some(run) = self.started.try_update_value(|n| {
            *n = n.wrapping_add(1);
            *n
        }) else {
            return;
        };
        self.pending.set(true);
        spawn_local(async move {
            let output = future.await;
            // The page may have gone, or a later start may own the result.
            if self.started.try_get_value() == Some(run) {
                self.value.set(Some(output));
                self.pending.set(false);
            }
        });
    }

    /// Forgets the output (what it was about is no longer asked).
    pub fn clear(&self) {
        self.value.set(None);
    }

    /// The latest output (tracked).
    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get()
    }

    /// The latest output, without tracking.
    pub fn get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get_untracked()
    }

    /// Whether a future is running (tracked).
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pending.read_only()
    }
}
