//! Turning a request code into a response code.
//!
//! One cumulative response brings the installation from the counter it
//! holds to the licence's latest state, so a customer never meets TOO_NEW
//! through the portal. Issuing is idempotent: the same installation at the
//! same counter, with nothing queued since, gets the stored response back,
//! byte for byte, however many times and however concurrently it asks.

use std::collections::HashMap;
use std::sync::RwLock;

use license_codes::{sign_response, Day, Entitlements, Grant, KeyId, Product, RequestCode};
use serde_json::{json, Value};

use crate::catalog;
use crate::db::{Db, Tx};
use crate::signing::SigningKeys;
use crate::ApiError;

/// What `POST /api/v1/activations` answers.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Activation {
    pub response_code: String,
    pub changes: Value,
    pub issued_at: String,
    pub already_issued: bool,
    pub serial: String,
    pub product: Value,
    pub from_counter: u16,
    pub to_counter: u16,
    pub signing_key_id: u8,
}

/// Products never change once added, so each is read once per process.
#[derive(Default)]
pub struct ProductCache(RwLock<HashMap<u16, Product>>);

impl ProductCache {
    pub async fn get(&self, db: &Db, id: u16) -> Result<Product, ApiError> {
        if let Some(p) = self.0.read().expect("not poisoned").get(&id) {
            return Ok(p.clone());
        }
        let product =
            catalog::product(db, id).await?.ok_or_else(|| ApiError::Internal(format!("product {id} missing")))?;
        self.0.write().expect("not poisoned").insert(id, product.clone());
        Ok(product)
    }
}

/// What one read finds about a request (see [`Issuer::look_up`]).
struct Lookup {
    license_id: i64,
    product_id: i64,
    latest: i64,
    /// The latest state's entitlements (JSON).
    latest_state: String,
    /// `None`: never bound; `Some(None)`: bound; `Some(Some(at))`: released at.
    binding: Option<Option<String>>,
    stored: Option<Stored>,
}

/// A response signed before the transaction, for the state it was signed for.
#[derive(Clone)]
pub struct Prepared {
    latest: i64,
    response_code: String,
    changes: Value,
    signer: u8,
}

/// A response issued before for exactly this request.
struct Stored {
    code: String,
    at: String,
    changes: String,
    to: i64,
    signer: i64,
}

pub struct Issuer<'a> {
    pub db: &'a Db,
    pub keys: &'a SigningKeys,
    pub products: &'a ProductCache,
    /// SQLite's group-committing writer; `None` on PostgreSQL.
    pub batcher: Option<&'a crate::batch::Batcher>,
}

fn serial_text(r: &RequestCode) -> String {
    r.serial.to_code()
}

impl Issuer<'_> {
    /// Checks the request code and answers it (see the module comment).
    pub async fn activate(&self, request: RequestCode) -> Result<Activation, ApiError> {
        let found = self.look_up(&request).await?;
        let found = found.ok_or_else(|| ApiError::UnknownSerial { serial: serial_text(&request) })?;
        if found.product_id != i64::from(request.product) {
            return Err(ApiError::WrongProduct {
                serial: serial_text(&request),
                licensed: found.product_id as u16,
                requested: request.product,
            });
        }
        if let (Some(stored), Some(None)) = (&found.stored, &found.binding) {
            return self.repeat(&request, stored).await;
        }
        let from = self.check_history(&found, &request).await?;
        let product = self.products.get(self.db, request.product).await?;
        let to = serde_json::from_str(&found.latest_state).map_err(|e| ApiError::Internal(e.to_string()))?;
        let prepared = self.prepare(&product, &request, found.latest, &from, to)?;
        self.issue(found.license_id, &request, prepared).await
    }

    /// One indexed read: the licence, this installation's binding, and the
    /// response already issued for exactly this request, if any.
    async fn look_up(&self, r: &RequestCode) -> Result<Option<Lookup>, ApiError> {
        type Row = (
            i64,
            i64,
            i64,
            String,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<i64>,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT l.id, l.product_id, l.latest_counter, s.entitlements, n.key_id, n.released_at, \
                    i.response_code, i.issued_at, i.changes, i.to_counter, i.signing_key_id \
             FROM licenses l \
             JOIN license_states s ON s.license_id = l.id AND s.counter = l.latest_counter \
             LEFT JOIN installations n ON n.license_id = l.id AND n.key_id = $2 \
             LEFT JOIN issuances i ON i.license_id = l.id AND i.key_id = $2 AND i.from_counter = $3 \
                  AND i.to_counter = l.latest_counter AND i.request_digest = $4 \
             WHERE l.serial = $1",
        )
        .bind(r.serial.value() as i64)
        .bind(r.key_id.0 as i64)
        .bind(i64::from(r.counter))
        .bind(i64::from(r.entitlement_digest))
        .fetch_optional(self.db.read())
        .await?;
        Ok(row.map(|(license_id, product_id, latest, latest_state, bound, released, code, at, changes, to, signer)| {
            Lookup {
                license_id,
                product_id,
                latest,
                latest_state,
                binding: bound.map(|_| released),
                stored: match (code, at, changes, to, signer) {
                    (Some(code), Some(at), Some(changes), Some(to), Some(signer)) => {
                        Some(Stored { code, at, changes, to, signer })
                    }
                    _ => None,
                },
            }
        }))
    }

    /// The answer to a request answered before: the stored response, byte for byte.
    async fn repeat(&self, r: &RequestCode, stored: &Stored) -> Result<Activation, ApiError> {
        let product = self.products.get(self.db, r.product).await?;
        Ok(Activation {
            response_code: stored.code.clone(),
            changes: serde_json::from_str(&stored.changes).unwrap_or(Value::Null),
            issued_at: stored.at.clone(),
            already_issued: true,
            serial: serial_text(r),
            product: json!({"id": product.id, "name": product.name}),
            from_counter: r.counter,
            to_counter: stored.to as u16,
            signing_key_id: stored.signer as u8,
        })
    }

    /// Checks that the installation and the counter it claims are ones this
    /// server issued, and that its entitlements are what was issued there.
    /// Returns those entitlements.
    async fn check_history(&self, found: &Lookup, r: &RequestCode) -> Result<Entitlements, ApiError> {
        let serial = serial_text(r);
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
            (Entitlements::new(), Entitlements::new().digest())
        } else {
            let (held, digest) = catalog::state_at(self.db, found.license_id, i64::from(r.counter))
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

    /// Signs the response from `from` (the state at the request's counter) to
    /// the latest state, outside any transaction: signing runs on every core
    /// while the writer only records.
    fn prepare(
        &self,
        product: &Product,
        r: &RequestCode,
        latest: i64,
        from: &Entitlements,
        to: Entitlements,
    ) -> Result<Prepared, ApiError> {
        let changes = json!(to.changes_from(from, Some(product)).iter().map(catalog::change_json).collect::<Vec<_>>());
        let (signer, signing_key) = self.keys.active();
        let grant = Grant {
            product: r.product,
            serial: r.serial,
            key_id: KeyId(r.key_id.0),
            from_counter: r.counter,
            to_counter: latest as u16,
            issued: Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp()),
            entitlements: to,
        };
        let response = sign_response(signing_key, signer, &grant).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(Prepared { latest, response_code: response.to_code(), changes, signer })
    }

    /// Binds the installation if it is new and records the prepared response,
    /// in one transaction (or the next group commit on SQLite).
    async fn issue(&self, license_id: i64, request: &RequestCode, prepared: Prepared) -> Result<Activation, ApiError> {
        if let Some(batcher) = self.batcher {
            return batcher.submit(license_id, *request, prepared).await;
        }
        let mut tx = self.db.begin().await?;
        self.db.lock_license(&mut tx, license_id).await?;
        let result = self.issue_in(&mut tx, license_id, request, prepared).await?;
        tx.commit().await?;
        Ok(result)
    }

    /// The writes of [`Self::issue`] inside `tx`, which the caller holds the
    /// licence's lock in and commits. If an upgrade was queued since the
    /// response was prepared, it is prepared again for the new latest state.
    pub(crate) async fn issue_in(
        &self,
        tx: &mut Tx,
        license_id: i64,
        r: &RequestCode,
        prepared: Prepared,
    ) -> Result<Activation, ApiError> {
        let product = self.products.get(self.db, r.product).await?;
        let row: (i64, i64, i64, Option<i64>, Option<String>) = sqlx::query_as(
            "SELECT l.latest_counter, l.bound_installations, l.max_installations, n.key_id, n.released_at \
             FROM licenses l LEFT JOIN installations n ON n.license_id = l.id AND n.key_id = $2 WHERE l.id = $1",
        )
        .bind(license_id)
        .bind(r.key_id.0 as i64)
        .fetch_one(&mut **tx)
        .await?;
        let (latest, bound_installations, max_installations, binding, released_at) = row;
        let key = r.key_id.0 as i64;
        // A new installation takes a place on the licence (a trigger counts it).
        match (binding, released_at) {
            (Some(_), Some(_)) => {
                return Err(ApiError::KeyIdNotFound {
                    serial: serial_text(r),
                    key_id: r.key_id.to_string(),
                    released: true,
                })
            }
            (Some(_), None) => {}
            (None, _) => {
                if bound_installations >= max_installations {
                    return Err(ApiError::InstallationLimit { serial: serial_text(r), max: max_installations });
                }
                sqlx::query("INSERT INTO installations (license_id, key_id, bound_at) VALUES ($1, $2, $3)")
                    .bind(license_id)
                    .bind(key)
                    .bind(catalog::now())
                    .execute(&mut **tx)
                    .await?;
            }
        }
        let prepared = if prepared.latest == latest {
            prepared
        } else {
            let from = if r.counter == 0 {
                Entitlements::new()
            } else {
                catalog::state_in_tx(tx, license_id, i64::from(r.counter)).await?
            };
            let to = catalog::state_in_tx(tx, license_id, latest).await?;
            self.prepare(&product, r, latest, &from, to)?
        };
        let issued_at = catalog::now();
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO issuances (license_id, key_id, from_counter, to_counter, request_code, request_digest, \
             response_code, changes, signing_key_id, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(license_id)
        .bind(key)
        .bind(i64::from(r.counter))
        .bind(latest)
        .bind(r.to_code())
        .bind(i64::from(r.entitlement_digest))
        .bind(&prepared.response_code)
        .bind(prepared.changes.to_string())
        .bind(i64::from(prepared.signer))
        .bind(&issued_at)
        .fetch_optional(&mut **tx)
        .await?;
        let activation = |response_code, issued_at, changes, signer, already_issued| Activation {
            response_code,
            changes,
            issued_at,
            already_issued,
            serial: serial_text(r),
            product: json!({"id": product.id, "name": product.name}),
            from_counter: r.counter,
            to_counter: latest as u16,
            signing_key_id: signer,
        };
        if inserted.is_some() {
            return Ok(activation(prepared.response_code, issued_at, prepared.changes, prepared.signer, false));
        }
        // Issued meanwhile by a concurrent identical request: answer with that one.
        let (code, at, changes, signer): (String, String, String, i64) = sqlx::query_as(
            "SELECT response_code, issued_at, changes, signing_key_id FROM issuances \
             WHERE license_id = $1 AND key_id = $2 AND from_counter = $3 AND to_counter = $4",
        )
        .bind(license_id)
        .bind(key)
        .bind(i64::from(r.counter))
        .bind(latest)
        .fetch_one(&mut **tx)
        .await?;
        Ok(activation(code, at, serde_json::from_str(&changes).unwrap_or(Value::Null), signer as u8, true))
    }
}
