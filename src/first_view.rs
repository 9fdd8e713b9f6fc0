//! The page's first view, painted from the HTML before any wasm arrives.
//!
//! At build time, `crates/license-prerender` renders each page's components
//! natively into its HTML file: `<main>` with the page's header
//! (heading and explanation) and, in `<div id="first-view">`, the rest of the
//! page's first view (the labelled code field and its buttons), styled, with
//! the same markup the running page makes. The customer can read it and
//! start typing at once. When the wasm starts, [`FirstView::mount`] mounts
//! the running page into that `<main>` beside the static copy and removes
//! the copy in the same task (the browser paints once, so nothing flashes or
//! jumps) after carrying over what was typed into its fields and where the
//! caret was, any file chosen with its file button, and a language chosen
//! in its language switch. The header is static and stays: the largest text
//! the browser painted first is still the one on screen, so the page's
//! largest paint is the first view's, not the running page's.

/// The element the prerendered view is written into.
pub const CONTAINER_ID: &str = "first-view";

/// What the customer did in the static first view before the wasm ran.
#[derive(Debug, Default)]
pub struct FirstView {
    /// `(element id, text)` of each field that has text.
    typed: Vec<(String, String)>,
    /// The focused field and its selection.
    focus: Option<(String, u32, u32)>,
    /// The static view's file buttons, in order.
    file_buttons: Vec<web_sys::HtmlInputElement>,
    /// A language chosen in the static view's language switch (it shows
    /// English, its first option, until one is chosen).
    language: Option<String>,
}

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
        view.language = container
            .query_selector("select")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .filter(|chosen| chosen != license_web::i18n::Lang::En.tag());
        if let Ok(buttons) = container.query_selector_all("input[type=file]") {
            view.file_buttons = (0..buttons.length())
                .filter_map(|i| buttons.get(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
                .collect();
        }
        view
    }

    /// Mounts the running page's `body` into the prerendered `<main>` (with
    /// `header` too when the HTML has no first view, as in a build without
    /// the prerender step), then hands over.
    pub fn mount<H, B>(
        self,
        page: crate::Page,
        header: impl FnOnce() -> H + 'static,
        body: impl FnOnce() -> B + 'static,
    ) where
        H: leptos::IntoView + 'static,
        B: leptos::IntoView + 'static,
    {
        use wasm_bindgen::JsCast;
        let document = leptos::prelude::document();
        let main = match document.query_selector("main").ok().flatten() {
            Some(main) => main,
            None => {
                let main = document.create_element("main").expect("a document can create <main>");
                main.set_class_name(page.main_class());
                if let Some(body) = document.body() {
                    let _ = body.append_child(&main);
                }
                leptos::mount::mount_to(main.clone().unchecked_into(), header).forget();
                main
            }
        };
        leptos::mount::mount_to(main.unchecked_into(), body).forget();
        self.hand_over();
    }

    /// Call right after mounting the running page: removes the static view
    /// and gives its text, focus and caret to the running page's fields of
    /// the same ids (an `input` event, so the page checks the text as if it
    /// had been typed there).
    fn hand_over(self) {
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
        // A file chosen with a static file button is read by the running
        // page's button in the same place, as if chosen there: one chosen
        // already, and one from a file picker still open (a phone's takes
        // seconds), whose choice arrives on the removed button.
        let buttons = document.query_selector_all("main input[type=file]").ok();
        for (i, static_button) in (0u32..).zip(self.file_buttons) {
            let Some(button) = buttons.as_ref().and_then(|b| b.get(i)).and_then(|n| n.dyn_into().ok()) else {
                continue;
            };
            let forward = move |from: &web_sys::HtmlInputElement, to: &web_sys::HtmlInputElement| {
                if let Some(files) = from.files().filter(|f| f.length() > 0) {
                    to.set_files(Some(&files));
                    if let Ok(event) = web_sys::Event::new("change") {
                        let _ = to.dispatch_event(&event);
                    }
                }
            };
            forward(&static_button, &button);
            let from = static_button.clone();
            let later = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || forward(&from, &button));
            let _ = static_button.add_event_listener_with_callback("change", later.as_ref().unchecked_ref());
            // Lives as long as the removed button, which nothing else holds.
            later.forget();
        }
        if let Some(tag) = self.language {
            license_web::i18n::choose_tag(&tag);
        }
        if let Some((id, start, end)) = self.focus {
            if let Some(field) = field(&id) {
                let _ = field.focus();
                let _ = field.set_selection_range(start, end);
            }
        }
    }
}
