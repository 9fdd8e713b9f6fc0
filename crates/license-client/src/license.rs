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

use crate::clock::{self, Now};
use crate::error::Tampering;
use crate::{store, ClientError, MachineIdentity};

/// Version of the licence file layout: 2 adds the seal, the latest time
/// seen and the seat ledger.
const FILE_FORMAT: u32 = 2;
/// Files written by earlier releases: no seal, no clock record, no seats.
/// Read as they are; the next change writes them in the current format.
const UNSEALED_FORMAT: u32 = 1;

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
    /// The latest time the library has seen (RFC 3339, UTC): a clock more
    /// than 48 hours behind it is refused (`clock.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_seen: Option<String>,
    /// The seat ledger: who holds a seat of which count (`seats.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<SeatClaim>,
    /// Binds everything above to this installation on this machine
    /// ([`seal_of`]): a hand-edited ledger or clock record is refused like
    /// a hand-edited licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
}

/// One client holding a seat of a count entitlement.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatClaim {
    /// The count entitlement's name (`clients`).
    pub entitlement: String,
    /// Who holds it, as the program names its client.
    pub holder: String,
    /// When it was first claimed (RFC 3339, UTC).
    pub claimed_at: String,
    /// When the claim lapses unless claimed again (`--lease-minutes`);
    /// absent: held until released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
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

/// The seal: the first 16 bytes of SHA-256("license-client v1 seal\0" ||
/// machine identity || 0 || the file without its seal, as JSON), in hex.
/// Keyed with the machine identity, which is not in the file, it detects an
/// edit made with a text editor, as the key id detects a copied file; it is
/// not a secret against someone who reverse-engineers the program.
pub fn seal_of(machine: &MachineIdentity, file: &LicenseFile) -> String {
    let unsealed = LicenseFile { seal: None, ..file.clone() };
    let mut h = Sha256::new();
    h.update(b"license-client v1 seal\0");
    h.update(machine.bytes());
    h.update([0]);
    h.update(serde_json::to_vec(&unsealed).expect("serialisable"));
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
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
    /// The latest time seen: the later of the recorded time and the first
    /// second of the held response's issue day (seconds since 1970, UTC).
    pub latest_seen: Option<i64>,
    /// The seat ledger as stored (expired leases included).
    pub seats: Vec<SeatClaim>,
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
        now: &Now,
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
        let mut file = LicenseFile {
            format: FILE_FORMAT,
            product,
            serial,
            key_id: derive_key_id(&self.machine, &install_id),
            install_id,
            counter: 0,
            response_code: None,
            entitlements: Entitlements::new(),
            registration_code: registration_code.map(RegistrationCode::to_code),
            latest_seen: Some(now.rfc3339.clone()),
            seats: Vec::new(),
            seal: None,
        };
        self.write(&mut file)?;
        self.load()
    }

    /// Reads and checks the licence file, whatever the clock says: for
    /// showing what a code applies to. What the program does with its
    /// licence goes through [`Licensing::status`].
    pub fn load(&self) -> Result<License, ClientError> {
        let file = self.read_file()?;
        self.check(&file)
    }

    /// The licence now: checked, the clock checked against the latest time
    /// seen, and that time recorded when the file has none yet (an earlier
    /// release's file, sealed so) or it is an hour stale (best effort: a
    /// licence file the program may only read still answers).
    pub fn status(&self, now: &Now) -> Result<License, ClientError> {
        let file = self.read_file()?;
        let license = self.check(&file)?;
        clock::check(now, license.latest_seen)?;
        let stale = license.latest_seen.is_none_or(|latest| now.unix > latest + clock::RECORD_EVERY_SECONDS);
        if file.latest_seen.is_none() || stale {
            if let Ok(((), recorded)) = self.change(now, |_, _| Ok(())) {
                return Ok(recorded);
            }
        }
        Ok(license)
    }

    /// Changes the licence file under its lock: reads and checks it, checks
    /// the clock, lets `edit` change it, records the time and writes it
    /// atomically. `edit` sees the file and the licence it holds.
    pub(crate) fn change<T>(
        &self,
        now: &Now,
        edit: impl FnOnce(&mut LicenseFile, &License) -> Result<T, ClientError>,
    ) -> Result<(T, License), ClientError> {
        let _lock = store::lock(&self.path).map_err(ClientError::io("cannot lock the licence file"))?;
        let mut file = self.read_file()?;
        let license = self.check(&file)?;
        clock::check(now, license.latest_seen)?;
        let result = edit(&mut file, &license)?;
        let latest = license.latest_seen.map_or(now.unix, |l| l.max(now.unix));
        file.latest_seen = Some(clock::rfc3339(latest));
        self.write(&mut file)?;
        Ok((result, self.check(&file)?))
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
        if format != FILE_FORMAT && format != UNSEALED_FORMAT {
            return Err(corrupt(format!("file format {format} is not {FILE_FORMAT}")));
        }
        Ok(stored)
    }

    /// Gives this installation's place on the licence back: checks the
    /// licence as usual, then, in one atomic step, replaces the licence file
    /// with a released marker that keeps the release code, and appends the
    /// code to the codes-sent log. Asked again, it answers the same code.
    /// Returns the code, and whether it was made now (not before).
    pub fn release(&self, now: &Now) -> Result<(ReleaseCode, bool), ClientError> {
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
        clock::check(now, license.latest_seen)?;
        let today = now.today;
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
        let line = format!("{} release counter={} {}", now.rfc3339, license.counter, code.to_code());
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
        let sealed = match (file.format, &file.seal) {
            (UNSEALED_FORMAT, None) => file.latest_seen.is_none() && file.seats.is_empty(),
            (FILE_FORMAT, Some(seal)) => *seal == seal_of(&self.machine, file),
            _ => false,
        };
        if !sealed {
            return Err(tampered(Tampering::Ledger));
        }
        let recorded = match &file.latest_seen {
            None => None,
            Some(text) => Some(clock::parse_rfc3339(text).ok_or_else(|| tampered(Tampering::Ledger))?),
        };
        let issued = response.as_ref().map(|r| clock::start_of(r.issued));
        let latest_seen = recorded.max(issued);
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
            latest_seen,
            seats: file.seats.clone(),
        })
    }

    /// Writes the licence file in the current format, sealed.
    fn write(&self, file: &mut LicenseFile) -> Result<(), ClientError> {
        file.format = FILE_FORMAT;
        file.seal = Some(seal_of(&self.machine, file));
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
    pub fn create_code(&self, now: &Now) -> Result<RequestCode, ClientError> {
        let license = self.status(now)?;
        let today = now.today;
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
        let line = format!("{} counter={} {}", now.rfc3339, license.counter, request.to_code());
        store::append_line(&self.codes_sent_log(), &line)
            .map_err(ClientError::io(format!("cannot append to {}", self.codes_sent_log().display())))?;
        Ok(request)
    }

    /// Verifies a response code and installs it. On any error the licence
    /// file is left exactly as it was.
    pub fn enter_code(&self, text: &str, now: &Now) -> Result<Applied, ClientError> {
        let ((from_counter, changes), license) = self.change(now, |file, license| {
            let response = ResponseCode::parse(text)?;
            self.check_applies(license, &response)?;
            // The response's issue day is a time the licence has now seen:
            // a clock far behind it would be refused right after.
            clock::check(now, Some(clock::start_of(response.issued)))?;
            let changes = response.entitlements.changes_from(&license.entitlements, self.product(license.product));
            file.counter = response.to_counter;
            file.response_code = Some(response.to_code());
            file.entitlements = response.entitlements.clone();
            file.registration_code = None;
            Ok((license.counter, changes))
        })?;
        Ok(Applied { from_counter, license, changes })
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
