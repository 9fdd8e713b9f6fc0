//! What the vendor manages, one concept a module: products, licences, the
//! states upgrades add to them, and their installations. Used by the admin
//! API and by the `license-server` subcommands alike.

pub mod installations;
pub mod licenses;
pub mod products;
pub mod states;

pub use licenses::{change_license, create_license, find_license, show_license, LicenseOrder, LicenseRow};
pub use products::{add_product, find_product, product, products, ProductCache};
pub use states::queue_upgrade;

/// Now, as RFC 3339 in UTC (how every timestamp is stored).
pub fn now() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).expect("formattable")
}

/// A serial number given as text by an admin.
pub(crate) fn parse_serial(text: &str) -> Result<license_codes::SerialNumber, crate::ApiError> {
    license_codes::SerialNumber::parse(text).map_err(|e| crate::ApiError::InvalidInput(format!("serial number: {e}")))
}
