//! Routes: the customer's page at `/` and `/code.html`, the support page at `/decode`.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::code_page::CodePage;
use crate::components::decode_page::DecodePage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=CodePage/>
                <Route path=path!("/code.html") view=CodePage/>
                <Route path=path!("/decode") view=DecodePage/>
            </Routes>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <main>
            <h1>"Page not found"</h1>
            <p><a href="/code.html">"Enter a request code"</a></p>
        </main>
    }
}
