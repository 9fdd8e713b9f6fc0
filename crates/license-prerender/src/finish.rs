//! Writes a Trunk build's finished files (see `main.rs`).

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::{fs, io};

use license_messages::{Domain, CODES, CONSOLE, PAGE, PROBLEMS, STAFF, SUPPORT, UI};

use license_portal::Page;
use license_web::i18n::{Lang, LANGUAGE_SCRIPT};

/// The build to finish: a page with a first view, or the console.
#[derive(Clone, Copy)]
pub enum Target {
    Page(Page),
    Console,
}

pub fn target(name: &str) -> Option<Target> {
    match name {
        "code" => Some(Target::Page(Page::Code)),
        "decode" => Some(Target::Page(Page::Decode)),
        "console" => Some(Target::Console),
        _ => None,
    }
}

/// Writes the build's files into `dir`: the customer's page as
/// `index.html` and `code.html`, with the language files, the service
/// worker and `lost.html`; the decode page (its own build, in `decode/`) as its
/// `index.html` (it fetches the customer's page's language files); the
/// console (in `console/`) with the script and its own language files.
pub fn finish(dir: &Path, target: Target) -> io::Result<()> {
    let shell = fs::read_to_string(dir.join("index.html"))?;
    if shell.contains(LANGUAGE_SCRIPT) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "index.html is already finished"));
    }
    let page = match target {
        Target::Console => {
            fs::write(dir.join("index.html"), with_language_script(&shell)?)?;
            return write_languages(dir, &[CODES, PROBLEMS, PAGE, UI, SUPPORT, STAFF, CONSOLE]);
        }
        Target::Page(page) => page,
    };
    let html = with_first_view(&with_language_script(&start_after_first_paint(&shell)?)?, page)?;
    fs::write(dir.join("index.html"), &html)?;
    if page == Page::Code {
        fs::write(dir.join("code.html"), &html)?;
        fs::write(dir.join("lost.html"), crate::lost::page(crate::lost::inline_style(&shell)))?;
        write_languages(dir, &[CODES, PROBLEMS, PAGE, UI, SUPPORT, STAFF])?;
        write_service_worker(dir)?;
    }
    Ok(())
}

/// `shell` (Trunk's index.html) with `page`'s first view at the start of
/// the body, after the note for browsers without JavaScript.
fn with_first_view(shell: &str, page: Page) -> io::Result<String> {
    let after = |tag: &str| shell.find(tag).map(|i| i + tag.len());
    let body = after("</noscript>")
        .or_else(|| after("<body>"))
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "index.html has no <body> tag"))?;
    Ok(format!("{}{}{}", &shell[..body], crate::render::first_view(page), &shell[body..]))
}

/// `shell` with [`LANGUAGE_SCRIPT`] first in its `<head>`, so the
/// language is chosen before anything paints.
fn with_language_script(shell: &str) -> io::Result<String> {
    let head = shell
        .find("<head>")
        .map(|i| i + "<head>".len())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "index.html has no <head> tag"))?;
    Ok(format!("{}<script>{LANGUAGE_SCRIPT}</script>{}", &shell[..head], &shell[head..]))
}

/// `lang-<tag>.txt` for each language but English (compiled into the
/// wasm): the `domains` the build's pages show and explain, in the form
/// `license_messages::install` reads.
fn write_languages(dir: &Path, domains: &[Domain]) -> io::Result<()> {
    for &lang in &Lang::ALL[1..] {
        let text = license_messages::export(lang, domains);
        fs::write(dir.join(format!("lang-{}.txt", lang.tag())), text)?;
    }
    Ok(())
}

/// `shell` with the wasm fetched only after the first view has painted:
/// Trunk preloads the JavaScript and the wasm from the `<head>`, so they
/// compete with the first paint for a phone's bandwidth and a browser
/// (and Lighthouse's simulation of a slow phone) counts the largest
/// paint as waiting for them. Without the preloads, and with the loader
/// fetched after the next frame, the HTML alone (its stylesheet is
/// inline) paints the first view, and the loader and the wasm follow at
/// once, side by side.
fn start_after_first_paint(shell: &str) -> io::Result<String> {
    let unexpected = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("index.html from Trunk has {what}: update start_after_first_paint"),
        )
    };
    let mut html = shell.to_string();
    for preload in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        let start = html.find(preload).ok_or_else(|| unexpected(&format!("no {preload}>")))?;
        let end = html[start..].find('>').ok_or_else(|| unexpected("an unclosed <link>"))? + start + 1;
        html.replace_range(start..end, "");
    }
    const IMPORT: &str = "import init, * as bindings from '";
    let start = html.find(IMPORT).ok_or_else(|| unexpected("no loader import"))?;
    let end = html[start..].find("';").ok_or_else(|| unexpected("an unclosed loader import"))? + start + 2;
    let loader = html[start + IMPORT.len()..end - 2].to_string();
    const WASM: &str = "init({ module_or_path: '";
    let wasm_at = html.find(WASM).ok_or_else(|| unexpected("no wasm path"))? + WASM.len();
    let wasm_end = html[wasm_at..].find('\'').ok_or_else(|| unexpected("an unclosed wasm path"))? + wasm_at;
    let wasm = html[wasm_at..wasm_end].to_string();
    html.replace_range(wasm_at - 1..wasm_end + 1, "wasmResponse");
    html.replace_range(
        start..end,
        &format!(
            "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n\
             const wasmResponse = fetch('{wasm}');\n\
             const bindings = await import('{loader}');\nconst init = bindings.default;"
        ),
    );
    Ok(html)
}

/// `sw.js`: the service worker, with every file of the build it caches
/// and a version that changes whenever any of them does.
fn write_service_worker(dir: &Path) -> io::Result<()> {
    let mut files = vec!["/code.html".to_string()];
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.ends_with(".html") && !n.ends_with(".br") && !n.ends_with(".gz") && n != "sw.js")
        .collect();
    names.sort();
    files.extend(names.iter().map(|n| format!("/{n}")));
    let mut version = std::hash::DefaultHasher::new();
    for file in std::iter::once("index.html".to_string()).chain(names) {
        fs::read(dir.join(&file))?.hash(&mut version);
    }
    let list = files.iter().map(|f| format!("'{f}'")).collect::<Vec<_>>().join(", ");
    let worker = include_str!("../../../src/service-worker.js")
        .replace("__VERSION__", &format!("{:016x}", version.finish()))
        .replace("__FILES__", &format!("[{list}]"));
    fs::write(dir.join("sw.js"), worker)
}
