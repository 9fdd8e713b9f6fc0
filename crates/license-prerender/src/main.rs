//! Finishes a Trunk build of the portal (a `post_build` hook in Trunk.toml):
//! writes each page's HTML file with its first view rendered from the
//! components (see `license_portal::first_view`) and the script that
//! chooses its language before the first paint (`license_portal::i18n`);
//! for the customer's page also the French and German text the pages fetch
//! when chosen (`lang-fr.txt`, `lang-de.txt`) and the service worker listing
//! the build's files, those included, and the "Lost your serial number?"
//! page ([`lost`]). The support console has no first
//! view: it gets the script and its own language files, with its words.
//!
//! Usage: `license-prerender DIR code|decode|console` (DIR: Trunk's
//! staging directory, with the index.html Trunk wrote); run by
//! `scripts/portal-post-build.sh`. Native: it renders the pages' components
//! with Leptos's HTML renderer ([`render`]); [`finish`] writes the files.

mod finish;
mod lost;
mod render;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(page)) = (args.first(), args.get(1).and_then(|p| finish::target(p))) else {
        eprintln!(
            "usage: license-prerender DIR code|decode|console   (DIR: the directory Trunk built, with its index.html)"
        );
        return std::process::ExitCode::from(2);
    };
    match finish::finish(std::path::Path::new(dir), page) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
