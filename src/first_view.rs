//! The page's first view, painted from the HTML before any wasm arrives.
//!
//! At build time, `src/bin/prerender.rs` renders each page's component
//! natively ([`render`]) into `<div id="first-view">` of its HTML file: the
//! heading, the explanation and the labelled code field, styled, with the
//! same markup the running page makes. The customer can read it and start
//! typing at once. When the wasm starts, the running page is mounted beside
//! it and [`FirstView::hand_over`] removes the static copy in the same task
//! (the browser paints once, so nothing flashes or jumps) after carrying over
//! what was typed into its fields and where the caret was.

/// The element the prerendered view is written into.
pub const CONTAINER_ID: &str = "first-view";

/// What the customer did in the static first view before the wasm ran.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Default)]
pub struct FirstView {
    /// `(element id, text)` of each field that has text.
    typed: Vec<(String, String)>,
    /// The focused field and its selection.
    focus: Option<(String, u32, u32)>,
}

#[cfg(target_arch = "wasm32")]
impl FirstView {
    /// Reads the static view's fields (none when the page has no first view).
    pub fn take() -> FirstView {
        use wasm_bindgen::JsCast;
        let document = leptos::prelude::document();
        let Some(container) = document.get_element_by_id(CONTAINER_ID) else {
            return FirstView::default();
        };
        let mut view = FirstView::default();
        let Ok(fields) = container.query_selector_all("textarea") else {
            return view;
        };
        let active = document.active_element();
        for i in 0..fields.length() {
            let Some(field) = fields.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else {
                continue;
            };
            let (id, text) = (field.id(), field.value());
            if active.as_ref().is_some_and(|a| a == field.unchecked_ref::<web_sys::Element>()) {
                let start = field.selection_start().ok().flatten().unwrap_or(0);
                let end = field.selection_end().ok().flatten().unwrap_or(start);
                view.focus = Some((id.clone(), start, end));
            }
            if !text.is_empty() {
                view.typed.push((id, text));
            }
        }
        view
    }

    /// Call right after mounting the running page: removes the static view
    /// and gives its text, focus and caret to the running page's fields of
    /// the same ids (an `input` event, so the page checks the text as if it
    /// had been typed there).
    pub fn hand_over(self) {
        use wasm_bindgen::JsCast;
        let document = leptos::prelude::document();
        if let Some(container) = document.get_element_by_id(CONTAINER_ID) {
            container.remove();
        }
        let field =
            |id: &str| document.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        for (id, text) in self.typed {
            if let Some(field) = field(&id) {
                field.set_value(&text);
                if let Ok(event) = web_sys::Event::new("input") {
                    let _ = field.dispatch_event(&event);
                }
            }
        }
        if let Some((id, start, end)) = self.focus {
            if let Some(field) = field(&id) {
                let _ = field.focus();
                let _ = field.set_selection_range(start, end);
            }
        }
    }
}

/// The HTML of `page`'s first view, rendered natively from the same
/// components the browser runs.
#[cfg(not(target_arch = "wasm32"))]
pub fn render(page: crate::Page) -> String {
    use leptos::prelude::*;

    use crate::components::code_page::CodePage;
    use crate::components::decode_page::DecodePage;
    use crate::Page;

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
    owner.with(|| {
        untrack(|| match page {
            Page::Code => view! { <CodePage/> }.to_html(),
            Page::Decode => view! { <DecodePage/> }.to_html(),
            Page::NotFound => String::new(),
        })
    })
}
