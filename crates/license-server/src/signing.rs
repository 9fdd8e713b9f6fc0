//! The vendor's signing keys. Generated on first start into the data
//! directory (mode 0600) or given from outside; never logged or served.
//! Several may be held while keys rotate; new responses use the active one
//! (the highest id), and the public halves of all of them are published.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use license_codes::{signing_key_from_hex, PublicKeyEntry, SigningKey};

/// A vendor signing key. Its `Debug` prints nothing of the key, so no log
/// line or panic message can carry it.
pub struct SecretKey(SigningKey);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

#[derive(Debug)]
pub struct SigningKeys {
    keys: BTreeMap<u8, SecretKey>,
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
    /// The keys in `data_dir/keys`, creating key 1 if there are none, plus
    /// `external` as the active key if given.
    pub fn load(data_dir: &Path, external: Option<ExternalKey>) -> Result<Self, KeyError> {
        let dir = key_dir(data_dir);
        let mut keys = BTreeMap::new();
        if dir.exists() {
            let entries = std::fs::read_dir(&dir).map_err(|e| KeyError::Io(dir.clone(), e))?;
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                let Some(id) = name.strip_prefix("signing-key-").and_then(|s| s.strip_suffix(".hex")) else {
                    continue;
                };
                let Ok(id) = id.parse::<u8>() else { continue };
                let text = std::fs::read_to_string(entry.path()).map_err(|e| KeyError::Io(entry.path(), e))?;
                keys.insert(id, SecretKey(signing_key_from_hex(&text).map_err(|_| KeyError::Invalid(name.clone()))?));
            }
        }
        let mut active = keys.keys().next_back().copied();
        if let Some(ext) = external {
            let key = signing_key_from_hex(&ext.hex).map_err(|_| KeyError::Invalid(format!("key {}", ext.id)))?;
            keys.insert(ext.id, SecretKey(key));
            active = Some(ext.id);
        }
        let active = match active {
            Some(id) => id,
            None => {
                let (id, key) = write_new_key(data_dir)?;
                keys.insert(id, SecretKey(key));
                id
            }
        };
        Ok(Self { keys, active })
    }

    /// Writes a new key with the next id (mode 0600); it becomes the active
    /// key at the next start. Returns its id.
    pub fn generate(data_dir: &Path) -> Result<u8, KeyError> {
        write_new_key(data_dir).map(|(id, _)| id)
    }

    pub fn active(&self) -> (u8, &SigningKey) {
        (self.active, &self.keys[&self.active].0)
    }

    /// The public keys, by id, for `GET /api/v1/keys` and trust files.
    pub fn public_entries(&self) -> Vec<PublicKeyEntry> {
        self.keys.iter().map(|(id, key)| PublicKeyEntry::new(*id, &key.0.verifying_key())).collect()
    }
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
        let keys = SigningKeys::load(dir.path(), Some(ExternalKey { id: 3, hex: hex.clone() })).unwrap();
        let file = std::fs::read_to_string(dir.path().join("keys/signing-key-1.hex")).unwrap();
        let shown = format!("{keys:?} {:?}", ExternalKey { id: 3, hex: hex.clone() });
        assert!(!shown.contains(&hex) && !shown.contains(file.trim()) && !shown.contains("42424242"), "{shown}");
        assert!(shown.contains("SecretKey(..)"), "{shown}");
    }
}
