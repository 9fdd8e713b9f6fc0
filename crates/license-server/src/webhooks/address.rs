//! Where a webhook may be delivered: an `http` or `https` URL whose host is
//! on the internet. Addresses of the server's own machine and networks
//! (loopback, private, link-local, carrier-grade NAT, unique local) are
//! refused unless `serve --webhook-allow-private`, when the URL is added and
//! again at every delivery, after the name is resolved and by the resolver
//! the HTTP client connects with, so a name that later resolves elsewhere
//! (DNS rebinding) reaches nothing inside.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// The longest URL accepted.
pub const MAX_URL: usize = 2000;

/// Whether `ip` is on the public internet (not this machine, not a private,
/// shared, link-local or reserved network).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || first == 0x2001 && ip.segments()[1] == 0xdb8)
}

/// Why a URL is refused, in words for the person who gave it.
pub fn check_url(text: &str, allow_private: bool) -> Result<Url, String> {
    if text.len() > MAX_URL {
        return Err(format!("url is longer than {MAX_URL} characters"));
    }
    if text.chars().any(char::is_control) {
        return Err("url holds a control character (a line break or a tab): give one URL on one line".into());
    }
    let url = Url::parse(text.trim())
        .map_err(|e| format!("url is not a URL ({e}): give one such as https://crm.example.com/hooks"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("url must be http or https, not {}", url.scheme()));
    }
    let refused = |what: &str| {
        Err(format!(
            "url points to {what}, which this server does not call (it would reach its own networks); \
             give an address on the internet, or start the server with --webhook-allow-private"
        ))
    };
    match url.host() {
        None => return Err("url has no host".into()),
        Some(_) if allow_private => {}
        Some(Host::Ipv4(ip)) if !is_public(IpAddr::V4(ip)) => return refused(&format!("{ip}")),
        Some(Host::Ipv6(ip)) if !is_public(IpAddr::V6(ip)) => return refused(&format!("{ip}")),
        Some(Host::Domain(name)) if name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost") => {
            return refused(name)
        }
        Some(_) => {}
    }
    Ok(url)
}

/// How long [`check_resolved`] waits for a name: a resolver that does not
/// answer must not hold the request that saves the endpoint (its name is
/// checked again at every delivery).
const RESOLVE_WAIT: Duration = Duration::from_secs(2);

/// Checks that `url`'s host, if it is a name, resolves only to public
/// addresses (unless allowed). A name that does not resolve (yet), or not
/// within [`RESOLVE_WAIT`], passes: its deliveries wait until it does.
pub async fn check_resolved(url: &Url, allow_private: bool) -> Result<(), String> {
    let (Some(Host::Domain(name)), false) = (url.host(), allow_private) else { return Ok(()) };
    let lookup = tokio::net::lookup_host((name, url.port_or_known_default().unwrap_or(443)));
    let Ok(Ok(found)) = tokio::time::timeout(RESOLVE_WAIT, lookup).await else {
        return Ok(());
    };
    match found.map(|a| a.ip()).find(|ip| !is_public(*ip)) {
        Some(ip) => Err(format!(
            "url's host {name} resolves to {ip}, which this server does not call (it would reach its own networks); \
             give an address on the internet, or start the server with --webhook-allow-private"
        )),
        None => Ok(()),
    }
}

/// The resolver deliveries connect with: only public addresses, unless allowed.
#[derive(Debug, Clone, Copy)]
pub struct PublicOnly {
    pub allow_private: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let usable: Vec<SocketAddr> =
                found.iter().copied().filter(|a| allow_private || is_public(a.ip())).collect();
            if usable.is_empty() && !found.is_empty() {
                let error = format!("{} resolves only to addresses of the server's own networks", name.as_str());
                return Err(error.into());
            }
            Ok(Box::new(usable.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_servers_own_networks() {
        for url in [
            "http://127.0.0.1/x",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fe80::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://localhost:8080/",
            "http://api.localhost/",
        ] {
            let refused = check_url(url, false).unwrap_err();
            assert!(refused.contains("--webhook-allow-private"), "{url}: {refused}");
            assert!(check_url(url, true).is_ok(), "{url} allowed with --webhook-allow-private");
        }
    }

    #[test]
    fn takes_http_and_https_on_the_internet_only() {
        assert!(check_url("https://crm.example.com/hooks", false).is_ok());
        assert!(check_url("http://93.184.216.34:8080/h", false).is_ok());
        for (url, says) in [
            ("ftp://example.com/", "http or https"),
            ("file:///etc/passwd", "http or https"),
            ("not a url", "not a URL"),
            ("https://example.com/\nX-Evil: 1", "control character"),
        ] {
            let refused = check_url(url, true).unwrap_err();
            assert!(refused.contains(says), "{url}: {refused}");
        }
    }
}
