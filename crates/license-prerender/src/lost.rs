//! `lost.html`, "Lost your serial number?": a page of its own, linked from
//! the customer's page and fetched only when opened, so the customer's first
//! load carries just the link. No wasm: its words in the three languages
//! (from the catalogue's `lost` domain, checked at build time) ride in the
//! page as JSON, and a short inline script picks the language the customer's
//! page chose (`localStorage`, else the browser's) and sends the form to
//! `POST /api/v1/serials/lookup` (at the API's address the pages use). The server's Content-Security-Policy
//! allows the script and the styles by their hashes, as for every page.

use license_messages::domain::Lost;
use license_messages::{msg, Lang, MsgId};

/// Where the address goes in `lost-sent` (filled in by the script, as text).
const EMAIL: &str = "%EMAIL%";

/// The script: language, then the form. `textContent` only: nothing typed
/// is ever parsed as HTML.
const SCRIPT: &str = r#"(function(){
var W=JSON.parse(document.getElementById('lost-words').textContent),l='en',d=document;
try{l=localStorage.getItem('lang')||'';if(!W[l]){l='en';for(var t of navigator.languages||[]){t=t.split(/[-_]/)[0].toLowerCase();if(W[t]){l=t;break}}}}catch(e){}
var w=W[l];d.documentElement.lang=l;d.title=w['lost-title'];
d.querySelectorAll('[data-t]').forEach(function(e){e.textContent=w[e.dataset.t]});
var f=d.getElementById('lost'),i=d.getElementById('lost-email'),b=f.querySelector('button'),s=d.getElementById('lost-status');
function say(k,c,e){s.className='status '+c;s.textContent=w[k].replace('%EMAIL%',e||'')}
f.addEventListener('submit',function(ev){ev.preventDefault();var e=i.value.trim();
if(!/^[^\s@]+@[^\s@]+$/.test(e)){i.setAttribute('aria-invalid','true');say('lost-not-email','error');i.focus();return}
i.removeAttribute('aria-invalid');b.disabled=true;b.textContent=w['lost-sending'];
fetch(document.getElementById('lost-words').dataset.api,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({email:e})})
.then(function(r){say(r.status==202?'lost-sent':r.status==429?'lost-limited':r.status==400?'lost-not-email':'lost-failed',r.status==202?'ok':'error',e)})
.catch(function(){say('lost-failed','error')})
.finally(function(){b.disabled=false;b.textContent=w['lost-submit']})});
})();"#;

fn word(id: MsgId<Lost>, lang: Lang) -> String {
    id.text(lang, &[("email", EMAIL.into())])
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page, with `style` (the customer's page's inline stylesheet) in its head.
pub fn page(style: &str) -> String {
    // The words the script uses, by id, in every language.
    let ids: [MsgId<Lost>; 10] = [
        msg!("lost-title"),
        msg!("lost-lead"),
        msg!("lost-email-label"),
        msg!("lost-submit"),
        msg!("lost-sending"),
        msg!("lost-sent"),
        msg!("lost-not-email"),
        msg!("lost-limited"),
        msg!("lost-failed"),
        msg!("lost-back"),
    ];
    let mut words = serde_json::Map::new();
    for &lang in Lang::ALL {
        let table: serde_json::Map<String, serde_json::Value> =
            ids.iter().map(|&id| (id.id().to_string(), word(id, lang).into())).collect();
        words.insert(lang.tag().to_string(), table.into());
    }
    // `</` cannot end the data block early.
    let words = serde_json::Value::Object(words).to_string().replace("</", "<\\/");
    let en = |id: MsgId<Lost>| escape(&word(id, Lang::En));
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
{style}<style>input[type=email]{{width:100%;box-sizing:border-box;font:inherit;padding:.75rem;border:2px solid var(--line);border-radius:var(--radius)}}input[aria-invalid=true]{{border-color:var(--bad)}}input:focus{{outline:3px solid #f2a900;outline-offset:2px}}</style>
</head>
<body>
<main>
<header><h1 data-t="lost-title">{title}</h1><p class="lead" data-t="lost-lead">{lead}</p></header>
<form id="lost" novalidate>
<label class="field-label" for="lost-email" data-t="lost-email-label">{label}</label>
<input id="lost-email" name="email" type="email" autocomplete="email" inputmode="email" maxlength="254" required>
<button type="submit" class="primary submit" data-t="lost-submit">{submit}</button>
</form>
<p id="lost-status" class="status" role="status" aria-live="polite"></p>
<footer><a href="/" data-t="lost-back">{back}</a></footer>
</main>
<script type="application/json" id="lost-words" data-api="{api}">{words}</script>
<script>{SCRIPT}</script>
</body>
</html>
"#,
        title = en(msg!("lost-title")),
        lead = en(msg!("lost-lead")),
        label = en(msg!("lost-email-label")),
        submit = en(msg!("lost-submit")),
        back = en(msg!("lost-back")),
        // The API's address as the pages have it (another origin for a
        // portal built with LICENSE_PORTAL_API_BASE for a static host).
        api = escape(&license_web::api::api_url(license_api::paths::SERIALS_LOOKUP)),
    )
}

/// The inline stylesheet of Trunk's `index.html` (`<style>…</style>`), if any.
pub fn inline_style(shell: &str) -> &str {
    match (shell.find("<style"), shell.find("</style>")) {
        (Some(start), Some(end)) if start < end => &shell[start..end + "</style>".len()],
        _ => "",
    }
}
