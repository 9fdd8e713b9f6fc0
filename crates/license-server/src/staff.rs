//! Staff accounts for the support console: an email, a role, and an
//! argon2id password hash. A new account gets a one-time link to set its
//! password; only a SHA-256 of the link's token is kept.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use license_api::{Role, StaffView};
use sha2::{Digest, Sha256};

use crate::catalog::now;
use crate::db::Db;
use crate::{audit, ApiError};

/// How long a set-password link is valid.
pub const SETUP_VALID_SECONDS: i64 = 72 * 3600;

/// Passwords are at least this long (and at most 256 characters).
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: i64,
    pub email: String,
    pub role: Role,
    /// A reseller's products.
    pub products: Vec<String>,
}

/// The products column: names, comma-separated.
pub fn products_of(column: &str) -> Vec<String> {
    column.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

pub fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Emails are compared trimmed and in lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_ascii_lowercase()
}

pub(crate) fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

fn random_secret() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(hex::encode(bytes))
}

fn hash_password(password: &str) -> Result<String, ApiError> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=256).contains(&chars) {
        return Err(ApiError::InvalidInput(format!("a password has {MIN_PASSWORD_CHARS} to 256 characters")));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// A hash in the default parameters of a password nobody knows.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2JCrdNpZQ2E0u8tqMLuF3yjEZT/0Gg1KxSqAhuRm5Oc";

/// Verifies against a stored hash. An unknown account is checked against a
/// fixed hash, so both take the same time and give the same answer.
fn password_matches(stored: Option<&str>, password: &str) -> bool {
    let hash = PasswordHash::new(stored.unwrap_or(DUMMY)).or_else(|_| PasswordHash::new(DUMMY));
    let ok = hash.is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
    ok && stored.is_some()
}

/// The link that opens the console on the set-password form. The token
/// travels in the fragment, which browsers never send to a server or log.
///
/// Built only from `--public-url`: never from a request's `Host` header,
/// which whoever sends the request chooses (a link to their own site).
/// Without it the link is the path alone, to put after the server's address.
pub fn setup_link(public_url: Option<&str>, token: &str) -> String {
    format!("{}/console/#setup={token}", public_url.unwrap_or_default().trim_end_matches('/'))
}

/// A new one-time set-password link for an existing account (the old one
/// stops working): for a link that was used or expired. `enable`: the
/// account may be disabled, and is enabled again, with its password cleared
/// (its holder sets a new one with the link) and without sessions.
/// Returns the account and the token.
pub async fn new_link(db: &Db, email: &str, enable: bool, actor: &str) -> Result<(StaffView, String), ApiError> {
    let email = normalise_email(email);
    let token = random_secret()?;
    let mut tx = db.begin().await?;
    let sql = if enable {
        "UPDATE staff SET setup_token_hash = $1, setup_expires_unix = $2, disabled_at = NULL, password_hash = NULL \
         WHERE email = $3 AND disabled_at IS NOT NULL RETURNING id"
    } else {
        "UPDATE staff SET setup_token_hash = $1, setup_expires_unix = $2 WHERE email = $3 AND disabled_at IS NULL RETURNING id"
    };
    let found: Option<(i64,)> = sqlx::query_as(sql)
        .bind(sha256_hex(&token))
        .bind(unix_now() + SETUP_VALID_SECONDS)
        .bind(&email)
        .fetch_optional(&mut *tx)
        .await?;
    if found.is_none() {
        let what = if enable { "a disabled staff member" } else { "an active staff member" };
        return Err(ApiError::NotFound(format!("{what} {email}")));
    }
    let action = if enable { "staff.enable" } else { "staff.link" };
    audit::record(&mut tx, actor, action, None, serde_json::json!({"email": email})).await?;
    tx.commit().await?;
    let view = list(db)
        .await?
        .into_iter()
        .find(|s| s.email == email)
        .ok_or_else(|| ApiError::Internal("staff member vanished".into()))?;
    Ok((view, token))
}

/// Adds a staff member. With `password`, it is set at once; without, the
/// answer is the one-time token for the set-password link.
pub async fn add(
    db: &Db,
    email: &str,
    role: Role,
    products: &[String],
    password: Option<&str>,
    actor: &str,
) -> Result<Option<String>, ApiError> {
    let email = normalise_email(email);
    if !crate::catalog::licenses::is_email(&email) {
        return Err(ApiError::InvalidInput("the staff member's email is not an email address".into()));
    }
    // A reseller sells named products, which must exist; the others sell none.
    let mut names = Vec::new();
    match (role, products.is_empty()) {
        (Role::Reseller, true) => {
            return Err(ApiError::InvalidInput("a reseller needs its products (--products SpecView[,…])".into()))
        }
        (Role::Reseller, false) => {
            for product in products.iter().flat_map(|p| p.split(',')).map(str::trim).filter(|p| !p.is_empty()) {
                let found = crate::catalog::find_product(db, product).await.map_err(|_| {
                    ApiError::InvalidInput(format!("there is no product '{product}' (license-server product list)"))
                })?;
                names.push(found.name);
            }
        }
        (_, false) => return Err(ApiError::InvalidInput("only a reseller has products".into())),
        (_, true) => {}
    }
    let password_hash = password.map(hash_password).transpose()?;
    let token = if password.is_none() { Some(random_secret()?) } else { None };
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO staff (email, role, password_hash, setup_token_hash, setup_expires_unix, created_at, products) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(&email)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(token.as_deref().map(sha256_hex))
    .bind(token.as_ref().map(|_| unix_now() + SETUP_VALID_SECONDS))
    .bind(now())
    .bind(names.join(","))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(ApiError::Conflict(format!("a staff member {email} already exists")));
    }
    let detail = serde_json::json!({"email": email, "role": role, "products": names});
    audit::record(&mut tx, actor, "staff.add", None, detail).await?;
    tx.commit().await?;
    Ok(token)
}

/// Sets the password of the account a one-time token belongs to, and spends the token.
pub async fn set_password(db: &Db, token: &str, password: &str) -> Result<String, ApiError> {
    let hash = hash_password(password)?;
    let mut tx = db.begin().await?;
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, email FROM staff WHERE setup_token_hash = $1 AND setup_expires_unix >= $2 AND disabled_at IS NULL",
    )
    .bind(sha256_hex(token.trim()))
    .bind(unix_now())
    .fetch_optional(&mut *tx)
    .await?;
    let (id, email) = row.ok_or(ApiError::Unauthenticated(Cause::Setup))?;
    sqlx::query(
        "UPDATE staff SET password_hash = $1, setup_token_hash = NULL, setup_expires_unix = NULL WHERE id = $2",
    )
    .bind(hash)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, &email, "staff.password_set", None, serde_json::json!({"email": email})).await?;
    tx.commit().await?;
    Ok(email)
}

/// The staff member with this email and password; the same error for an
/// unknown email, a wrong password, an unset password and a disabled account.
pub async fn check_password(db: &Db, email: &str, password: &str) -> Result<Staff, ApiError> {
    let row: Option<(i64, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, email, role, password_hash, products FROM staff WHERE email = $1 AND disabled_at IS NULL",
    )
    .bind(normalise_email(email))
    .fetch_optional(db.read())
    .await?;
    let stored = row.as_ref().and_then(|r| r.3.as_deref());
    // Hashing is slow on purpose: off the async workers.
    let (stored, password) = (stored.map(str::to_string), password.to_string());
    let matches = tokio::task::spawn_blocking(move || password_matches(stored.as_deref(), &password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    match row {
        Some((id, email, role, _, products)) if matches => Ok(Staff {
            id,
            email,
            role: Role::parse(&role).ok_or(ApiError::Unauthenticated(Cause::SignIn))?,
            products: products_of(&products),
        }),
        _ => Err(ApiError::Unauthenticated(Cause::SignIn)),
    }
}

/// The products of the active reseller with this email (`None`: no such reseller).
pub async fn reseller_products(db: &Db, email: &str) -> Result<Option<Vec<String>>, ApiError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT products FROM staff WHERE email = $1 AND role = 'reseller' AND disabled_at IS NULL")
            .bind(normalise_email(email))
            .fetch_optional(db.read())
            .await?;
    Ok(row.map(|(products,)| products_of(&products)))
}

/// The reseller `email` names for a licence of `product` (admin's choice),
/// normalised, or why not.
pub async fn reseller_for(db: &Db, email: &str, product: &str) -> Result<String, ApiError> {
    let email = normalise_email(email);
    let products = reseller_products(db, &email).await?.ok_or_else(|| {
        ApiError::InvalidInput(format!("{email} is not an active reseller (license-server staff list)"))
    })?;
    if !products.iter().any(|p| p.eq_ignore_ascii_case(product)) {
        return Err(ApiError::InvalidInput(format!(
            "reseller {email} does not sell {product} (it sells {})",
            products.join(", ")
        )));
    }
    Ok(email)
}

/// A staff account as the list shows it.
#[derive(sqlx::FromRow)]
struct StaffRow {
    email: String,
    role: String,
    created_at: String,
    password_hash: Option<String>,
    disabled_at: Option<String>,
    products: String,
}

pub async fn list(db: &Db) -> Result<Vec<StaffView>, ApiError> {
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT email, role, created_at, password_hash, disabled_at, products FROM staff ORDER BY email",
    )
    .fetch_all(db.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| StaffView {
            email: r.email,
            role: Role::parse(&r.role).unwrap_or(Role::Support),
            created_at: r.created_at,
            password_set: r.password_hash.is_some(),
            disabled_at: r.disabled_at,
            products: products_of(&r.products),
        })
        .collect())
}

/// Disables an account and ends its sessions at once.
pub async fn disable(db: &Db, email: &str, actor: &str) -> Result<StaffView, ApiError> {
    let email = normalise_email(email);
    let mut tx = db.begin().await?;
    let id: Option<(i64,)> =
        sqlx::query_as("UPDATE staff SET disabled_at = $1 WHERE email = $2 AND disabled_at IS NULL RETURNING id")
            .bind(now())
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?;
    let (id,) = id.ok_or_else(|| ApiError::NotFound(format!("an active staff member {email}")))?;
    sqlx::query("DELETE FROM sessions WHERE staff_id = $1").bind(id).execute(&mut *tx).await?;
    audit::record(&mut tx, actor, "staff.disable", None, serde_json::json!({"email": email})).await?;
    tx.commit().await?;
    list(db)
        .await?
        .into_iter()
        .find(|s| s.email == email)
        .ok_or_else(|| ApiError::Internal("disabled staff vanished".into()))
}

/// Why a caller is not authenticated (the problem's `cause`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// No or a wrong bearer token.
    Token,
    /// A wrong email or password.
    SignIn,
    /// The session ended, expired or was revoked.
    Session,
    /// A set-password link that is used, expired or wrong.
    Setup,
}

impl Cause {
    pub const fn as_str(self) -> &'static str {
        match self {
            Cause::Token => "token",
            Cause::SignIn => "sign_in",
            Cause::Session => "session",
            Cause::Setup => "setup",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_dummy_hash_parses_and_matches_nothing_typed() {
        assert!(argon2::PasswordHash::new(super::DUMMY).is_ok(), "an unknown email must cost a real verification");
        assert!(!super::password_matches(None, "password"));
        assert!(!super::password_matches(None, ""));
    }
}
