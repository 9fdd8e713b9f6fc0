//! `license-server healthcheck`: the container's HEALTHCHECK (a `FROM
//! scratch` image has no curl), asking the server on this machine whether
//! it is ready.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use super::{CliError, Healthcheck};

pub async fn run(args: &Healthcheck) -> Result<(), CliError> {
    let url = args.url.clone().unwrap_or_else(|| own_url(args.addr, args.tls_cert.is_some()));
    // The certificate names the public host, not the loopback address asked
    // here; nothing secret is sent, and only readiness is read back.
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .timeout(Duration::from_secs(args.timeout))
        .no_proxy()
        .build()
        .map_err(|e| CliError::Invalid(format!("healthcheck: {e}")))?;
    let not_ready = |why: String| CliError::NotReady(format!("{url}: {why}"));
    let response = client.get(&url).send().await.map_err(|e| not_ready(with_causes(&e)))?;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    if !status.is_success() {
        return Err(not_ready(format!("{status} {}", body.trim())));
    }
    println!("ready: {url}");
    Ok(())
}

/// The server's readiness URL from the address it listens on (a wildcard
/// address is reached on loopback).
fn own_url(addr: SocketAddr, tls: bool) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let scheme = if tls { "https" } else { "http" };
    format!("{scheme}://{}/readyz", SocketAddr::new(ip, addr.port()))
}

/// An error with what caused it ("connection refused" is in the causes).
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}
