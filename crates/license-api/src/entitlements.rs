//! Entitlement values in JSON, typed by kind: counts as numbers, flags as
//! booleans, dates as `"YYYY-MM-DD"` or `null`, in the product's slot order.

use license_codes::{EntitlementKind, Entitlements, Product};

/// One entitlement's value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum EntitlementValue {
    /// A flag: a module on or off.
    Flag(bool),
    /// A count: remote users, client seats.
    Count(u32),
    /// A date, `YYYY-MM-DD`.
    Date(String),
    /// No date.
    None,
}

impl EntitlementValue {
    /// The value as `Product::assign` reads it (`3`, `yes`, `2027-06-30`, `none`).
    pub fn as_assigned(&self) -> String {
        match self {
            EntitlementValue::Flag(on) => if *on { "yes" } else { "no" }.to_string(),
            EntitlementValue::Count(n) => n.to_string(),
            EntitlementValue::Date(d) => d.clone(),
            EntitlementValue::None => "none".to_string(),
        }
    }
}

/// Entitlements by name, in slot order (a JSON object).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntitlementValues(pub Vec<(String, EntitlementValue)>);

impl EntitlementValues {
    /// Every slot the product names (zero included, so the whole schema
    /// shows), then any slot it does not name, as a count.
    pub fn of(product: Option<&Product>, e: &Entitlements) -> Self {
        let mut out = Vec::new();
        let named = product.map_or(0, |p| p.entitlements.len());
        for (slot, def) in product.iter().flat_map(|p| p.entitlements.iter().enumerate()) {
            let value = e.get(slot as u8);
            out.push((
                def.name.clone(),
                match def.kind {
                    EntitlementKind::Count => EntitlementValue::Count(value),
                    EntitlementKind::Flag => EntitlementValue::Flag(value != 0),
                    EntitlementKind::Date if value == 0 => EntitlementValue::None,
                    EntitlementKind::Date => EntitlementValue::Date(Product::format_value(product, slot as u8, value)),
                },
            ));
        }
        for (slot, value) in e.iter().filter(|(slot, _)| usize::from(*slot) >= named) {
            out.push((Product::slot_name(product, slot), EntitlementValue::Count(value)));
        }
        EntitlementValues(out)
    }

    /// `NAME=VALUE` assignments, as `Product::assign` and the subcommands take them.
    pub fn assignments(&self) -> Vec<String> {
        self.0.iter().map(|(name, value)| format!("{name}={}", value.as_assigned())).collect()
    }

    pub fn get(&self, name: &str) -> Option<&EntitlementValue> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl serde::Serialize for EntitlementValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for EntitlementValues {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = EntitlementValues;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of entitlement values by name")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(EntitlementValues(out))
            }
        }
        d.deserialize_map(Visitor)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for EntitlementValues {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder};
        ObjectBuilder::new()
            .description(Some(
                "Entitlement values by name: numbers for counts, booleans for flags, \"YYYY-MM-DD\" or null for dates",
            ))
            .additional_properties(Some(AdditionalProperties::RefOr(EntitlementValue::schema())))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for EntitlementValues {}
