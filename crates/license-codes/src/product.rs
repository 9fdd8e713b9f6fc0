//! Products and the names of their entitlement slots, for showing codes to
//! people. Codes carry slot numbers; this is where the names come from.

use crate::{Day, Entitlements};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitlementKind {
    /// A number of something: remote users, client seats.
    #[default]
    Count,
    /// A module or option that is on (1) or off (absent).
    Flag,
    /// A day, such as a subscription's end, counted from 2020-01-01.
    Date,
}

impl std::str::FromStr for EntitlementKind {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "count" => Ok(EntitlementKind::Count),
            "flag" => Ok(EntitlementKind::Flag),
            "date" => Ok(EntitlementKind::Date),
            other => Err(format!("'{other}' is not count, flag or date")),
        }
    }
}

/// One named slot. Its slot number is its index in [`Product::entitlements`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitlementDef {
    /// Non-empty, without spaces or `=`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, pattern = "^[^= ]+$"))]
    pub name: String,
    #[serde(default)]
    pub kind: EntitlementKind,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub id: u16,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, pattern = "\\S"))]
    pub name: String,
    /// At most 16 slots, each name once.
    #[cfg_attr(feature = "openapi", schema(max_items = 16))]
    pub entitlements: Vec<EntitlementDef>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProductError {
    #[error("{product} has no entitlement named '{name}' (it has: {known})")]
    UnknownEntitlement { product: String, name: String, known: String },
    #[error("'{0}' is not NAME=VALUE")]
    NotAnAssignment(String),
    #[error("'{value}' is not a valid value for {name}: {expected}")]
    BadValue { name: String, value: String, expected: &'static str },
}

impl Product {
    pub fn slot_of(&self, name: &str) -> Option<u8> {
        self.entitlements.iter().position(|e| e.name == name).map(|p| p as u8)
    }

    /// The name of a slot, or `entitlement_N` when the product is unknown.
    pub fn slot_name(product: Option<&Product>, slot: u8) -> String {
        product
            .and_then(|p| p.entitlements.get(usize::from(slot)))
            .map_or_else(|| format!("entitlement_{slot}"), |e| e.name.clone())
    }

    /// A value as people read it: `3`, `yes`/`no`, `2027-06-30`/`none`.
    pub fn format_value(product: Option<&Product>, slot: u8, value: u32) -> String {
        let kind = product.and_then(|p| p.entitlements.get(usize::from(slot))).map(|e| e.kind);
        match kind {
            Some(EntitlementKind::Flag) => if value == 0 { "no" } else { "yes" }.to_string(),
            Some(EntitlementKind::Date) if value == 0 => "none".to_string(),
            Some(EntitlementKind::Date) => {
                u16::try_from(value).map_or_else(|_| value.to_string(), |d| Day(d).to_string())
            }
            _ => value.to_string(),
        }
    }

    /// Applies `name=value` assignments (values as [`Self::format_value`] prints them).
    pub fn assign(&self, entitlements: &mut Entitlements, assignments: &[String]) -> Result<(), ProductError> {
        for assignment in assignments {
            let (name, value) =
                assignment.split_once('=').ok_or_else(|| ProductError::NotAnAssignment(assignment.clone()))?;
            let (name, value) = (name.trim(), value.trim());
            let slot = self.slot_of(name).ok_or_else(|| ProductError::UnknownEntitlement {
                product: self.name.clone(),
                name: name.to_string(),
                known: self.entitlements.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", "),
            })?;
            let bad = |expected| ProductError::BadValue { name: name.to_string(), value: value.to_string(), expected };
            let number = match self.entitlements[usize::from(slot)].kind {
                EntitlementKind::Count => value.parse::<u32>().map_err(|_| bad("a whole number"))?,
                EntitlementKind::Flag => match value {
                    "yes" | "true" | "on" | "1" => 1,
                    "no" | "false" | "off" | "0" => 0,
                    _ => return Err(bad("yes or no")),
                },
                EntitlementKind::Date if value == "none" => 0,
                EntitlementKind::Date => {
                    u32::from(Day::parse(value).ok_or_else(|| bad("a date YYYY-MM-DD from 2020"))?.0)
                }
            };
            entitlements.set(slot, number).expect("slot from the product is in range");
        }
        Ok(())
    }
}
