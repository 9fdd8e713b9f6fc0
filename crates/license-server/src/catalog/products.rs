//! Products: their numbers, names and entitlement slots.

use std::collections::HashMap;
use std::sync::RwLock;

use license_codes::Product;

use super::now;
use crate::db::Db;
use crate::{audit, ApiError};

fn from_row(id: i64, name: String, entitlements: &str) -> Result<Product, ApiError> {
    let entitlements = serde_json::from_str(entitlements).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Product { id: id as u16, name, entitlements })
}

pub async fn products(db: &Db) -> Result<Vec<Product>, ApiError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, entitlements FROM products ORDER BY id").fetch_all(db.read()).await?;
    rows.into_iter().map(|(id, name, e)| from_row(id, name, &e)).collect()
}

pub async fn product(db: &Db, id: u16) -> Result<Option<Product>, ApiError> {
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, name, entitlements FROM products WHERE id = $1")
            .bind(i64::from(id))
            .fetch_optional(db.read())
            .await?;
    row.map(|(id, name, e)| from_row(id, name, &e)).transpose()
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
    if product.name.trim().is_empty() || product.name.chars().count() > 100 {
        return Err(ApiError::InvalidInput("a product's name is 1 to 100 characters".into()));
    }
    if product.name.chars().any(char::is_control) {
        return Err(ApiError::InvalidInput(
            "a product's name is one line: no control characters (line breaks, tabs, NUL)".into(),
        ));
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
    audit::record(&mut tx, actor, "product.add", None, serde_json::json!(product)).await?;
    tx.commit().await?;
    Ok(())
}

/// Products never change once added, so each is read once per process.
#[derive(Default)]
pub struct ProductCache(RwLock<HashMap<u16, Product>>);

impl ProductCache {
    pub async fn get(&self, db: &Db, id: u16) -> Result<Product, ApiError> {
        if let Some(p) = self.0.read().expect("not poisoned").get(&id) {
            return Ok(p.clone());
        }
        let product = product(db, id).await?.ok_or_else(|| ApiError::Internal(format!("product {id} missing")))?;
        self.0.write().expect("not poisoned").insert(id, product.clone());
        Ok(product)
    }
}
