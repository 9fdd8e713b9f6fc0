//! TLS in the server itself (`serve --tls-cert PEM --tls-key PEM`): rustls
//! with ring, HTTP/2 or HTTP/1.1 by ALPN. The files are read again on
//! SIGHUP; new connections get the new certificate, connections already
//! open keep theirs (nothing is dropped), and a pair that does not load is
//! logged and the old one kept, so a renewal gone wrong never stops the
//! server.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum_server::tls_rustls::RustlsConfig;
use rustls::ServerConfig;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// The certificate chain and its private key, as PEM files.
#[derive(Clone, Debug)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// `Strict-Transport-Security` sent on every answer when serving TLS: two
/// years, the value browsers' preload lists ask for. Subdomains are the
/// vendor's business, so they are not included.
pub const HSTS: &str = "max-age=63072000";

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, String),
    #[error("{0} holds no certificate (a PEM file with BEGIN CERTIFICATE blocks, the server's first)")]
    NoCertificate(PathBuf),
    #[error("{0} holds no private key (PEM: BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)")]
    NoKey(PathBuf),
    #[error("the certificate and the key do not make a TLS configuration: {0}")]
    Config(rustls::Error),
}

impl TlsFiles {
    /// Reads both files into a rustls configuration.
    pub fn load(&self) -> Result<Arc<ServerConfig>, TlsError> {
        let certs = CertificateDer::pem_file_iter(&self.cert)
            .map_err(|e| read_error(&self.cert, e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| read_error(&self.cert, e))?;
        if certs.is_empty() {
            return Err(TlsError::NoCertificate(self.cert.clone()));
        }
        let key = PrivateKeyDer::from_pem_file(&self.key).map_err(|e| match e {
            rustls_pki_types::pem::Error::NoItemsFound => TlsError::NoKey(self.key.clone()),
            e => read_error(&self.key, e),
        })?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(TlsError::Config)?
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .map_err(TlsError::Config)?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }

    /// The configuration to serve with, and a task that reloads it on each
    /// SIGHUP for as long as the server runs.
    pub fn serve_config(&self) -> Result<RustlsConfig, TlsError> {
        let config = RustlsConfig::from_config(self.load()?);
        #[cfg(unix)]
        {
            let (files, live) = (self.clone(), config.clone());
            let mut hangups = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
                .map_err(|e| TlsError::Read(self.cert.clone(), format!("cannot listen for SIGHUP: {e}")))?;
            tokio::spawn(async move {
                while hangups.recv().await.is_some() {
                    match files.load() {
                        Ok(new) => {
                            live.reload_from_config(new);
                            tracing::info!(cert = %files.cert.display(), "SIGHUP: certificate and key loaded again");
                        }
                        Err(e) => tracing::error!(error = %e, "SIGHUP: keeping the certificate in use"),
                    }
                }
            });
        }
        Ok(config)
    }
}

fn read_error(path: &Path, e: rustls_pki_types::pem::Error) -> TlsError {
    TlsError::Read(path.to_path_buf(), e.to_string())
}
