//! The machine's own identity, which a key id is derived from so that a
//! licence file copied to another machine is recognised as such.

use std::path::PathBuf;

/// What identifies this machine, if anything can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachineIdentity(Option<String>);

impl MachineIdentity {
    /// An identity the embedding program supplies (its own hardware id).
    pub fn new(identity: impl Into<String>) -> Self {
        Self(Some(identity.into()))
    }

    /// No identity: the key id then rests on the per-install random part only.
    pub fn unknown() -> Self {
        Self(None)
    }

    /// Reads the operating system's machine id: `/etc/machine-id` (or
    /// `/var/lib/dbus/machine-id`) on Linux, the IOPlatformUUID on macOS,
    /// MachineGuid on Windows. `LICENSE_MACHINE_ID_FILE` names another file
    /// to read instead, so tests can play a second machine.
    pub fn from_os() -> Self {
        if let Some(path) = std::env::var_os("LICENSE_MACHINE_ID_FILE") {
            return Self(read_id(PathBuf::from(path)));
        }
        Self(os_identity())
    }

    pub fn is_known(&self) -> bool {
        self.0.is_some()
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_deref().unwrap_or_default().as_bytes()
    }
}

fn read_id(path: PathBuf) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let id = text.trim();
    (!id.is_empty()).then(|| id.to_string())
}

#[cfg(target_os = "linux")]
fn os_identity() -> Option<String> {
    read_id("/etc/machine-id".into()).or_else(|| read_id("/var/lib/dbus/machine-id".into()))
}

#[cfg(target_os = "macos")]
fn os_identity() -> Option<String> {
    let out = std::process::Command::new("ioreg").args(["-rd1", "-c", "IOPlatformExpertDevice"]).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.contains("IOPlatformUUID"))?;
    line.split('"').nth(3).map(str::to_string)
}

#[cfg(target_os = "windows")]
fn os_identity() -> Option<String> {
    let out = std::process::Command::new("reg")
        .args(["query", r"HKLM\SOFTWARE\Microsoft\Cryptography", "/v", "MachineGuid"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().find(|l| l.contains("MachineGuid"))?.split_whitespace().last().map(str::to_string)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn os_identity() -> Option<String> {
    None
}
