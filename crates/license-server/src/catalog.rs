//! What the vendor manages: products, licences, the upgrades queued for
//! them, installations, and the audit log of every change. Used by the admin
//! API and by the `license-server` subcommands alike.

use std::collections::BTreeMap;

use license_codes::{Entitlements, Product, SerialNumber};
use serde_json::{json, Value};

use crate::db::{Db, Tx};
use crate::ApiError;

/// Now, as RFC 3339 in UTC (how every timestamp is stored).
pub fn now() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).expect("formattable")
}

/// Appends to the audit log inside the caller's transaction.
pub async fn audit(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    license_id: Option<i64>,
    detail: Value,
) -> Result<(), ApiError> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, license_id, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(now())
        .bind(actor)
        .bind(action)
        .bind(license_id)
        .bind(detail.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LicenseRow {
    pub id: i64,
    pub serial: i64,
    pub product_id: i64,
    pub contact_email: String,
    pub max_installations: i64,
    pub bound_installations: i64,
    pub latest_counter: i64,
    pub created_at: String,
}

impl LicenseRow {
    pub fn serial(&self) -> SerialNumber {
        SerialNumber::new(self.serial as u64).expect("stored serials fit 40 bits")
    }
}

const LICENSE_COLUMNS: &str =
    "id, serial, product_id, contact_email, max_installations, bound_installations, latest_counter, created_at";

pub async fn find_license(db: &Db, serial: SerialNumber) -> Result<Option<LicenseRow>, ApiError> {
    Ok(sqlx::query_as(&format!("SELECT {LICENSE_COLUMNS} FROM licenses WHERE serial = $1"))
        .bind(serial.value() as i64)
        .fetch_optional(db.read())
        .await?)
}

pub async fn license_in_tx(tx: &mut Tx, id: i64) -> Result<LicenseRow, ApiError> {
    Ok(sqlx::query_as(&format!("SELECT {LICENSE_COLUMNS} FROM licenses WHERE id = $1"))
        .bind(id)
        .fetch_one(&mut **tx)
        .await?)
}

fn parse_serial(text: &str) -> Result<SerialNumber, ApiError> {
    SerialNumber::parse(text).map_err(|e| ApiError::InvalidInput(format!("serial number: {e}")))
}

async fn license_by_text(db: &Db, serial: &str) -> Result<LicenseRow, ApiError> {
    let serial = parse_serial(serial)?;
    find_license(db, serial).await?.ok_or_else(|| ApiError::NotFound(format!("licence {serial}")))
}

fn product_from_row(id: i64, name: String, entitlements: &str) -> Result<Product, ApiError> {
    let entitlements = serde_json::from_str(entitlements).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Product { id: id as u16, name, entitlements })
}

pub async fn products(db: &Db) -> Result<Vec<Product>, ApiError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, entitlements FROM products ORDER BY id").fetch_all(db.read()).await?;
    rows.into_iter().map(|(id, name, e)| product_from_row(id, name, &e)).collect()
}

pub async fn product(db: &Db, id: u16) -> Result<Option<Product>, ApiError> {
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, entitlements FROM products WHERE id = $1")
            .bind(i64::from(id))
            .fetch_optional(db.read())
            .await?;
    row.map(|(id, name, e)| product_from_row(id, name, &e)).transpose()
}

/// A product by number or name.
pub async fn find_product(db: &Db, id_or_name: &str) -> Result<Product, ApiError> {
    let all = products(db).await?;
    let found = match id_or_name.parse::<u16>() {
        Ok(id) => all.into_iter().find(|p| p.id == id),
        Err(_) => all.into_iter().find(|p| p.name == id_or_name),
    };
    found.ok_or_else(|| ApiError::NotFound(format!("product '{id_or_name}'")))
}

pub async fn add_product(db: &Db, product: &Product, actor: &str) -> Result<(), ApiError> {
    product.validate().map_err(|e| ApiError::InvalidInput(e.to_string()))?;
    if product.name.trim().is_empty() {
        return Err(ApiError::InvalidInput("a product needs a name".into()));
    }
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO products (id, name, entitlements, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(i64::from(product.id))
    .bind(&product.name)
    .bind(serde_json::to_string(&product.entitlements).expect("serialisable"))
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(ApiError::Conflict(format!(
            "product {} or the name '{}' already exists",
            product.id, product.name
        )));
    }
    audit(&mut tx, actor, "product.add", None, json!(product)).await?;
    tx.commit().await?;
    Ok(())
}

/// Entitlement values as JSON (numbers, booleans for flags, "YYYY-MM-DD" or
/// null for dates) turned into `name=value` assignments.
pub fn assignments(values: &BTreeMap<String, Value>) -> Result<Vec<String>, ApiError> {
    values
        .iter()
        .map(|(name, value)| {
            let text = match value {
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
                Value::String(s) => s.clone(),
                Value::Null => "none".to_string(),
                other => {
                    return Err(ApiError::InvalidInput(format!("{name}: {other} is not a number, boolean or date")))
                }
            };
            Ok(format!("{name}={text}"))
        })
        .collect()
}

fn assign(product: &Product, base: &Entitlements, assignments: &[String]) -> Result<Entitlements, ApiError> {
    let mut e = base.clone();
    product.assign(&mut e, assignments).map_err(|e| ApiError::InvalidInput(e.to_string()))?;
    if e.encoded_bits() > license_codes::MAX_ENTITLEMENT_BITS {
        return Err(ApiError::InvalidInput(
            "these entitlements do not fit in a response code (at most 95 bits: use fewer or smaller values)".into(),
        ));
    }
    Ok(e)
}

pub struct NewLicense {
    pub product: String,
    pub contact_email: String,
    pub max_installations: i64,
    pub assignments: Vec<String>,
    /// A serial to use; a random one when absent.
    pub serial: Option<SerialNumber>,
}

/// Creates a licence with its purchased entitlements as state 1.
pub async fn create_license(db: &Db, new: NewLicense, actor: &str) -> Result<Value, ApiError> {
    let product = find_product(db, &new.product).await?;
    if !(1..=1_000_000).contains(&new.max_installations) {
        return Err(ApiError::InvalidInput("max_installations is from 1 to 1000000".into()));
    }
    if !new.contact_email.contains('@') {
        return Err(ApiError::InvalidInput("contact_email must be an email address".into()));
    }
    let entitlements = assign(&product, &Entitlements::new(), &new.assignments)?;
    let serial = match new.serial {
        Some(s) => s,
        None => {
            let mut bytes = [0u8; 5];
            getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
            SerialNumber::from_random_bytes(bytes)
        }
    };
    let mut tx = db.begin().await?;
    let id: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO licenses (serial, product_id, contact_email, max_installations, latest_counter, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(serial.value() as i64)
    .bind(i64::from(product.id))
    .bind(&new.contact_email)
    .bind(new.max_installations)
    .bind(now())
    .fetch_optional(&mut *tx)
    .await?;
    let (id,) = id.ok_or_else(|| ApiError::Conflict(format!("serial {serial} is already used")))?;
    insert_state(&mut tx, id, 1, &entitlements, "purchase", actor).await?;
    let view = json!({"serial": serial.to_code(), "product": product.name, "contact_email": new.contact_email,
        "max_installations": new.max_installations, "counter": 1,
        "entitlements": entitlements_json(&product, &entitlements)});
    audit(&mut tx, actor, "license.create", Some(id), view.clone()).await?;
    tx.commit().await?;
    Ok(view)
}

async fn insert_state(
    tx: &mut Tx,
    license_id: i64,
    counter: i64,
    e: &Entitlements,
    note: &str,
    actor: &str,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO license_states (license_id, counter, entitlements, digest, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(license_id)
    .bind(counter)
    .bind(serde_json::to_string(e).expect("serialisable"))
    .bind(i64::from(e.digest()))
    .bind(note)
    .bind(actor)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The entitlements of a licence at `counter`, read in `tx` or from the read pool.
pub async fn state_at(db: &Db, license_id: i64, counter: i64) -> Result<Option<(Entitlements, i64)>, ApiError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT entitlements, digest FROM license_states WHERE license_id = $1 AND counter = $2")
            .bind(license_id)
            .bind(counter)
            .fetch_optional(db.read())
            .await?;
    row.map(|(e, d)| Ok((serde_json::from_str(&e).map_err(|e| ApiError::Internal(e.to_string()))?, d))).transpose()
}

pub async fn state_in_tx(tx: &mut Tx, license_id: i64, counter: i64) -> Result<Entitlements, ApiError> {
    let (e,): (String,) =
        sqlx::query_as("SELECT entitlements FROM license_states WHERE license_id = $1 AND counter = $2")
            .bind(license_id)
            .bind(counter)
            .fetch_one(&mut **tx)
            .await?;
    serde_json::from_str(&e).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Queues an upgrade: the latest state with `assignments` applied becomes
/// the next counter. Installations get it with their next request.
pub async fn queue_upgrade(
    db: &Db,
    serial: &str,
    assignments: &[String],
    note: &str,
    actor: &str,
) -> Result<Value, ApiError> {
    let license = license_by_text(db, serial).await?;
    let product = product(db, license.product_id as u16)
        .await?
        .ok_or_else(|| ApiError::Internal("licence without product".into()))?;
    let mut tx = db.begin().await?;
    db.lock_license(&mut tx, license.id).await?;
    let license = license_in_tx(&mut tx, license.id).await?;
    if license.latest_counter >= i64::from(u16::MAX) {
        return Err(ApiError::Conflict("this licence has used all 65535 update counters".into()));
    }
    let current = state_in_tx(&mut tx, license.id, license.latest_counter).await?;
    let next = assign(&product, &current, assignments)?;
    if next == current {
        return Err(ApiError::InvalidInput("this upgrade changes nothing".into()));
    }
    let counter = license.latest_counter + 1;
    insert_state(&mut tx, license.id, counter, &next, note, actor).await?;
    sqlx::query("UPDATE licenses SET latest_counter = $1 WHERE id = $2")
        .bind(counter)
        .bind(license.id)
        .execute(&mut *tx)
        .await?;
    let changes = next.changes_from(&current, Some(&product));
    let view = json!({"serial": license.serial().to_code(), "counter": counter, "note": note,
        "changes": changes.iter().map(change_json).collect::<Vec<_>>(),
        "entitlements": entitlements_json(&product, &next)});
    audit(&mut tx, actor, "upgrade.queue", Some(license.id), view.clone()).await?;
    tx.commit().await?;
    Ok(view)
}

/// Releases an installation's binding, freeing its place on the licence.
pub async fn release_installation(db: &Db, serial: &str, key_id: &str, actor: &str) -> Result<Value, ApiError> {
    let license = license_by_text(db, serial).await?;
    let key = license_codes::KeyId::parse_hex(&key_id.to_uppercase())
        .ok_or_else(|| ApiError::InvalidInput("a key id is 16 hex digits".into()))?;
    let mut tx = db.begin().await?;
    db.lock_license(&mut tx, license.id).await?;
    let released = sqlx::query(
        "UPDATE installations SET released_at = $1 WHERE license_id = $2 AND key_id = $3 AND released_at IS NULL",
    )
    .bind(now())
    .bind(license.id)
    .bind(key.0 as i64)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if released == 0 {
        return Err(ApiError::NotFound(format!("a bound installation {key} on licence {}", license.serial())));
    }
    let view = json!({"serial": license.serial().to_code(), "key_id": key.to_string(), "released": true});
    audit(&mut tx, actor, "installation.release", Some(license.id), view.clone()).await?;
    tx.commit().await?;
    Ok(view)
}

pub fn change_json(c: &license_codes::Change) -> Value {
    json!({"name": c.name, "from": c.from, "to": c.to})
}

/// Entitlements by name, typed by kind (as in the `license` command's JSON).
pub fn entitlements_json(product: &Product, e: &Entitlements) -> Value {
    let mut map = serde_json::Map::new();
    for (slot, def) in product.entitlements.iter().enumerate() {
        let value = e.get(slot as u8);
        let v = match def.kind {
            license_codes::EntitlementKind::Count => json!(value),
            license_codes::EntitlementKind::Flag => json!(value != 0),
            license_codes::EntitlementKind::Date if value == 0 => Value::Null,
            license_codes::EntitlementKind::Date => {
                json!(Product::format_value(Some(product), slot as u8, value))
            }
        };
        map.insert(def.name.clone(), v);
    }
    Value::Object(map)
}

/// Everything support needs about one licence: its current state, every
/// state in order, its installations with the update each last received,
/// every response issued, and its audit log.
pub async fn show_license(db: &Db, serial: &str) -> Result<Value, ApiError> {
    let license = license_by_text(db, serial).await?;
    let product = product(db, license.product_id as u16)
        .await?
        .ok_or_else(|| ApiError::Internal("licence without product".into()))?;
    let states: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT counter, entitlements, note, created_by, created_at FROM license_states WHERE license_id = $1 ORDER BY counter",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    let mut state_views = Vec::new();
    let mut previous = Entitlements::new();
    let mut current = Entitlements::new();
    for (counter, e, note, by, at) in states {
        let e: Entitlements = serde_json::from_str(&e).map_err(|e| ApiError::Internal(e.to_string()))?;
        let changes: Vec<Value> = e.changes_from(&previous, Some(&product)).iter().map(change_json).collect();
        state_views
            .push(json!({"counter": counter, "note": note, "created_by": by, "created_at": at, "changes": changes}));
        previous = e.clone();
        current = e;
    }
    let installations: Vec<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT n.key_id, n.bound_at, n.released_at, \
         (SELECT MAX(i.to_counter) FROM issuances i WHERE i.license_id = n.license_id AND i.key_id = n.key_id) \
         FROM installations n WHERE n.license_id = $1 ORDER BY n.bound_at",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    let issuances: Vec<(i64, i64, i64, String, i64, String)> = sqlx::query_as(
        "SELECT key_id, from_counter, to_counter, issued_at, signing_key_id, response_code FROM issuances \
         WHERE license_id = $1 ORDER BY id",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    let audit: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT at, actor, action, detail FROM audit_log WHERE license_id = $1 ORDER BY id")
            .bind(license.id)
            .fetch_all(db.read())
            .await?;
    let key = |k: i64| license_codes::KeyId(k as u64).to_string();
    Ok(json!({
        "serial": license.serial().to_code(),
        "product": {"id": product.id, "name": product.name},
        "contact_email": license.contact_email,
        "created_at": license.created_at,
        "max_installations": license.max_installations,
        "bound_installations": license.bound_installations,
        "latest_counter": license.latest_counter,
        "entitlements": entitlements_json(&product, &current),
        "states": state_views,
        "installations": installations.into_iter().map(|(k, bound, released, last)| json!({
            "key_id": key(k), "bound_at": bound, "released_at": released, "last_issued_counter": last,
            "waiting": released.is_none() && last.unwrap_or(0) < license.latest_counter,
        })).collect::<Vec<_>>(),
        "issuances": issuances.into_iter().map(|(k, from, to, at, signer, code)| json!({
            "key_id": key(k), "from_counter": from, "to_counter": to, "issued_at": at,
            "signing_key_id": signer, "response_code": code,
        })).collect::<Vec<_>>(),
        "audit": audit.into_iter().map(|(at, actor, action, detail)| json!({
            "at": at, "actor": actor, "action": action,
            "detail": serde_json::from_str::<Value>(&detail).unwrap_or(Value::Null),
        })).collect::<Vec<_>>(),
    }))
}
