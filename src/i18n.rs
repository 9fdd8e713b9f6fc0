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
use license_codes::messages::Arg;
pub use license_codes::messages::Lang;
pub use license_codes::messages::{Domain, CONSOLE, SUPPORT, UI};

/// Chooses the language before the first paint (see the module's comment).
/// `lang` in `localStorage` is what [`choose`] saved.
pub const LANGUAGE_SCRIPT: &str = "try{var d=document.documentElement,l=localStorage.getItem('lang');\
if(!l)for(var t of navigator.languages||[]){t=t.split(/[-_]/)[0].toLowerCase();\
if(t=='en'||t=='fr'||t=='de'){l=t;break}}\
if(l=='fr'||l=='de'){d.lang=l;d.classList.add('l10n')}}catch(e){}";

/// The class [`LANGUAGE_SCRIPT`] puts on `<html>` while the page waits for its language.
#[cfg(target_arch = "wasm32")]
const WAITING: &str = "l10n";

thread_local! {
    static CURRENT: ArcRwSignal<Lang> = ArcRwSignal::new(Lang::En);
    /// The page's text, from [`start`].
    #[cfg(target_arch = "wasm32")]
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

/// The text of `domain`'s entry `key` in the page's language, with its
/// placeholders filled in.
pub fn text(domain: Domain, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    domain.text(lang(), key, None, args)
}

/// The customer page's text for `key` (a `ui-…` entry).
pub fn t(key: &'static str) -> String {
    text(UI, key, &[])
}

/// [`t`] with the entry's placeholders filled in.
pub fn t_with(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(UI, key, args)
}

/// `domain`'s entry `key` as a view or attribute value that follows the
/// language. One closure type for every key, so each use costs the wasm no
/// new code.
pub fn tr_in(domain: Domain, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || text(domain, key, &[])
}

/// [`tr_in`] for the customer page's words (`ui-…`).
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    tr_in(UI, key)
}

/// The date of an RFC 3339 timestamp (or a plain `2026-11-24`) as the
/// language writes it (`24 November 2026`, `24 novembre 2026`,
/// `24. November 2026`); as `2026-11-24` outside a browser.
pub fn date(timestamp: &str) -> String {
    let day = timestamp.split('T').next().unwrap_or(timestamp);
    #[cfg(target_arch = "wasm32")]
    {
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

/// Where a page's words are.
#[derive(Clone, Copy)]
pub struct Texts {
    /// The domain of the page's own words (its title, its header's `data-l10n`).
    pub domain: Domain,
    /// The title's entry.
    pub title: &'static str,
    /// The folder of the build's language files (`/`, `/console/`).
    pub files: &'static str,
}

/// A timestamp's date and time in the browser's time zone, as the page's
/// language writes them (`24 Nov 2026, 09:12`, `24 nov. 2026, 09:12`,
/// `24.11.2026, 09:12`); as it is outside a browser.
pub fn date_time(rfc3339: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
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
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
pub fn choose_tag(tag: &str) {
    if let Some(lang) = from_tag(tag) {
        choose(lang);
    }
}

/// Switches the page to `lang`, fetching its text first, and remembers the
/// choice for the customer's next visit.
#[cfg(target_arch = "wasm32")]
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
#[cfg(target_arch = "wasm32")]
fn from_tag(tag: &str) -> Option<Lang> {
    Lang::ALL.iter().copied().find(|l| l.tag() == tag)
}

/// Makes `lang`'s text available: compiled in (English) or fetched and installed.
#[cfg(target_arch = "wasm32")]
async fn load(lang: Lang) -> bool {
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
            {tr("ui-language")}" "
            <select on:change=move |_ev| {
                #[cfg(target_arch = "wasm32")]
                choose_tag(&event_target_value(&_ev));
            }>
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
#[cfg(target_arch = "wasm32")]
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
        assert_eq!(t("ui-submit"), "Soumettre le code");
        set(Lang::En);
        assert_eq!(tr("ui-submit")(), "Submit code");
        assert_eq!(date("2026-11-24T10:00:00Z"), "2026-11-24");
    }
}
