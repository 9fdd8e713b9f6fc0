//! Turning a request code into a response code.
//!
//! One cumulative response brings the installation from the counter it
//! holds to the licence's latest state, so a customer never meets TOO_NEW
//! through the portal. Issuing is idempotent: the same installation at the
//! same counter, with nothing queued since, gets the stored response back,
//! byte for byte, however many times and however concurrently it asks.
//!
//! The flow: [`Issuer::activate`] reads and checks ([`lookup`],
//! `check_history`), signs outside any transaction ([`signer`]), and hands
//! the signed response to the [`writer`], which records it. The writer
//! never calls back here.

pub mod lookup;
pub mod signer;
pub mod writer;

use license_api::{Activation, Channel, EntitlementChange, ProductRef};
use license_codes::{Entitlements, RegistrationCode, RequestCode};

use crate::catalog::{states, ProductCache};
use crate::db::Db;
use crate::signing::SigningKeys;
use crate::ApiError;
use lookup::{Lookup, Lookups};
use signer::Signer;
use writer::{IssueJob, Writer};

/// Where an issuance came from and who asked, for its history and the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub channel: Channel,
    /// The client's address for the portal and the program; the staff member for the console.
    pub actor: String,
}

/// What answering a request would do, found without signing or writing.
pub enum Evaluation {
    /// Asked before, with nothing queued since: the stored answer, byte for byte.
    Repeat(Activation),
    /// A new response from the installation's state to the latest.
    New(NewIssue),
}

/// A response to be issued: from the state the installation holds to the latest.
pub struct NewIssue {
    pub license_id: i64,
    pub latest: i64,
    pub from: Entitlements,
    pub to: Entitlements,
    pub product: license_codes::Product,
}

impl NewIssue {
    pub fn changes(&self) -> Vec<EntitlementChange> {
        self.to.changes_from(&self.from, Some(&self.product)).iter().map(EntitlementChange::from).collect()
    }
}

/// Answers request codes: reads, checks, signs, and hands the writes to the writer.
pub struct Issuer<'a> {
    pub db: &'a Db,
    pub keys: &'a std::sync::Arc<SigningKeys>,
    pub products: &'a ProductCache,
    pub lookups: &'a Lookups,
    pub writer: &'a Writer,
}

impl Issuer<'_> {
    /// Checks the request code and answers it (see the module comment).
    pub async fn activate(&self, request: RequestCode, origin: Origin) -> Result<Activation, ApiError> {
        match self.evaluate(&request).await? {
            Evaluation::Repeat(activation) => Ok(activation),
            Evaluation::New(new) => {
                let signer = Signer::new(self.keys.clone(), new.product);
                let prepared = signer.sign(&request, new.latest, &new.from, new.to)?;
                let job = IssueJob { license_id: new.license_id, request, prepared, signer, origin };
                self.writer.record(job).await
            }
        }
    }

    /// Every check of [`Self::activate`], without signing or writing: what
    /// answering `request` now would give, or the problem it would meet.
    /// The writer checks the installation limit again under the licence's lock.
    pub async fn evaluate(&self, request: &RequestCode) -> Result<Evaluation, ApiError> {
        let serial = request.serial.to_code();
        let found =
            self.lookups.find(request).await?.ok_or_else(|| ApiError::UnknownSerial { serial: serial.clone() })?;
        if found.product_id != i64::from(request.product) {
            return Err(ApiError::WrongProduct {
                serial,
                licensed: found.product_id as u16,
                requested: request.product,
            });
        }
        let product = self.products.get(self.db, request.product).await?;
        if let (Some(stored), Some(None)) = (&found.stored, &found.binding) {
            return Ok(Evaluation::Repeat(Activation {
                response_code: stored.code.clone(),
                changes: serde_json::from_str(&stored.changes).unwrap_or_default(),
                issued_at: stored.at.clone(),
                already_issued: true,
                serial,
                product: ProductRef { id: product.id, name: product.name },
                from_counter: request.counter,
                to_counter: stored.to as u16,
                signing_key_id: stored.signer as u8,
                mailed_to: None,
            }));
        }
        let from = self.check_history(&found, request).await?;
        if found.binding.is_none() && found.bound_installations >= found.max_installations {
            return Err(ApiError::InstallationLimit { serial, max: found.max_installations });
        }
        let to = serde_json::from_str(&found.latest_state).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(Evaluation::New(NewIssue { license_id: found.license_id, latest: found.latest, from, to, product }))
    }

    /// Checks that the installation and the counter it claims are ones this
    /// server issued, and that its entitlements are what was issued there.
    /// Returns those entitlements.
    async fn check_history(&self, found: &Lookup, r: &RequestCode) -> Result<Entitlements, ApiError> {
        let serial = r.serial.to_code();
        let key_id = r.key_id.to_string();
        match &found.binding {
            Some(Some(_)) => return Err(ApiError::KeyIdNotFound { serial, key_id, released: true }),
            None if r.counter > 0 => return Err(ApiError::KeyIdNotFound { serial, key_id, released: false }),
            _ => {}
        }
        let latest = found.latest;
        if r.counter > 0 {
            let issued: Option<(i64,)> = sqlx::query_as(
                "SELECT id FROM issuances WHERE license_id = $1 AND key_id = $2 AND to_counter = $3 LIMIT 1",
            )
            .bind(found.license_id)
            .bind(r.key_id.0 as i64)
            .bind(i64::from(r.counter))
            .fetch_optional(self.db.read())
            .await?;
            if issued.is_none() || i64::from(r.counter) > latest {
                return Err(ApiError::CounterNotIssued { counter: r.counter, latest });
            }
        }
        let (held, expected) = if r.counter == 0 {
            // At update 0 the digest field may carry the registration tag
            // instead (a new installation holds nothing to digest): binding
            // a new installation of a licence with a registration code needs
            // it; one already bound needs nothing new.
            let registration = found.registration_code.as_deref().and_then(|c| RegistrationCode::parse(c).ok());
            let proven = registration.as_ref().is_some_and(|c| c.is_proven_by(r));
            let empty = Entitlements::new().digest();
            if found.binding.is_none() && registration.is_some() && !proven {
                return Err(ApiError::RegistrationRequired { serial, given: r.entitlement_digest != empty });
            }
            (Entitlements::new(), if proven { r.entitlement_digest } else { empty })
        } else {
            let (held, digest) = states::state_at(self.db, found.license_id, i64::from(r.counter))
                .await?
                .ok_or(ApiError::CounterNotIssued { counter: r.counter, latest })?;
            (held, digest as u32)
        };
        if expected != r.entitlement_digest {
            return Err(ApiError::EntitlementMismatch { counter: r.counter });
        }
        if i64::from(r.counter) >= latest {
            return Err(ApiError::UpToDate { serial, counter: r.counter });
        }
        Ok(held)
    }
}

/// The changes of a response as stored with its issuance (JSON).
pub(crate) fn changes_json(changes: &[EntitlementChange]) -> String {
    serde_json::to_string(changes).expect("serialisable")
}
