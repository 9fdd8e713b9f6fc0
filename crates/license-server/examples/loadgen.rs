//! A load generator for `POST /api/v1/activations` over keep-alive HTTP/1.1
//! connections. `oha` and `wrk` send one body over and over; new issuances
//! need a different request code per request, so this sends its own.
//!
//! ```text
//! loadgen --url http://127.0.0.1:8080[,http://127.0.0.1:8081] --product 7 \
//!         (--serial 9XXXXX-XXXXXX | --serials-file FILE) \
//!         --mode new|repeat --requests 20000 --connections 64 [--server-pid PID]
//! ```
//! Several URLs share the connections (several servers on one database);
//! a file of serials (one per line) spreads new installations over licences.
//! ```text
//! ```
//! Prints requests/s, latency percentiles, status counts and, with
//! --server-pid, the server's peak resident memory (VmHWM). Also measures
//! the raw ed25519 signing rate on this machine, the ceiling for issuance,
//! and with `--pkcs11-uri URI --pkcs11-module PATH` the rate of a PKCS#11
//! token's signing key (scripts/bench-server.sh --pkcs11 makes a SoftHSM2 one).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::rt::TokioIo;
use license_codes::{sign_response, Day, Entitlements, Grant, KeyId, RequestCode, SerialNumber, SigningKey};

struct Args {
    urls: Vec<String>,
    serials: Vec<SerialNumber>,
    product: u16,
    mode: String,
    requests: usize,
    connections: usize,
    server_pid: Option<u32>,
    /// Varies the key ids, so several runs against one server all issue anew.
    seed: u64,
    pkcs11: Option<license_server::signing::TokenSettings>,
}

fn args() -> Args {
    let mut a = Args {
        urls: vec!["http://127.0.0.1:8080".into()],
        serials: vec![SerialNumber::new(0).unwrap()],
        product: 7,
        mode: "new".into(),
        requests: 10_000,
        connections: 64,
        server_pid: None,
        seed: 0,
        pkcs11: None,
    };
    let mut module = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--url" => a.urls = value.split(',').map(str::to_string).collect(),
            "--serial" => a.serials = vec![SerialNumber::parse(&value).expect("a serial number")],
            "--serials-file" => {
                a.serials = std::fs::read_to_string(&value)
                    .expect("the serials file")
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| SerialNumber::parse(l.trim()).expect("a serial number"))
                    .collect()
            }
            "--product" => a.product = value.parse().unwrap(),
            "--mode" => a.mode = value,
            "--requests" => a.requests = value.parse().unwrap(),
            "--connections" => a.connections = value.parse().unwrap(),
            "--server-pid" => a.server_pid = Some(value.parse().unwrap()),
            "--seed" => a.seed = value.parse().unwrap(),
            "--pkcs11-uri" => {
                a.pkcs11 = Some(license_server::signing::TokenSettings { uri: value, module: None, pin: None })
            }
            "--pkcs11-module" => module = Some(std::path::PathBuf::from(value)),
            other => panic!("unknown flag {other}"),
        }
    }
    if let Some(token) = &mut a.pkcs11 {
        token.module = module;
    }
    a
}

fn body(product: u16, serial: SerialNumber, key_id: u64) -> Bytes {
    let code = RequestCode {
        product,
        serial,
        key_id: KeyId(key_id),
        counter: 0,
        entitlement_digest: Entitlements::new().digest(),
        created: Day(2518),
    };
    Bytes::from(format!("{{\"request_code\":\"{code}\"}}"))
}

/// Response signatures per second with `key`, from `threads` threads for two seconds.
fn signing_rate<K: license_codes::Signer<license_codes::Signature> + Sync>(key: &K, threads: usize) -> f64 {
    let started = Instant::now();
    let total: u64 = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|t| scope.spawn(move || sign_for_two_seconds(key, t as u64))).collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    total as f64 / started.elapsed().as_secs_f64()
}

fn sign_for_two_seconds<K: license_codes::Signer<license_codes::Signature>>(key: &K, thread: u64) -> u64 {
    let mut e = Entitlements::new();
    e.set(0, 3).unwrap();
    let mut grant = Grant {
        product: 7,
        serial: SerialNumber::new(1).unwrap(),
        key_id: KeyId(1),
        from_counter: 0,
        to_counter: 1,
        issued: Day(2518),
        entitlements: e,
    };
    let started = Instant::now();
    let mut n = 0u64;
    while started.elapsed() < Duration::from_secs(2) {
        grant.key_id = KeyId(n ^ (thread << 48));
        std::hint::black_box(sign_response(key, 1, &grant).unwrap());
        n += 1;
    }
    n
}

fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let a = args();
    // One thread: the generator must not take the server's second core.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let hosts: Vec<String> =
        a.urls.iter().map(|u| u.trim_start_matches("http://").trim_end_matches('/').to_string()).collect();
    let bodies: Arc<Vec<Bytes>> = Arc::new(match a.mode.as_str() {
        "new" => (0..a.requests)
            .map(|i| {
                body(
                    a.product,
                    a.serials[i % a.serials.len()],
                    (0x4C6F_6164_0000_0000 + (a.seed << 32)) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                )
            })
            .collect(),
        "repeat" => vec![body(a.product, a.serials[0], 0x5245_5045_4154_0001 + a.seed)],
        other => panic!("--mode is new or repeat, not {other}"),
    });
    if a.mode == "repeat" {
        // Issue it once so every measured request is a repeat.
        runtime.block_on(send_all(&hosts[..1], bodies.clone(), 1, 1));
    }
    let started = Instant::now();
    let (latencies, statuses) = runtime.block_on(send_all(&hosts, bodies, a.requests, a.connections));
    let elapsed = started.elapsed().as_secs_f64();
    let mut sorted = latencies.clone();
    sorted.sort_unstable();
    let pct = |p: f64| {
        sorted
            .get(((sorted.len() as f64 * p) as usize).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!("mode:           {}", a.mode);
    println!(
        "requests:       {} over {} connections to {} server(s), {} licence(s), in {:.2} s",
        latencies.len(),
        a.connections,
        hosts.len(),
        a.serials.len(),
        elapsed
    );
    println!("throughput:     {:.0} requests/s", latencies.len() as f64 / elapsed);
    println!("latency p50:    {:.2} ms", pct(0.50).as_secs_f64() * 1e3);
    println!("latency p99:    {:.2} ms", pct(0.99).as_secs_f64() * 1e3);
    println!("latency max:    {:.2} ms", sorted.last().copied().unwrap_or_default().as_secs_f64() * 1e3);
    println!("statuses:       {statuses:?}");
    if let Some(pid) = a.server_pid {
        if let Some(mb) = peak_rss_mb(pid) {
            println!("server peak RSS: {mb:.1} MB (VmHWM)");
        }
    }
    println!(
        "ed25519 response signing, one core: {:.0} signatures/s",
        signing_rate(&SigningKey::from_bytes(&[7; 32]), 1)
    );
    if let Some(token) = &a.pkcs11 {
        let data = std::env::temp_dir().join(format!("loadgen-keys-{}", std::process::id()));
        let keys =
            license_server::signing::SigningKeys::load(&data, None, Some(token)).expect("the token's signing key");
        let (id, key) = keys.active();
        println!("PKCS#11 token key {id}, response signing, one thread: {:.0} signatures/s", signing_rate(key, 1));
        println!("PKCS#11 token key {id}, response signing, two threads: {:.0} signatures/s", signing_rate(key, 2));
        let _ = std::fs::remove_dir_all(data);
    }
}

async fn send_all(
    hosts: &[String],
    bodies: Arc<Vec<Bytes>>,
    requests: usize,
    connections: usize,
) -> (Vec<Duration>, Vec<(u16, usize)>) {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (host, bodies, next) = (hosts[c % hosts.len()].clone(), bodies.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(&host).await.expect("server reachable");
            stream.set_nodelay(true).unwrap();
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.unwrap();
            tokio::spawn(conn);
            let mut latencies = Vec::new();
            let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    break;
                }
                let body = bodies[i % bodies.len()].clone();
                let request = Request::post(license_api::paths::ACTIVATIONS)
                    .header("host", &host)
                    .header("content-type", "application/json")
                    .body(Full::new(body))
                    .unwrap();
                let started = Instant::now();
                sender.ready().await.unwrap();
                let response = sender.send_request(request).await.expect("response");
                let status = response.status().as_u16();
                response.into_body().collect().await.unwrap();
                latencies.push(started.elapsed());
                *statuses.entry(status).or_default() += 1;
            }
            (latencies, statuses)
        }));
    }
    let mut all = Vec::new();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for t in tasks {
        let (l, s) = t.await.unwrap();
        all.extend(l);
        for (k, v) in s {
            *statuses.entry(k).or_default() += v;
        }
    }
    (all, statuses.into_iter().collect())
}
