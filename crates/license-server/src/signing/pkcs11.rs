//! Signing keys held by a PKCS#11 token (an HSM, a smart card, SoftHSM):
//! responses are signed by the token with CKM_EDDSA, and the private key
//! never leaves it (made there sensitive and not extractable). The token
//! and its PIN are named by a PKCS#11 URI (RFC 7512), e.g.
//! `pkcs11:token=licensing?pin-source=/etc/license-server/pin`.
//!
//! Key ids are the keys' CKA_ID, one byte, as the data directory's file
//! names are: every Ed25519 key pair on the token with such an id is
//! published, and the highest (or the one the URI names with `id` or
//! `object`) signs. Rotation is `keygen --pkcs11 URI`, then a restart.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::eddsa::{EddsaParams, EddsaSignatureScheme};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use license_codes::{Signature, SignatureError, VerifyingKey};

/// Where the token is and how to open it: the URI and the module (the
/// vendor's PKCS#11 library, `--pkcs11-module`, or the URI's `module-path`).
#[derive(Clone)]
pub struct TokenSettings {
    pub uri: String,
    pub module: Option<PathBuf>,
    /// The user PIN when neither `pin-value` nor `pin-source` is in the URI
    /// (`LICENSE_SERVER_PKCS11_PIN`).
    pub pin: Option<String>,
}

impl std::fmt::Debug for TokenSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URI may carry the PIN (pin-value): never printed.
        f.debug_struct("TokenSettings").field("module", &self.module).finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the PKCS#11 URI {0}")]
    Uri(String),
    #[error(
        "no PKCS#11 module: give --pkcs11-module PATH (LICENSE_SERVER_PKCS11_MODULE), the token vendor's library, \
         e.g. /usr/lib/softhsm/libsofthsm2.so"
    )]
    NoModule,
    #[error("cannot load the PKCS#11 module {0}: {1}")]
    Module(PathBuf, String),
    #[error("no token matches the URI ({0}); tokens present: {1}")]
    NoToken(String, String),
    #[error("{0} tokens match the URI: name one with token=LABEL or serial=SERIAL")]
    SeveralTokens(usize),
    #[error("the token refused the PIN ({0}): check pin-value, pin-source or LICENSE_SERVER_PKCS11_PIN")]
    Login(String),
    #[error("cannot read the PIN from {0}: {1}")]
    PinSource(PathBuf, std::io::Error),
    #[error("the token holds no Ed25519 signing key{0}: make one with license-server keygen --pkcs11 URI")]
    NoKey(String),
    #[error("the token's key {0} has no public half (CKA_EC_POINT) that is an Ed25519 key")]
    PublicKey(u8),
    #[error("the token: {0}")]
    Token(#[from] cryptoki::error::Error),
}

/// The URI's attributes this server understands (RFC 7512).
#[derive(Debug, Default, PartialEq, Eq)]
struct Uri {
    token: Option<String>,
    serial: Option<String>,
    slot_id: Option<u64>,
    object: Option<String>,
    id: Option<Vec<u8>>,
    pin_value: Option<String>,
    pin_source: Option<String>,
    module_path: Option<String>,
}

impl Uri {
    fn parse(text: &str) -> Result<Uri, TokenError> {
        let bad = |why: String| TokenError::Uri(why);
        let rest = text.strip_prefix("pkcs11:").ok_or_else(|| bad("must start with pkcs11:".into()))?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut uri = Uri::default();
        let pairs = path.split(';').map(|p| (p, true)).chain(query.split('&').map(|q| (q, false)));
        for (pair, in_path) in pairs.filter(|(p, _)| !p.is_empty()) {
            let (name, value) = pair.split_once('=').ok_or_else(|| bad(format!("has {pair:?} without a value")))?;
            let bytes = percent_decode(value).ok_or_else(|| bad(format!("has a bad %-escape in {name}")))?;
            let text = || String::from_utf8(bytes.clone()).map_err(|_| bad(format!("{name} is not UTF-8")));
            match (name, in_path) {
                ("token", true) => uri.token = Some(text()?),
                ("serial", true) => uri.serial = Some(text()?),
                ("slot-id", true) => {
                    uri.slot_id = Some(text()?.parse().map_err(|_| bad("slot-id is not a number".into()))?)
                }
                ("object", true) => uri.object = Some(text()?),
                ("id", true) => uri.id = Some(bytes),
                ("type", true) if matches!(value, "private" | "public") => {}
                (
                    "manufacturer" | "model" | "library-manufacturer" | "library-description" | "library-version",
                    true,
                ) => {}
                ("pin-value", false) => uri.pin_value = Some(text()?),
                ("pin-source", false) => uri.pin_source = Some(text()?),
                ("module-path", false) => uri.module_path = Some(text()?),
                ("module-name", false) => {}
                _ => return Err(bad(format!("has {name}, which this server does not use"))),
            }
        }
        Ok(uri)
    }

    fn pin(&self, fallback: Option<&str>) -> Result<Option<AuthPin>, TokenError> {
        if let Some(pin) = &self.pin_value {
            return Ok(Some(AuthPin::from(pin.clone())));
        }
        if let Some(source) = &self.pin_source {
            let path = PathBuf::from(source.strip_prefix("file:").unwrap_or(source));
            let text = std::fs::read_to_string(&path).map_err(|e| TokenError::PinSource(path, e))?;
            return Ok(Some(AuthPin::from(text.trim_end_matches(['\r', '\n']).to_string())));
        }
        Ok(fallback.map(|p| AuthPin::from(p.to_string())))
    }

    /// What the URI names of the token, for messages.
    fn describe(&self) -> String {
        match (&self.token, &self.serial, self.slot_id) {
            (Some(label), _, _) => format!("token={label}"),
            (_, Some(serial), _) => format!("serial={serial}"),
            (_, _, Some(slot)) => format!("slot-id={slot}"),
            _ => "any token".into(),
        }
    }
}

fn percent_decode(value: &str) -> Option<Vec<u8>> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// An open, logged-in token.
pub struct Token {
    context: Pkcs11,
    slot: Slot,
    label: String,
    uri: Uri,
    /// Sessions not in use. PKCS#11 sessions are not for two threads at
    /// once; signing takes one, and the login of the first holds for all.
    idle: Mutex<Vec<Session>>,
}

impl Token {
    /// Loads the module, finds the token the URI names, and logs in.
    pub fn open(settings: &TokenSettings) -> Result<Arc<Token>, TokenError> {
        let uri = Uri::parse(&settings.uri)?;
        let module = settings
            .module
            .clone()
            .or_else(|| uri.module_path.as_ref().map(PathBuf::from))
            .ok_or(TokenError::NoModule)?;
        let context = Pkcs11::new(&module).map_err(|e| TokenError::Module(module.clone(), e.to_string()))?;
        context
            .initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
            .map_err(|e| TokenError::Module(module.clone(), e.to_string()))?;
        let mut matching = Vec::new();
        let mut present = Vec::new();
        for slot in context.get_slots_with_token()? {
            let info = context.get_token_info(slot)?;
            let (label, serial) = (info.label().trim().to_string(), info.serial_number().trim().to_string());
            present.push(format!("{label:?} (serial {serial})"));
            let fits = uri.token.as_deref().is_none_or(|t| t == label)
                && uri.serial.as_deref().is_none_or(|s| s == serial)
                && uri.slot_id.is_none_or(|id| id == slot.id());
            if fits {
                matching.push((slot, label));
            }
        }
        let (slot, label) = match matching.len() {
            1 => matching.remove(0),
            0 => return Err(TokenError::NoToken(uri.describe(), present.join(", "))),
            n => return Err(TokenError::SeveralTokens(n)),
        };
        let session = context.open_rw_session(slot)?;
        let pin = uri.pin(settings.pin.as_deref())?;
        match session.login(UserType::User, pin.as_ref()) {
            Ok(()) => {}
            Err(cryptoki::error::Error::Pkcs11(cryptoki::error::RvError::UserAlreadyLoggedIn, _)) => {}
            Err(e) => return Err(TokenError::Login(e.to_string())),
        }
        Ok(Arc::new(Token { context, slot, label, uri, idle: Mutex::new(vec![session]) }))
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    fn with_session<T>(&self, f: impl FnOnce(&Session) -> Result<T, TokenError>) -> Result<T, TokenError> {
        let taken = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let session = match taken {
            Some(s) => s,
            None => self.context.open_rw_session(self.slot)?,
        };
        let result = f(&session);
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(session);
        result
    }

    /// Every Ed25519 signing key on the token with a one-byte id, and which
    /// one signs (the URI's `id` or `object`, else the highest id).
    pub fn keys(self: &Arc<Self>) -> Result<(Vec<(u8, TokenKey)>, u8), TokenError> {
        let found = self.with_session(|session| {
            let template = [Attribute::Class(ObjectClass::PRIVATE_KEY), Attribute::KeyType(KeyType::EC_EDWARDS)];
            let mut keys = Vec::new();
            for private in session.find_objects(&template)? {
                let attributes = session.get_attributes(private, &[AttributeType::Id, AttributeType::Label])?;
                let (mut id, mut label) = (None, String::new());
                for a in attributes {
                    match a {
                        Attribute::Id(bytes) if bytes.len() == 1 && bytes[0] > 0 => id = Some(bytes[0]),
                        Attribute::Label(bytes) => label = String::from_utf8_lossy(&bytes).into_owned(),
                        _ => {}
                    }
                }
                let Some(id) = id else { continue };
                let public = public_key(session, id)?;
                keys.push((id, label, private, public));
            }
            Ok(keys)
        })?;
        let active = found
            .iter()
            .filter(|(id, label, _, _)| {
                self.uri.id.as_deref().is_none_or(|want| want == [*id])
                    && self.uri.object.as_deref().is_none_or(|want| want == label)
            })
            .map(|(id, _, _, _)| *id)
            .max();
        let Some(active) = active else {
            let which = match (&self.uri.object, &self.uri.id) {
                (Some(o), _) => format!(" labelled {o:?}"),
                (_, Some(id)) => format!(" with id {}", hex::encode(id)),
                _ => String::new(),
            };
            return Err(TokenError::NoKey(which));
        };
        let keys = found
            .into_iter()
            .map(|(id, _, private, public)| (id, TokenKey { token: self.clone(), private, public }))
            .collect();
        Ok((keys, active))
    }

    /// Makes an Ed25519 key pair with id `id` on the token: the private half
    /// sensitive and not extractable, so it can sign and never be read.
    pub fn generate(&self, id: u8) -> Result<(String, VerifyingKey), TokenError> {
        let label = self.uri.object.clone().unwrap_or_else(|| format!("license-server signing key {id}"));
        self.with_session(|session| {
            let common = |private: bool| {
                vec![
                    Attribute::Token(true),
                    Attribute::Id(vec![id]),
                    Attribute::Label(label.clone().into_bytes()),
                    Attribute::Private(private),
                ]
            };
            let private =
                [common(true), vec![Attribute::Sign(true), Attribute::Sensitive(true), Attribute::Extractable(false)]]
                    .concat();
            // RFC 8410's id-Ed25519; older tokens know the curve by name only.
            let mut made = Err(TokenError::NoKey(String::new()));
            for params in [ED25519_OID.to_vec(), ED25519_NAME.to_vec()] {
                let public = [common(false), vec![Attribute::Verify(true), Attribute::EcParams(params)]].concat();
                match session.generate_key_pair(&Mechanism::EccEdwardsKeyPairGen, &public, &private) {
                    Ok(_) => {
                        made = Ok(());
                        break;
                    }
                    Err(e) => made = Err(e.into()),
                }
            }
            made?;
            Ok((label.clone(), public_key(session, id)?))
        })
    }

    /// The key ids in use on the token (any key type), for the next id.
    pub fn ids(&self) -> Result<Vec<u8>, TokenError> {
        self.with_session(|session| {
            let mut ids = Vec::new();
            for object in session.find_objects(&[])? {
                for a in session.get_attributes(object, &[AttributeType::Id])? {
                    if let Attribute::Id(bytes) = a {
                        if bytes.len() == 1 {
                            ids.push(bytes[0]);
                        }
                    }
                }
            }
            Ok(ids)
        })
    }
}

/// DER of the OID 1.3.101.112 (id-Ed25519).
const ED25519_OID: [u8; 5] = [0x06, 0x03, 0x2b, 0x65, 0x70];
/// DER of the PrintableString "edwards25519".
const ED25519_NAME: [u8; 14] = [0x13, 0x0c, b'e', b'd', b'w', b'a', b'r', b'd', b's', b'2', b'5', b'5', b'1', b'9'];

/// The public half of key `id`: CKA_EC_POINT, a DER OCTET STRING of the 32
/// bytes (or the 32 bytes themselves, as some tokens give them).
fn public_key(session: &Session, id: u8) -> Result<VerifyingKey, TokenError> {
    let template = [Attribute::Class(ObjectClass::PUBLIC_KEY), Attribute::Id(vec![id])];
    let public = session.find_objects(&template)?.into_iter().next().ok_or(TokenError::PublicKey(id))?;
    for a in session.get_attributes(public, &[AttributeType::EcPoint])? {
        if let Attribute::EcPoint(point) = a {
            let raw = match point.as_slice() {
                [0x04, 0x20, rest @ ..] if rest.len() == 32 => rest,
                raw if raw.len() == 32 => raw,
                _ => continue,
            };
            let bytes: [u8; 32] = raw.try_into().expect("32 bytes");
            return VerifyingKey::from_bytes(&bytes).map_err(|_| TokenError::PublicKey(id));
        }
    }
    Err(TokenError::PublicKey(id))
}

/// One key on the token: signs there, and knows its public half.
pub struct TokenKey {
    token: Arc<Token>,
    private: ObjectHandle,
    public: VerifyingKey,
}

impl TokenKey {
    pub fn verifying_key(&self) -> VerifyingKey {
        self.public
    }

    pub fn sign(&self, message: &[u8]) -> Result<Signature, SignatureError> {
        let mechanism = Mechanism::Eddsa(EddsaParams::new(EddsaSignatureScheme::Pure));
        let bytes =
            self.token.with_session(|session| Ok(session.sign(&mechanism, self.private, message)?)).map_err(|e| {
                // The signature crate's error carries no cause (no_std): the log does.
                tracing::error!(token = %self.token.label, error = %e, "the token did not sign");
                SignatureError::new()
            })?;
        Signature::from_slice(&bytes)
    }
}

#[cfg(test)]
mod uri {
    use super::*;

    #[test]
    fn reads_rfc_7512_uris() {
        let uri =
            Uri::parse("pkcs11:token=Licensing%20HSM;id=%02;object=key?pin-value=12%3434&module-path=/usr/lib/m.so")
                .unwrap();
        assert_eq!(uri.token.as_deref(), Some("Licensing HSM"));
        assert_eq!(uri.id, Some(vec![2]));
        assert_eq!(uri.object.as_deref(), Some("key"));
        assert_eq!(uri.pin_value.as_deref(), Some("12434"));
        assert_eq!(uri.module_path.as_deref(), Some("/usr/lib/m.so"));
        assert_eq!(Uri::parse("pkcs11:").unwrap(), Uri::default());
    }

    #[test]
    fn says_what_is_wrong() {
        for (text, said) in [
            ("token=x", "must start with pkcs11:"),
            ("pkcs11:token", "without a value"),
            ("pkcs11:id=%zz", "bad %-escape"),
            ("pkcs11:colour=red", "colour"),
            ("pkcs11:?pin-value", "without a value"),
        ] {
            let e = Uri::parse(text).unwrap_err().to_string();
            assert!(e.contains(said), "{text}: {e}");
        }
    }

    #[test]
    fn debug_prints_no_pin() {
        let s = TokenSettings { uri: "pkcs11:?pin-value=secret-pin".into(), module: None, pin: Some("other".into()) };
        let shown = format!("{s:?}");
        assert!(!shown.contains("secret-pin") && !shown.contains("other"), "{shown}");
    }
}
