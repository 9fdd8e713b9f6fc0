//! `serve --demo`: SpecView's example, ready to try. A product, a licence
//! bought with 1 remote user and 25 clients, and a waiting upgrade to 3
//! remote users ("when advised that your purchase is ready").

use std::path::Path;

use license_codes::{EntitlementDef, EntitlementKind, Product, SerialNumber, TrustFile};

use crate::catalog::{self, LicenseOrder};
use crate::db::Db;
use crate::signing::SigningKeys;
use crate::ApiError;

/// The demo licence's serial number (always the same, so instructions hold).
pub fn demo_serial() -> SerialNumber {
    SerialNumber::new(0x5E_C71E_0001).expect("fits 40 bits")
}

pub fn specview() -> Product {
    let def = |name: &str, kind| EntitlementDef { name: name.into(), kind };
    Product {
        id: 7,
        name: "SpecView".into(),
        entitlements: vec![
            def("remote_users", EntitlementKind::Count),
            def("clients", EntitlementKind::Count),
            def("historian", EntitlementKind::Flag),
            def("web_server", EntitlementKind::Flag),
            def("subscription_end", EntitlementKind::Date),
        ],
    }
}

/// Seeds the demo (once; later starts find it there) and writes the trust
/// file the `license` command needs to `data_dir/trust.json`.
/// What the demo's instructions need: the trust file's path and the demo
/// licence's registration code (random: the demo's serial is public).
pub struct Demo {
    pub trust: String,
    pub registration_code: String,
}

pub async fn seed(db: &Db, keys: &SigningKeys, data_dir: &Path) -> Result<Demo, ApiError> {
    if catalog::product(db, 7).await?.is_none() {
        catalog::add_product(db, &specview(), "demo").await?;
    }
    if catalog::find_license(db, demo_serial()).await?.is_none() {
        let order = LicenseOrder {
            language: None,
            product: "SpecView".into(),
            contact_email: "technical.contact@example.com".into(),
            max_installations: 5,
            assignments: vec!["remote_users=1".into(), "clients=25".into()],
            serial: Some(demo_serial()),
            transfer_limit: None,
            notify: true,
            registration: true,
            reseller: None,
        };
        catalog::create_license(db, order, "demo", None).await?;
        catalog::queue_upgrade(
            db,
            &demo_serial().to_code(),
            &["remote_users=3".into()],
            "2 more remote users",
            "demo",
            None,
        )
        .await?;
    }
    let trust = TrustFile { keys: keys.public_entries(), products: catalog::products(db).await? };
    let path = data_dir.join("trust.json");
    std::fs::create_dir_all(data_dir).map_err(|e| ApiError::Internal(e.to_string()))?;
    std::fs::write(&path, serde_json::to_string_pretty(&trust).expect("serialisable") + "\n")
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let license =
        catalog::find_license(db, demo_serial()).await?.ok_or_else(|| ApiError::Internal("no demo licence".into()))?;
    Ok(Demo {
        trust: std::fs::canonicalize(&path).unwrap_or(path).display().to_string(),
        registration_code: license.registration_code.unwrap_or_default(),
    })
}
