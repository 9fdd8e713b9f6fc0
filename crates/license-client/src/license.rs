//! The licence state of one installation, kept in a licence file.
//!
//! The file holds the signed response code its entitlements came from.
//! Loading it checks the key id against this machine and verifies that
//! response again, so a copied or hand-edited file is detected, not believed.

use std::path::{Path, PathBuf};

use license_codes::{
    Change, CodeError, Day, Entitlements, Installation, KeyId, Product, RegistrationCode, ReleaseCode, RequestCode,
    ResponseCode, SerialNumber, TrustFile, TrustedKeys,
};
use sha2::{Digest, Sha256};

use crate::error::Tampering;
use crate::{store, ClientError, MachineIdentity};

/// Version of the licence file layout.
const FILE_FORMAT: u32 = 1;

/// The licence file as JSON. Fields marked "derived" are written for people
/// and checked on load against what they are derived from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenseFile {
    pub format: u32,
    pub product: u16,
    pub serial: SerialNumber,
    /// The random per-install part of the key id (32 hex digits).
    pub install_id: String,
    /// Derived: from the machine identity and `install_id`.
    pub key_id: KeyId,
    pub counter: u16,
    /// The response code applied last; `null` before any update.
    pub response_code: Option<String>,
    /// Derived: the entitlements in `response_code`, by slot.
    pub entitlements: Entitlements,
    /// The licence's registration code, given at `init` and proven (not
    /// shown) in the request codes of update 0; dropped once the first
    /// response is applied, when it is no longer needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_code: Option<String>,
}

/// What the licence file holds once the installation gave its place back
/// (`license release`): who it was, and the release code, kept so it can be
/// shown again and submitted later.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleasedFile {
    pub format: u32,
    pub released: ReleasedMarker,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleasedMarker {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    /// The update it held when released.
    pub counter: u16,
    pub on: Day,
    pub release_code: String,
}

/// The licence file in either of its states.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stored {
    Licence(LicenseFile),
    Released(ReleasedFile),
}

/// The key id: the first 8 bytes of
/// SHA-256("license-client v1 key id\0" || machine identity || 0 || install id).
pub fn derive_key_id(machine: &MachineIdentity, install_id: &str) -> KeyId {
    let mut h = Sha256::new();
    h.update(b"license-client v1 key id\0");
    h.update(machine.bytes());
    h.update([0]);
    h.update(install_id.as_bytes());
    let hash = h.finalize();
    KeyId(u64::from_be_bytes(hash[..8].try_into().expect("8 bytes")))
}

/// What the program holds: who it is, its update counter and entitlements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    pub product: u16,
    pub serial: SerialNumber,
    pub key_id: KeyId,
    pub counter: u16,
    pub entitlements: Entitlements,
    pub response: Option<ResponseCode>,
    /// Whether the key id is tied to a readable machine identity.
    pub machine_bound: bool,
    /// The registration code given at `init`, until the first response.
    pub registration_code: Option<RegistrationCode>,
}

impl License {
    /// This installation as a response must name it.
    pub fn installation(&self) -> Installation {
        Installation { product: self.product, serial: self.serial, key_id: self.key_id, counter: self.counter }
    }
}

/// The result of entering a response code.
#[derive(Debug, Clone)]
pub struct Applied {
    pub from_counter: u16,
    pub license: License,
    pub changes: Vec<Change>,
}

/// One licence file, the keys the program trusts and the machine it is on.
pub struct Licensing {
    path: PathBuf,
    trust: TrustFile,
    keys: TrustedKeys,
    machine: MachineIdentity,
}

impl Licensing {
    /// `trust` is what the program is built with: never read it from the
    /// (writable) licence file.
    pub fn new(path: impl Into<PathBuf>, trust: TrustFile, machine: MachineIdentity) -> Result<Self, ClientError> {
        let keys = trust.trusted_keys().map_err(|e| ClientError::NoTrust(e.to_string()))?;
        Ok(Self { path: path.into(), trust, keys, machine })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn trust(&self) -> &TrustFile {
        &self.trust
    }

    pub fn product(&self, id: u16) -> Option<&Product> {
        self.trust.product(id)
    }

    /// A product given by its number, or by its name in the trust file.
    pub fn product_id(&self, number_or_name: &str) -> Result<u16, ClientError> {
        match number_or_name.parse::<u16>() {
            Ok(id) => Ok(id),
            Err(_) => self
                .trust
                .find_product(number_or_name)
                .map(|p| p.id)
                .ok_or_else(|| ClientError::UnknownProduct(number_or_name.to_string())),
        }
    }

    /// A new installation at counter 0, bound to this machine, with the
    /// licence's registration code when it has one (the purchase
    /// confirmation gives it; binding a new installation needs it).
    pub fn init(
        &self,
        serial: SerialNumber,
        product: u16,
        registration_code: Option<&RegistrationCode>,
    ) -> Result<License, ClientError> {
        let _lock = store::lock(&self.path).map_err(ClientError::io("cannot lock the licence file"))?;
        if self.path.exists() {
            return Err(ClientError::LicenseExists(self.path.clone()));
        }
        let mut random = [0u8; 16];
        getrandom::fill(&mut random).map_err(|e| ClientError::Io {
            context: "cannot get random bytes".into(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let install_id: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let file = LicenseFile {
            format: FILE_FORMAT,
            product,
            serial,
            key_id: derive_key_id(&self.machine, &install_id),
            install_id,
            counter: 0,
            response_code: None,
            entitlements: Entitlements::new(),
            registration_code: registration_code.map(RegistrationCode::to_code),
        };
        self.write(&file)?;
        self.load()
    }

    /// Reads and checks the licence file.
    pub fn load(&self) -> Result<License, ClientError> {
        let file = self.read_file()?;
        self.check(&file)
    }

    fn read_file(&self) -> Result<LicenseFile, ClientError> {
        match self.read_stored()? {
            Stored::Licence(file) => Ok(file),
            Stored::Released(r) => Err(ClientError::Released { on: r.released.on, code: r.released.release_code }),
        }
    }

    fn read_stored(&self) -> Result<Stored, ClientError> {
        let text = match std::fs::read_to_string(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ClientError::NoLicense(self.path.clone()))
            }
            other => other.map_err(ClientError::io(format!("cannot read {}", self.path.display())))?,
        };
        let corrupt = |reason: String| ClientError::CorruptLicense { path: self.path.clone(), reason };
        // A licence, or else a released marker; what is wrong is told as a licence.
        let stored = match serde_json::from_str::<LicenseFile>(&text) {
            Ok(file) => Stored::Licence(file),
            Err(e) => Stored::Released(serde_json::from_str(&text).map_err(|_| corrupt(e.to_string()))?),
        };
        let format = match &stored {
            Stored::Licence(f) => f.format,
            Stored::Released(r) => r.format,
        };
        if format != FILE_FORMAT {
            return Err(corrupt(format!("file format {format} is not {FILE_FORMAT}")));
        }
        Ok(stored)
    }

    /// Gives this installation's place on the licence back: checks the
    /// licence as usual, then, in one atomic step, replaces the licence file
    /// with a released marker that keeps the release code, and appends the
    /// code to the codes-sent log. Asked again, it answers the same code.
    /// Returns the code, and whether it was made now (not before).
    pub fn release(&self, today: Day, now_rfc3339: &str) -> Result<(ReleaseCode, bool), ClientError> {
        let _lock = store::lock(&self.path).map_err(ClientError::io("cannot lock the licence file"))?;
        let file = match self.read_stored()? {
            Stored::Released(r) => {
                let code = ReleaseCode::parse(&r.released.release_code).map_err(|_| ClientError::CorruptLicense {
                    path: self.path.clone(),
                    reason: "its release code does not read".into(),
                })?;
                return Ok((code, false));
            }
            Stored::Licence(file) => file,
        };
        let license = self.check(&file)?;
        let Some(held) = &license.response else { return Err(ClientError::NothingToRelease) };
        let code = ReleaseCode::new(license.serial, license.key_id, held, today);
        let marker = ReleasedFile {
            format: FILE_FORMAT,
            released: ReleasedMarker {
                product: license.product,
                serial: license.serial,
                key_id: license.key_id,
                counter: license.counter,
                on: today,
                release_code: code.to_code(),
            },
        };
        let json = serde_json::to_string_pretty(&marker).expect("serialisable") + "\n";
        store::write_atomically(&self.path, json.as_bytes())
            .map_err(ClientError::io(format!("cannot write {}", self.path.display())))?;
        let line = format!("{now_rfc3339} release counter={} {}", license.counter, code.to_code());
        store::append_line(&self.codes_sent_log(), &line)
            .map_err(ClientError::io(format!("cannot append to {}", self.codes_sent_log().display())))?;
        Ok((code, true))
    }

    fn check(&self, file: &LicenseFile) -> Result<License, ClientError> {
        if derive_key_id(&self.machine, &file.install_id) != file.key_id {
            return Err(ClientError::CopiedLicense(self.path.clone()));
        }
        let tampered = |reason| ClientError::TamperedLicense { path: self.path.clone(), reason };
        let installation =
            Installation { product: file.product, serial: file.serial, key_id: file.key_id, counter: file.counter };
        let response = match &file.response_code {
            None if file.counter == 0 && file.entitlements.is_empty() => None,
            None => return Err(tampered(Tampering::NoResponse)),
            Some(code) => {
                let response = ResponseCode::parse(code).map_err(|_| tampered(Tampering::Unreadable))?;
                response.verify_for(&installation, &self.keys).map_err(|e| match e {
                    CodeError::UnknownSigningKey { .. } => ClientError::Code(e),
                    CodeError::AnotherProduct { .. } | CodeError::AnotherInstallation { .. } => {
                        tampered(Tampering::AnotherInstallation)
                    }
                    _ => tampered(Tampering::Signature),
                })?;
                if response.to_counter != file.counter || response.entitlements != file.entitlements {
                    return Err(tampered(Tampering::Differs));
                }
                Some(response)
            }
        };
        let registration_code = match &file.registration_code {
            None => None,
            Some(text) => Some(RegistrationCode::parse(text).map_err(|e| ClientError::CorruptLicense {
                path: self.path.clone(),
                reason: format!("its registration code does not read: {e}"),
            })?),
        };
        Ok(License {
            product: file.product,
            serial: file.serial,
            key_id: file.key_id,
            counter: file.counter,
            entitlements: file.entitlements.clone(),
            response,
            machine_bound: self.machine.is_known(),
            registration_code,
        })
    }

    fn write(&self, file: &LicenseFile) -> Result<(), ClientError> {
        let json = serde_json::to_string_pretty(file).expect("serialisable") + "\n";
        store::write_atomically(&self.path, json.as_bytes())
            .map_err(ClientError::io(format!("cannot write {}", self.path.display())))
    }

    /// The codes-sent log beside the licence file: `<stem>.codes-sent.log`.
    pub fn codes_sent_log(&self) -> PathBuf {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        store::parent_dir(&self.path).join(format!("{stem}.codes-sent.log"))
    }

    /// Makes the request code for the current state and appends it to the
    /// codes-sent log, so a lost code can be found again.
    pub fn create_code(&self, today: Day, now_rfc3339: &str) -> Result<RequestCode, ClientError> {
        let license = self.load()?;
        let mut request = RequestCode {
            product: license.product,
            serial: license.serial,
            key_id: license.key_id,
            counter: license.counter,
            entitlement_digest: license.entitlements.digest(),
            created: today,
        };
        // At update 0 the digest field proves the registration code (docs/codes.md §3).
        if let (0, Some(code)) = (license.counter, &license.registration_code) {
            request.entitlement_digest = code.tag(&request);
        }
        let line = format!("{now_rfc3339} counter={} {}", license.counter, request.to_code());
        store::append_line(&self.codes_sent_log(), &line)
            .map_err(ClientError::io(format!("cannot append to {}", self.codes_sent_log().display())))?;
        Ok(request)
    }

    /// Verifies a response code and installs it. On any error the licence
    /// file is left exactly as it was.
    pub fn enter_code(&self, text: &str) -> Result<Applied, ClientError> {
        let _lock = store::lock(&self.path).map_err(ClientError::io("cannot lock the licence file"))?;
        let file = self.read_file()?;
        let license = self.check(&file)?;
        let response = ResponseCode::parse(text)?;
        self.check_applies(&license, &response)?;
        let changes = response.entitlements.changes_from(&license.entitlements, self.product(license.product));
        let updated = LicenseFile {
            counter: response.to_counter,
            response_code: Some(response.to_code()),
            entitlements: response.entitlements.clone(),
            registration_code: None,
            ..file
        };
        self.write(&updated)?;
        Ok(Applied { from_counter: license.counter, license: self.check(&updated)?, changes })
    }

    /// Whether `response` applies to this licence now ([`ResponseCode::applies_to`]),
    /// with products named from the trust file and TOO_OLD told apart when
    /// it is the very response the licence holds.
    pub fn check_applies(&self, license: &License, response: &ResponseCode) -> Result<(), ClientError> {
        response.applies_to(&license.installation(), &self.keys).map_err(|e| match e {
            CodeError::AnotherProduct { expected, found } => {
                let name = |id: u16| self.product(id).map_or_else(|| id.to_string(), |p| format!("{} ({id})", p.name));
                ClientError::AnotherProduct { expected: name(expected), found: name(found) }
            }
            CodeError::TooOld { counter, to_counter } if license.response.as_ref() == Some(response) => {
                ClientError::AlreadyApplied { counter, to_counter }
            }
            other => ClientError::Code(other),
        })
    }

    pub fn keys(&self) -> &TrustedKeys {
        &self.keys
    }
}
