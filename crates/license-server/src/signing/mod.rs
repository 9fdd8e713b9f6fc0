//! The vendor's signing keys. Generated on first start into the data
//! directory (mode 0600), given from outside, or held by a PKCS#11 token
//! ([`pkcs11`]) that signs without giving them out; never logged or served.
//! Several may be held while keys rotate; new responses use the active one
//! (the highest id), and the public halves of all of them are published.

pub mod pkcs11;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use license_codes::{
    signing_key_from_hex, PublicKeyEntry, Signature, SignatureError, Signer, SigningKey, VerifyingKey,
};

pub use pkcs11::{TokenError, TokenSettings};

/// A vendor signing key. Its `Debug` prints nothing of the key, so no log
/// line or panic message can carry it.
pub struct SecretKey(SigningKey);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// A key that signs responses: in memory, or on a token.
pub enum VendorKey {
    Memory(SecretKey),
    Token(pkcs11::TokenKey),
}

impl std::fmt::Debug for VendorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VendorKey::Memory(key) => key.fmt(f),
            VendorKey::Token(_) => f.write_str("TokenKey(..)"),
        }
    }
}

impl VendorKey {
    pub fn verifying_key(&self) -> VerifyingKey {
        match self {
            VendorKey::Memory(key) => key.0.verifying_key(),
            VendorKey::Token(key) => key.verifying_key(),
        }
    }
}

impl Signer<Signature> for VendorKey {
    fn try_sign(&self, message: &[u8]) -> Result<Signature, SignatureError> {
        match self {
            VendorKey::Memory(key) => key.0.try_sign(message),
            VendorKey::Token(key) => key.sign(message),
        }
    }
}

#[derive(Debug)]
pub struct SigningKeys {
    keys: BTreeMap<u8, VendorKey>,
    active: u8,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot use the key directory {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("signing key {0} is not 64 hex digits")]
    Invalid(String),
    #[error("all 255 key ids are used")]
    Exhausted,
    #[error("signing key {0} is both in the data directory's keys/ and on the token: one id, one key")]
    TwoKeys(u8),
    #[error(transparent)]
    Token(#[from] TokenError),
}

/// A signing key given from outside the data directory.
#[derive(Clone)]
pub struct ExternalKey {
    pub id: u8,
    /// 64 hex digits (from `LICENSE_SERVER_SIGNING_KEY` or a key file).
    pub hex: String,
}

impl std::fmt::Debug for ExternalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalKey").field("id", &self.id).finish_non_exhaustive()
    }
}

fn key_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("keys")
}

fn key_path(data_dir: &Path, id: u8) -> PathBuf {
    key_dir(data_dir).join(format!("signing-key-{id}.hex"))
}

impl SigningKeys {
    /// The keys in `data_dir/keys`, plus `external` or the token's keys as
    /// the active key if given; creates key 1 in `data_dir/keys` when there
    /// is no key at all.
    pub fn load(
        data_dir: &Path,
        external: Option<ExternalKey>,
        token: Option<&TokenSettings>,
    ) -> Result<Self, KeyError> {
        let mut keys = BTreeMap::new();
        for (id, path) in key_files(data_dir)? {
            let text = std::fs::read_to_string(&path).map_err(|e| KeyError::Io(path.clone(), e))?;
            let key = signing_key_from_hex(&text).map_err(|_| KeyError::Invalid(path.display().to_string()))?;
            keys.insert(id, VendorKey::Memory(SecretKey(key)));
        }
        let mut active = keys.keys().next_back().copied();
        if let Some(ext) = external {
            let key = signing_key_from_hex(&ext.hex).map_err(|_| KeyError::Invalid(format!("key {}", ext.id)))?;
            keys.insert(ext.id, VendorKey::Memory(SecretKey(key)));
            active = Some(ext.id);
        }
        if let Some(settings) = token {
            let token = pkcs11::Token::open(settings)?;
            let (on_token, signing) = token.keys()?;
            for (id, key) in on_token {
                if keys.insert(id, VendorKey::Token(key)).is_some() {
                    return Err(KeyError::TwoKeys(id));
                }
            }
            active = Some(signing);
        }
        let active = match active {
            Some(id) => id,
            None => {
                let (id, key) = write_new_key(data_dir)?;
                keys.insert(id, VendorKey::Memory(SecretKey(key)));
                id
            }
        };
        Ok(Self { keys, active })
    }

    /// Makes the next key on the token (an id used neither there nor in the
    /// data directory); it signs new responses from the next start.
    pub fn generate_on_token(data_dir: &Path, settings: &TokenSettings) -> Result<(u8, String, String), KeyError> {
        let token = pkcs11::Token::open(settings)?;
        let mut used: Vec<u8> = key_files(data_dir)?.into_iter().map(|(id, _)| id).collect();
        used.extend(token.ids()?);
        let id = (1..=255u8).find(|id| !used.contains(id)).ok_or(KeyError::Exhausted)?;
        let (label, public) = token.generate(id)?;
        Ok((id, label, PublicKeyEntry::new(id, &public).public_key))
    }

    /// Writes a new key with the next id (mode 0600); it becomes the active
    /// key at the next start. Returns its id.
    pub fn generate(data_dir: &Path) -> Result<u8, KeyError> {
        write_new_key(data_dir).map(|(id, _)| id)
    }

    pub fn active(&self) -> (u8, &VendorKey) {
        (self.active, &self.keys[&self.active])
    }

    /// The public keys, by id, for `GET /api/v1/keys` and trust files.
    pub fn public_entries(&self) -> Vec<PublicKeyEntry> {
        self.keys.iter().map(|(id, key)| PublicKeyEntry::new(*id, &key.verifying_key())).collect()
    }
}

/// The data directory's key files, `keys/signing-key-N.hex`, by id.
fn key_files(data_dir: &Path) -> Result<Vec<(u8, PathBuf)>, KeyError> {
    let dir = key_dir(data_dir);
    let mut files = Vec::new();
    if dir.exists() {
        let entries = std::fs::read_dir(&dir).map_err(|e| KeyError::Io(dir.clone(), e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let Some(id) = name.strip_prefix("signing-key-").and_then(|s| s.strip_suffix(".hex")) else {
                continue;
            };
            let Ok(id) = id.parse::<u8>() else { continue };
            files.push((id, entry.path()));
        }
    }
    Ok(files)
}

/// A new random key under the next free id, written with mode 0600.
fn write_new_key(data_dir: &Path) -> Result<(u8, SigningKey), KeyError> {
    let dir = key_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(|e| KeyError::Io(dir.clone(), e))?;
    let next = (1..=255u8).find(|id| !key_path(data_dir, *id).exists()).ok_or(KeyError::Exhausted)?;
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| KeyError::Io(dir.clone(), std::io::Error::other(e.to_string())))?;
    let path = key_path(data_dir, next);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(|e| KeyError::Io(path.clone(), e))?;
    std::io::Write::write_all(&mut file, (hex::encode(seed) + "\n").as_bytes())
        .map_err(|e| KeyError::Io(path.clone(), e))?;
    file.sync_all().map_err(|e| KeyError::Io(path, e))?;
    Ok((next, SigningKey::from_bytes(&seed)))
}

#[cfg(test)]
mod secrecy {
    use super::*;

    #[test]
    fn debug_prints_no_key_material() {
        let dir = tempfile::tempdir().unwrap();
        let hex = "42".repeat(32);
        SigningKeys::generate(dir.path()).unwrap();
        let keys = SigningKeys::load(dir.path(), Some(ExternalKey { id: 3, hex: hex.clone() }), None).unwrap();
        let file = std::fs::read_to_string(dir.path().join("keys/signing-key-1.hex")).unwrap();
        let shown = format!("{keys:?} {:?}", ExternalKey { id: 3, hex: hex.clone() });
        assert!(!shown.contains(&hex) && !shown.contains(file.trim()) && !shown.contains("42424242"), "{shown}");
        assert!(shown.contains("SecretKey(..)"), "{shown}");
    }
}
