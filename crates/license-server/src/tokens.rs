//! Admin and support API tokens.
//!
//! A token reads `lsk_<id>_<secret>`. Only SHA-256(secret) is stored; the
//! row is found by id and the hash compared in constant time, so neither the
//! database nor timing gives the secret away.

use subtle::ConstantTimeEq;

use crate::db::Db;
use crate::ApiError;

pub use license_api::Role;

/// Who is calling: a token (by its name) or a staff member signed in to
/// the console (by their email), and the role.
#[derive(Debug, Clone)]
pub struct Caller {
    pub name: String,
    pub role: Role,
    pub via: Via,
    /// A reseller's products (the licences it may create).
    pub products: Vec<String>,
}

/// How a caller authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Token,
    Session,
}

impl Caller {
    /// Who the audit log names: `admin:<token name>`, or the staff member's email.
    pub fn actor(&self) -> String {
        match self.via {
            Via::Token => format!("{}:{}", self.role.as_str(), self.name),
            Via::Session => self.name.clone(),
        }
    }

    /// Admins change any licence; a reseller its own (in [`crate::resellers::within`]).
    pub fn require_admin_or_reseller(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Admin | Role::Reseller => Ok(()),
            other => Err(ApiError::Forbidden { role: other.as_str().into() }),
        }
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            other => Err(ApiError::Forbidden { role: other.as_str().into() }),
        }
    }
}

fn hash(secret: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(secret.as_bytes()))
}

/// Creates a token and returns it; it is shown once and cannot be recovered.
pub async fn create(db: &Db, name: &str, role: Role, actor: &str) -> Result<String, ApiError> {
    if name.trim().is_empty() || name.chars().count() > 100 {
        return Err(ApiError::InvalidInput("a token's name is 1 to 100 characters".into()));
    }
    if role == Role::Reseller {
        return Err(ApiError::InvalidInput(
            "tokens are for admin or support; a reseller signs in to the console (staff add --role reseller)".into(),
        ));
    }
    let mut secret = [0u8; 24];
    getrandom::fill(&mut secret).map_err(|e| ApiError::Internal(e.to_string()))?;
    let secret = hex::encode(secret);
    let mut tx = db.begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO api_tokens (name, role, secret_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(role.as_str())
    .bind(hash(&secret))
    .bind(crate::catalog::now())
    .fetch_one(&mut *tx)
    .await?;
    crate::audit::record(
        &mut tx,
        actor,
        "token.create",
        None,
        serde_json::json!({"token_id": id, "name": name, "role": role}),
    )
    .await?;
    tx.commit().await?;
    Ok(format!("lsk_{id}_{secret}"))
}

/// The caller a bearer token belongs to.
pub async fn authenticate(db: &Db, token: &str) -> Result<Caller, ApiError> {
    let mut parts = token.trim().splitn(3, '_');
    let (Some("lsk"), Some(id), Some(secret)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(ApiError::Unauthenticated(crate::staff::Cause::Token));
    };
    let id: i64 = id.parse().map_err(|_| ApiError::Unauthenticated(crate::staff::Cause::Token))?;
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT name, role, secret_hash FROM api_tokens WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .fetch_optional(db.read())
            .await?;
    let (name, role, stored) = row.ok_or(ApiError::Unauthenticated(crate::staff::Cause::Token))?;
    if !bool::from(hash(secret).as_bytes().ct_eq(stored.as_bytes())) {
        return Err(ApiError::Unauthenticated(crate::staff::Cause::Token));
    }
    let role = Role::parse(&role).ok_or(ApiError::Unauthenticated(crate::staff::Cause::Token))?;
    Ok(Caller { name, role, via: Via::Token, products: Vec::new() })
}
