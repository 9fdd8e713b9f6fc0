//! Finishes a Trunk build of the portal (a `post_build` hook in Trunk.toml):
//! writes each page's HTML file with its first view rendered from the
//! components (see `license_portal::first_view`); for the customer's page
//! also the service worker listing the build's files.
//!
//! Usage: `prerender DIR code|decode` (DIR: Trunk's staging directory, with
//! the index.html Trunk wrote). Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(page)) = (args.first(), args.get(1).and_then(|p| build::page(p))) else {
        eprintln!("usage: prerender DIR code|decode   (DIR: the directory Trunk built, with its index.html)");
        return std::process::ExitCode::from(2);
    };
    match build::finish(std::path::Path::new(dir), page) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod build {
    use std::hash::{Hash, Hasher};
    use std::path::Path;
    use std::{fs, io};

    use license_portal::first_view::{render, CONTAINER_ID};
    use license_portal::Page;

    pub fn page(name: &str) -> Option<Page> {
        match name {
            "code" => Some(Page::Code),
            "decode" => Some(Page::Decode),
            _ => None,
        }
    }

    /// Writes `page`'s files into `dir`: the customer's page as `index.html`
    /// and `code.html`, with the service worker; the decode page (its own
    /// build, in `decode/`) as its `index.html`.
    pub fn finish(dir: &Path, page: Page) -> io::Result<()> {
        let shell = fs::read_to_string(dir.join("index.html"))?;
        if shell.contains(&format!("id=\"{CONTAINER_ID}\"")) {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "index.html already has its first view"));
        }
        let html = with_first_view(&shell, page)?;
        fs::write(dir.join("index.html"), &html)?;
        if page == Page::Code {
            fs::write(dir.join("code.html"), &html)?;
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
        let view = render(page);
        Ok(format!("{}<div id=\"{CONTAINER_ID}\">{view}</div>{}", &shell[..body], &shell[body..]))
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
        let worker = include_str!("../service-worker.js")
            .replace("__VERSION__", &format!("{:016x}", version.finish()))
            .replace("__FILES__", &format!("[{list}]"));
        fs::write(dir.join("sw.js"), worker)
    }
}
