//! The page's language: English, French or German, from the one catalogue
//! (`license-messages`: its `ui-…` entries for the customer's page, its
//! `support-…` entries for the support pages, its `console-…` entries for
//! the support console).
//!
//! The wasm carries English only. French and German are files the build
//! writes next to each bundle's page (`/lang-fr.txt`, `/console/lang-fr.txt`,
//! see `src/bin/prerender.rs`), fetched when the language is chosen, so the
//! English first load does not grow with them. [`LANGUAGE_SCRIPT`], inline in each page's `<head>`,
//! chooses before the first paint: the language the customer picked on the
//! page before (kept in `localStorage`), else the first of the browser's
//! languages we have. For French or German it sets `<html lang>` and hides
//! the English first view until the page runs in that language (a switch
//! without a flash); a style rule shows it anyway after three seconds, so a
//! page whose wasm does not arrive is never blank.

use leptos::prelude::*;
pub use license_codes::messages::domain::InDomain;
use license_codes::messages::Arg;
pub use license_codes::messages::{msg, Domain, Lang, MsgId, UI};

use crate::browser;

/// Chooses the language before the first paint (see the module's comment).
/// `lang` in `localStorage` is what [`choose`] saved.
pub const LANGUAGE_SCRIPT: &str = "try{var d=document.documentElement,l=localStorage.getItem('lang');\
if(!l)for(var t of navigator.languages||[]){t=t.split(/[-_]/)[0].toLowerCase();\
if(t=='en'||t=='fr'||t=='de'){l=t;break}}\
if(l=='fr'||l=='de'){d.lang=l;d.classList.add('l10n')}}catch(e){}";

/// The class [`LANGUAGE_SCRIPT`] puts on `<html>` while the page waits for its language.
const WAITING: &str = "l10n";

thread_local! {
    static CURRENT: ArcRwSignal<Lang> = ArcRwSignal::new(Lang::En);
    /// The page's text, from [`start`].
    static PAGE: std::cell::Cell<Texts> = const { std::cell::Cell::new(Texts { domain: UI, title: "ui-code-title", files: "/" }) };
}

/// The page's language; read in a reactive closure, the closure follows it.
pub fn lang() -> Lang {
    CURRENT.with(|current| current.get())
}

/// Sets the page's language: everything showing text follows.
pub fn set(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The one way the pages get their words: message `id` (from [`msg!`],
/// checked when built) in the page's language, with its placeholders
/// filled in. Read in a reactive closure, the closure follows the language.
pub fn text<D: InDomain>(id: MsgId<D>, args: &[(&str, Arg<'_>)]) -> String {
    id.text(lang(), args)
}

/// [`text`] without arguments, as a view or attribute value that follows
/// the language.
pub fn tr<D: InDomain>(id: MsgId<D>) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || text(id, &[])
}

/// The date of an RFC 3339 timestamp (or a plain `2026-11-24`) as the
/// language writes it (`24 November 2026`, `24 novembre 2026`,
/// `24. November 2026`); as `2026-11-24` outside a browser.
pub fn date(timestamp: &str) -> String {
    let day = timestamp.split('T').next().unwrap_or(timestamp);
    if browser::present() {
        let options = js_sys::Object::new();
        for (name, value) in [("year", "numeric"), ("month", "long"), ("day", "numeric"), ("timeZone", "UTC")] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let parsed = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(day));
        if !parsed.get_time().is_nan() {
            return parsed.to_locale_date_string(locale(), &options).into();
        }
    }
    day.to_string()
}

/// A `YYYY-MM-DD` day as a chart's axis writes it, short (`1 Dec`,
/// `1 déc.`, `1. Dez.`); as it is outside a browser.
pub fn day_month(day: &str) -> String {
    if browser::present() {
        let options = js_sys::Object::new();
        for (name, value) in [("month", "short"), ("day", "numeric"), ("timeZone", "UTC")] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let parsed = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(day));
        if !parsed.get_time().is_nan() {
            return parsed.to_locale_date_string(locale(), &options).into();
        }
    }
    day.to_string()
}

/// Where a page's words are.
#[derive(Clone, Copy)]
pub struct Texts {
    /// The domain of the page's own words (its title, its header's `data-l10n`).
    domain: Domain,
    /// The title's entry.
    title: &'static str,
    /// The folder of the build's language files (`/`, `/console/`).
    files: &'static str,
}

impl Texts {
    /// A page titled `title` whose language files are in the folder `files`.
    pub fn new<D: InDomain>(title: MsgId<D>, files: &'static str) -> Texts {
        Texts { domain: D::DOMAIN, title: title.id(), files }
    }
}

/// A timestamp's date and time in the browser's time zone, as the page's
/// language writes them (`24 Nov 2026, 09:12`, `24 nov. 2026, 09:12`,
/// `24.11.2026, 09:12`); as it is outside a browser.
pub fn date_time(rfc3339: &str) -> String {
    if browser::present() {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
        if !date.get_time().is_nan() {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            return date.to_locale_string(locale(), &options).into();
        }
    }
    rfc3339.to_string()
}

/// The locale `Intl` formats in: British English, as the pages spell it.
fn locale() -> &'static str {
    if lang() == Lang::En {
        "en-GB"
    } else {
        lang().tag()
    }
}

/// Sets the language [`LANGUAGE_SCRIPT`] chose, then calls `mount`: at
/// once for English, once its text is fetched for another (English when it
/// cannot be), and shows the document in it (see [`show_document_in`]).
pub fn start(texts: Texts, mount: impl FnOnce() + 'static) {
    PAGE.with(|page| page.set(texts));
    let chosen = document().document_element().and_then(|html| html.get_attribute("lang"));
    let chosen = chosen.as_deref().and_then(from_tag).unwrap_or_default();
    if chosen == Lang::En {
        return mount();
    }
    // Not Leptos's spawner: it starts with the first mount.
    wasm_bindgen_futures::spawn_local(async move {
        if load(chosen).await {
            set(chosen);
        }
        mount();
        show_document_in(lang());
    });
}

/// [`choose`] the language of `tag` (`fr`), if it is one of ours.
pub fn choose_tag(tag: &str) {
    if let Some(lang) = from_tag(tag) {
        choose(lang);
    }
}

/// Switches the page to `lang`, fetching its text first, and remembers the
/// choice for the customer's next visit.
pub fn choose(lang: Lang) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item("lang", lang.tag());
    }
    wasm_bindgen_futures::spawn_local(async move {
        if load(lang).await {
            set(lang);
            show_document_in(lang);
        }
    });
}

/// The language of a tag as [`LANGUAGE_SCRIPT`] and the switch write it
/// (`fr`); less code than `Lang::from_tag`, which reads any locale name.
fn from_tag(tag: &str) -> Option<Lang> {
    Lang::ALL.iter().copied().find(|l| l.tag() == tag)
}

/// Makes `lang`'s text available: compiled in (English) or fetched and
/// installed. Boxed, so its body is one function however many places
/// await it (inlined into each, it cost the page 2 KB).
fn load(lang: Lang) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>> {
    Box::pin(fetch_language(lang))
}

async fn fetch_language(lang: Lang) -> bool {
    if license_codes::messages::available(lang) {
        return true;
    }
    let path = format!("{}lang-{}.txt", PAGE.with(|page| page.get().files), lang.tag());
    let Ok(response) = gloo_net::http::Request::get(&path).send().await else { return false };
    if !response.ok() {
        return false;
    }
    let Ok(text) = response.text().await else { return false };
    license_codes::messages::install(lang, &text).is_ok()
}

/// The page's language switch.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    view! {
        <label class="language">
            {tr(msg!("ui-language"))}" "
            <select on:change=move |ev| choose_tag(&event_target_value(&ev))>
                {Lang::ALL
                    .iter()
                    .map(|&l| view! { <option value=l.tag() lang=l.tag() prop:selected=move || lang() == l>{l.name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// What the running page's components do not show: `<html lang>`, the
/// title, and the static header the build painted (its elements name their
/// entry of the page's domain in `data-l10n`), in `lang`; and the page
/// shown if it waited for its language.
fn show_document_in(lang: Lang) {
    let Texts { domain, title, .. } = PAGE.with(std::cell::Cell::get);
    let document = document();
    document.set_title(&domain.text(lang, title, None, &[]));
    if let Ok(elements) = document.query_selector_all("[data-l10n]") {
        for element in (0..elements.length()).filter_map(|i| elements.get(i)) {
            let element: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(element);
            if let Some(key) = element.get_attribute("data-l10n") {
                element.set_text_content(Some(&domain.text(lang, &key, None, &[])));
            }
        }
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.class_list().remove_1(WAITING);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_follows_the_language() {
        // French is compiled in natively (the build's prerender step exports it).
        set(Lang::Fr);
        assert_eq!(text(msg!("ui-submit"), &[]), "Soumettre le code");
        set(Lang::En);
        assert_eq!(tr(msg!("ui-submit"))(), "Submit code");
        assert_eq!(date("2026-11-24T10:00:00Z"), "2026-11-24");
    }
}
