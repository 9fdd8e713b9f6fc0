//! The HTML of a page's first view, rendered natively from the same
//! components the browser runs (`license_portal::first_view` explains the
//! hand-over to the running page).

use leptos::prelude::*;
use license_portal::components::code_page::{CodePage, CodePageHeader};
use license_portal::components::decode_page::{DecodePage, DecodePageHeader};
use license_portal::first_view::CONTAINER_ID;
use license_portal::Page;

/// The HTML of `page`'s first view (its `<main>`), rendered natively from the same
/// components the browser runs.
pub fn first_view(page: Page) -> String {
    // The pages start their requests (keys, products) as they are built; a
    // build has no browser to send them, so they are dropped unsent.
    struct Unsent;
    impl any_spawner::CustomExecutor for Unsent {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    let _ = any_spawner::Executor::init_custom_executor(Unsent);
    let owner = Owner::new();
    // Read once, as a snapshot: nothing here reacts to later changes.
    let (header, body) = owner.with(|| {
        untrack(|| match page {
            Page::Code => (view! { <CodePageHeader/> }.to_html(), view! { <CodePage/> }.to_html()),
            Page::Decode => (view! { <DecodePageHeader/> }.to_html(), view! { <DecodePage/> }.to_html()),
            Page::NotFound => (String::new(), String::new()),
        })
    });
    let class = match page.main_class() {
        "" => String::new(),
        class => format!(" class=\"{class}\""),
    };
    format!("<main{class}>{header}<div id=\"{CONTAINER_ID}\">{body}</div></main>")
}
