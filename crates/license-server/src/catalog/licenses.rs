//! Licences: a serial number, its product, its technical contact, how many
//! installations it may bind, and the counter of its newest state.

use license_api::{
    Channel, EntitlementChange, EntitlementValue, EntitlementValues, IssuanceView, LicenseCreated, LicenseView,
    ProductRef, StateView,
};
use license_codes::messages::Lang;
use license_codes::{Entitlements, KeyId, SerialNumber};

use super::states::{self, StateRow};
use super::{installations, now, parse_serial};
use crate::db::{Db, Tx};
use crate::mail::outbox::{self, Reason};
use crate::mail::{compose, Announce};
use crate::webhooks::{self, Event};
use crate::{audit, resellers, ApiError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LicenseRow {
    pub id: i64,
    pub serial: i64,
    pub product_id: i64,
    pub contact_email: String,
    pub language: String,
    pub max_installations: i64,
    pub bound_installations: i64,
    pub latest_counter: i64,
    pub created_at: String,
    /// 1: the contact is told of the licence and its upgrades; 0: not (`--no-notify`).
    pub notify: i64,
    /// What binding a new installation needs; `None`: nothing (licences made
    /// before registration codes, or with `--no-registration-code`).
    pub registration_code: Option<String>,
    /// The reseller it belongs to (its email); `None`: the vendor's own.
    pub reseller: Option<String>,
}

impl LicenseRow {
    pub fn serial(&self) -> SerialNumber {
        SerialNumber::new(self.serial as u64).expect("stored serials fit 40 bits")
    }
}

const COLUMNS: &str =
    "id, serial, product_id, contact_email, language, max_installations, bound_installations, latest_counter, created_at, \
     notify, registration_code, reseller";

/// The licence with this serial; another reseller's is not found
/// ([`crate::resellers`]).
pub async fn find_license(db: &Db, serial: SerialNumber) -> Result<Option<LicenseRow>, ApiError> {
    let row: Option<LicenseRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM licenses WHERE serial = $1"))
        .bind(serial.value() as i64)
        .fetch_optional(db.read())
        .await?;
    Ok(row.filter(|l| !resellers::hidden(l.reseller.as_deref())))
}

pub async fn license_in_tx(tx: &mut Tx, id: i64) -> Result<LicenseRow, ApiError> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM licenses WHERE id = $1")).bind(id).fetch_one(&mut **tx).await?)
}

/// A licence by its serial number as an admin typed it.
pub(crate) async fn license_by_text(db: &Db, serial: &str) -> Result<LicenseRow, ApiError> {
    let serial = parse_serial(serial)?;
    find_license(db, serial).await?.ok_or_else(|| ApiError::NotFound(format!("licence {serial}")))
}

/// What a new licence is made of.
pub struct LicenseOrder {
    /// The product's number or name.
    pub product: String,
    pub contact_email: String,
    pub max_installations: i64,
    /// The purchased entitlements, `NAME=VALUE`.
    pub assignments: Vec<String>,
    /// A serial to use; a random one when absent.
    pub serial: Option<SerialNumber>,
    /// Releases the customer may make in 365 days; the server's default when absent.
    pub transfer_limit: Option<u16>,
    /// The language of the contact's mail: `en`, `fr` or `de`; English when absent.
    pub language: Option<String>,
    /// Whether the contact is told of the licence and its upgrades (a vendor
    /// who mails from its own systems says no); responses are mailed either way.
    pub notify: bool,
    /// Whether the licence gets a registration code (binding a new installation then needs it).
    pub registration: bool,
    /// The reseller it belongs to (an admin's choice; a reseller's licences are its own).
    pub reseller: Option<String>,
}

/// A language tag the catalogue has, exactly as stored (`en`, `fr`, `de`).
fn language_tag(tag: &str) -> Result<&'static str, ApiError> {
    Lang::ALL.iter().find(|l| l.tag() == tag).map(|l| l.tag()).ok_or_else(|| {
        ApiError::InvalidInput(format!(
            "language must be one of en, fr, de, not '{}'",
            tag.chars().take(20).collect::<String>()
        ))
    })
}

/// Sets the language of the mail licence `serial`'s contact receives.
pub async fn change_license(
    db: &Db,
    serial: &str,
    change: &license_api::LicenseChange,
    actor: &str,
) -> Result<(), ApiError> {
    let tag = change.language.as_deref().map(language_tag).transpose()?;
    let email = change.contact_email.as_deref().map(contact_email).transpose()?;
    let new_code = change.new_registration_code.unwrap_or(false);
    if tag.is_none() && email.is_none() && !new_code && change.reseller.is_none() {
        return Err(ApiError::InvalidInput(
            "nothing to change: give contact_email, language, new_registration_code or reseller".into(),
        ));
    }
    let license = license_by_text(db, serial).await?;
    // `""`: the vendor's own again; else a reseller that sells the product.
    let reseller = match change.reseller.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(chosen) => {
            let product = super::product(db, license.product_id as u16).await?.map(|p| p.name).unwrap_or_default();
            Some(Some(crate::staff::reseller_for(db, chosen, &product).await?))
        }
    };
    let mut tx = db.begin().await?;
    let mut changed = serde_json::Map::new();
    if let Some(tag) = tag.filter(|t| *t != license.language) {
        changed.insert("language".into(), serde_json::json!({"old": license.language, "new": tag}));
    }
    if let Some(tag) = tag {
        sqlx::query("UPDATE licenses SET language = $1 WHERE id = $2")
            .bind(tag)
            .bind(license.id)
            .execute(&mut *tx)
            .await?;
        audit::record(&mut tx, actor, "license.language", Some(license.id), serde_json::json!({"language": tag}))
            .await?;
    }
    if let Some(email) = email.filter(|e| *e != license.contact_email) {
        sqlx::query("UPDATE licenses SET contact_email = $1 WHERE id = $2")
            .bind(&email)
            .bind(license.id)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({"old": license.contact_email, "new": email});
        audit::record(&mut tx, actor, "license.contact_email", Some(license.id), detail.clone()).await?;
        changed.insert("contact_email".into(), detail);
    }
    if new_code {
        sqlx::query("UPDATE licenses SET registration_code = $1 WHERE id = $2")
            .bind(new_registration_code()?)
            .bind(license.id)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({"had_one": license.registration_code.is_some()});
        audit::record(&mut tx, actor, "license.registration_code", Some(license.id), detail).await?;
        changed.insert("registration_code".into(), serde_json::json!("new"));
    }
    if let Some(reseller) = reseller.filter(|r| *r != license.reseller) {
        sqlx::query("UPDATE licenses SET reseller = $1 WHERE id = $2")
            .bind(&reseller)
            .bind(license.id)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({"old": license.reseller, "new": reseller});
        audit::record(&mut tx, actor, "license.reseller", Some(license.id), detail.clone()).await?;
        changed.insert("reseller".into(), detail);
    }
    if !changed.is_empty() {
        let data = serde_json::json!({"serial": license.serial().to_code(), "changed": changed, "by": actor});
        webhooks::record(&mut tx, Event::LicenseUpdated, data).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A new random registration code, as stored and printed.
fn new_registration_code() -> Result<String, ApiError> {
    let mut bytes = [0u8; 13];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(license_codes::RegistrationCode::from_random_bytes(bytes).to_code())
}

/// A contact's address as given (spaces around it trimmed): one address
/// on one line. A control character (a line break could add a mail header)
/// is refused with its own words before the address's form is checked.
pub(crate) fn contact_email(text: &str) -> Result<String, ApiError> {
    let text = text.trim();
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(ApiError::InvalidInput(format!(
            "contact_email holds a control character (U+{:04X}, such as a line break or a tab): give one address on one line",
            u32::from(c)
        )));
    }
    if !is_email(text) {
        return Err(ApiError::InvalidInput(format!(
            "contact_email must be an email address such as it@customer.example, not '{}'",
            text.chars().take(60).collect::<String>()
        )));
    }
    Ok(text.to_string())
}

impl TryFrom<license_api::NewLicense> for LicenseOrder {
    type Error = ApiError;
    fn try_from(new: license_api::NewLicense) -> Result<Self, ApiError> {
        Ok(LicenseOrder {
            product: new.product,
            contact_email: new.contact_email,
            max_installations: new.max_installations,
            assignments: new.entitlements.assignments(),
            serial: new.serial.as_deref().map(parse_serial).transpose()?,
            transfer_limit: new.transfer_limit,
            language: new.language,
            notify: new.notify.unwrap_or(true),
            registration: new.registration.unwrap_or(true),
            reseller: new.reseller,
        })
    }
}

/// An address mail can be sent to: `local@domain`, no spaces, at most 254 characters.
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    text.len() <= 254
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Creates a licence with its purchased entitlements as state 1.
/// With `announce` (mail on) and `order.notify`, the purchase confirmation
/// to the contact is queued in the same transaction.
pub async fn create_license(
    db: &Db,
    order: LicenseOrder,
    actor: &str,
    announce: Option<Announce<'_>>,
) -> Result<LicenseCreated, ApiError> {
    let product = super::find_product(db, &order.product).await?;
    let reseller = match (resellers::current(), order.reseller.as_deref()) {
        // A reseller's licences are its own, of the products it sells; another
        // product is answered as one that does not exist.
        (Some(me), chosen) => {
            if chosen.is_some_and(|c| crate::staff::normalise_email(c) != me) {
                return Err(ApiError::InvalidInput("a reseller's licences are its own: leave reseller out".into()));
            }
            let sells = crate::staff::reseller_products(db, &me).await?.unwrap_or_default();
            if !sells.iter().any(|p| p.eq_ignore_ascii_case(&product.name)) {
                return Err(ApiError::NotFound(format!("product '{}'", order.product)));
            }
            Some(me)
        }
        (None, Some(chosen)) if !chosen.trim().is_empty() => {
            Some(crate::staff::reseller_for(db, chosen, &product.name).await?)
        }
        (None, _) => None,
    };
    if !(1..=1_000_000).contains(&order.max_installations) {
        return Err(ApiError::InvalidInput("max_installations is from 1 to 1000000".into()));
    }
    let contact = contact_email(&order.contact_email)?;
    let language = language_tag(order.language.as_deref().unwrap_or("en"))?;
    let entitlements = states::assign(&product, &Entitlements::new(), &order.assignments)?;
    let serial = match order.serial {
        Some(s) => s,
        None => {
            let mut bytes = [0u8; 5];
            getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
            SerialNumber::from_random_bytes(bytes)
        }
    };
    let registration_code = order.registration.then(new_registration_code).transpose()?;
    let mut tx = db.begin().await?;
    let id: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO licenses (serial, product_id, contact_email, max_installations, latest_counter, created_at, transfer_limit, \
         language, notify, registration_code, reseller) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(serial.value() as i64)
    .bind(i64::from(product.id))
    .bind(&contact)
    .bind(order.max_installations)
    .bind(now())
    .bind(order.transfer_limit.map(i64::from))
    .bind(language)
    .bind(i64::from(order.notify))
    .bind(&registration_code)
    .bind(&reseller)
    .fetch_optional(&mut *tx)
    .await?;
    let (id,) = id.ok_or_else(|| ApiError::Conflict(format!("serial {serial} is already used")))?;
    states::insert_state(&mut tx, id, 1, &entitlements, "purchase", actor).await?;
    let view = LicenseCreated {
        serial: serial.to_code(),
        product: product.name.clone(),
        contact_email: contact,
        language: language.to_string(),
        max_installations: order.max_installations,
        counter: 1,
        entitlements: EntitlementValues::of(Some(&product), &entitlements),
        registration_code,
    };
    // The audit log says whether there is a registration code, not which.
    let mut detail = serde_json::json!(view);
    detail["registration_code"] = serde_json::json!(view.registration_code.is_some());
    if let Some(reseller) = &reseller {
        detail["reseller"] = serde_json::json!(reseller);
    }
    audit::record(&mut tx, actor, "license.create", Some(id), detail).await?;
    webhooks::record(&mut tx, Event::LicenseCreated, serde_json::json!(view)).await?;
    if let Some(announce) = announce.filter(|_| order.notify) {
        let bought = view
            .entitlements
            .0
            .iter()
            .filter(|(_, v)| {
                !matches!(v, EntitlementValue::Count(0) | EntitlementValue::Flag(false) | EntitlementValue::None)
            })
            .map(|(name, v)| format!("{}: {}", license_api::humanize(name), v.as_assigned()))
            .collect();
        let (subject, body) = compose::license_created(&compose::NewLicenseMail {
            lang: Lang::from_tag(language).unwrap_or_default(),
            serial: &view.serial,
            product: &view.product,
            max_installations: view.max_installations,
            bought,
            public_url: announce.public_url,
            registration_code: view.registration_code.as_deref(),
        });
        outbox::enqueue_text(&mut tx, announce.mail, id, Reason::LicenseCreated, &subject, &body).await?;
    }
    tx.commit().await?;
    Ok(view)
}

/// Everything support needs about one licence: its current state, every
/// state in order, its installations with the update each last received,
/// every response issued, and its audit log.
pub async fn show_license(db: &Db, serial: &str) -> Result<LicenseView, ApiError> {
    let license = license_by_text(db, serial).await?;
    let product = super::product(db, license.product_id as u16)
        .await?
        .ok_or_else(|| ApiError::Internal("licence without product".into()))?;
    let mut state_views = Vec::new();
    let mut previous = Entitlements::new();
    for (StateRow { counter, note, created_by, created_at, .. }, e) in states::all(db, license.id).await? {
        state_views.push(StateView {
            counter,
            note,
            created_by,
            created_at,
            changes: e.changes_from(&previous, Some(&product)).iter().map(EntitlementChange::from).collect(),
            entitlements: EntitlementValues::of(Some(&product), &e),
            digest: format!("{:08X}", e.digest()),
        });
        previous = e;
    }
    let issuances: Vec<IssuanceRow> = sqlx::query_as(
        "SELECT id, key_id, from_counter, to_counter, issued_at, signing_key_id, request_code, response_code, channel, actor \
         FROM issuances WHERE license_id = $1 ORDER BY id",
    )
    .bind(license.id)
    .fetch_all(db.read())
    .await?;
    Ok(LicenseView {
        serial: license.serial().to_code(),
        product: ProductRef { id: product.id, name: product.name.clone() },
        contact_email: license.contact_email.clone(),
        reseller: license.reseller.clone(),
        registration_code: license.registration_code.clone(),
        language: license.language.clone(),
        created_at: license.created_at.clone(),
        max_installations: license.max_installations,
        bound_installations: license.bound_installations,
        latest_counter: license.latest_counter,
        entitlements: EntitlementValues::of(Some(&product), &previous),
        states: state_views,
        installations: installations::of_license(db, &license).await?,
        issuances: issuances
            .into_iter()
            .map(|i| IssuanceView {
                id: i.id,
                key_id: KeyId(i.key_id as u64).to_string(),
                from_counter: i.from_counter,
                to_counter: i.to_counter,
                issued_at: i.issued_at,
                signing_key_id: i.signing_key_id,
                request_code: i.request_code,
                response_code: i.response_code,
                channel: Channel::parse(&i.channel).unwrap_or(Channel::Portal),
                actor: i.actor,
            })
            .collect(),
        audit: audit::of_license(db, license.id).await?,
    })
}

/// One issuance, as a licence's history lists it.
#[derive(sqlx::FromRow)]
struct IssuanceRow {
    id: i64,
    key_id: i64,
    from_counter: i64,
    to_counter: i64,
    issued_at: String,
    signing_key_id: i64,
    request_code: String,
    response_code: String,
    channel: String,
    actor: String,
}

/// A licence as a contact's list shows it.
#[derive(sqlx::FromRow)]
struct ContactLicenseRow {
    serial: i64,
    product_id: i64,
    product_name: String,
    contact_email: String,
    bound_installations: i64,
    max_installations: i64,
    latest_counter: i64,
    reseller: Option<String>,
}

/// The serial number of the licence with this id.
pub async fn serial_of(db: &Db, license_id: i64) -> Result<SerialNumber, ApiError> {
    let (serial,): (i64,) =
        sqlx::query_as("SELECT serial FROM licenses WHERE id = $1").bind(license_id).fetch_one(db.read()).await?;
    SerialNumber::new(serial as u64).ok_or_else(|| ApiError::Internal("stored serial out of range".into()))
}

/// The licences whose technical contact is `email` (compared in lower case).
pub async fn of_contact(db: &Db, email: &str) -> Result<Vec<license_api::LicenseSummary>, ApiError> {
    let rows: Vec<ContactLicenseRow> = sqlx::query_as(
        "SELECT l.serial, p.id AS product_id, p.name AS product_name, l.contact_email, l.bound_installations, \
         l.max_installations, l.latest_counter, l.reseller \
         FROM licenses l JOIN products p ON p.id = l.product_id WHERE lower(l.contact_email) = $1 ORDER BY l.id",
    )
    .bind(email.trim().to_lowercase())
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .filter(|r| !resellers::hidden(r.reseller.as_deref()))
        .map(|r| license_api::LicenseSummary {
            serial: SerialNumber::new(r.serial as u64).map(|s| s.to_code()).unwrap_or_default(),
            product: ProductRef { id: r.product_id as u16, name: r.product_name },
            contact_email: r.contact_email,
            bound_installations: r.bound_installations,
            max_installations: r.max_installations,
            latest_counter: r.latest_counter,
        })
        .collect())
}
