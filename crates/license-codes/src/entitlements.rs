//! Entitlements: a small set of numbers per product, by slot.
//!
//! A product names its slots ([`crate::Product`]); codes carry only slot
//! numbers and values. A slot holding zero (a count of none, a flag that is
//! off, no end date) is simply absent, so every state has exactly one
//! encoding and one digest.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::bits::{BitReader, BitWriter};
use crate::{Day, EntitlementKind, Malformed, Product};

/// Slots per product: slot numbers are 4 bits.
pub const MAX_ENTITLEMENT_SLOTS: usize = 16;

/// Value widths by 2-bit width class.
const WIDTHS: [u32; 4] = [4, 8, 16, 32];

/// Non-zero values by slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Entitlements(BTreeMap<u8, u32>);

impl Entitlements {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a slot; zero removes it. Slots above 15 are refused.
    pub fn set(&mut self, slot: u8, value: u32) -> Result<(), &'static str> {
        if usize::from(slot) >= MAX_ENTITLEMENT_SLOTS {
            return Err("entitlement slots are numbered 0 to 15");
        }
        if value == 0 {
            self.0.remove(&slot);
        } else {
            self.0.insert(slot, value);
        }
        Ok(())
    }

    pub fn get(&self, slot: u8) -> u32 {
        self.0.get(&slot).copied().unwrap_or(0)
    }

    pub fn iter(&self) -> impl Iterator<Item = (u8, u32)> + '_ {
        self.0.iter().map(|(s, v)| (*s, *v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn width_class(value: u32) -> u8 {
        WIDTHS.iter().position(|w| *w == 32 || value >> w == 0).unwrap_or(3) as u8
    }

    /// Bits this set takes in a response: 4 for the count, then per entry
    /// 4 (slot) + 2 (width class) + the value's width.
    pub fn encoded_bits(&self) -> usize {
        4 + self.iter().map(|(_, v)| 6 + WIDTHS[usize::from(Self::width_class(v))] as usize).sum::<usize>()
    }

    pub(crate) fn write(&self, w: &mut BitWriter) {
        w.push(self.0.len() as u64, 4);
        for (slot, value) in self.iter() {
            let class = Self::width_class(value);
            w.push(u64::from(slot), 4);
            w.push(u64::from(class), 2);
            w.push(u64::from(value), WIDTHS[usize::from(class)]);
        }
    }

    /// Reads a set written by [`Self::write`], refusing any non-canonical form.
    pub(crate) fn read(r: &mut BitReader<'_>) -> Result<Self, Malformed> {
        const SHORT: Malformed = Malformed::EntitlementsShort;
        let count = r.read(4).ok_or(SHORT)?;
        let mut out = Entitlements::new();
        let mut previous: Option<u8> = None;
        for _ in 0..count {
            let slot = r.read(4).ok_or(SHORT)? as u8;
            let class = r.read(2).ok_or(SHORT)? as u8;
            let value = r.read(WIDTHS[usize::from(class)]).ok_or(SHORT)? as u32;
            if previous.is_some_and(|p| p >= slot) {
                return Err(Malformed::SlotsOutOfOrder);
            }
            if value == 0 || Self::width_class(value) != class {
                return Err(Malformed::NotShortest);
            }
            previous = Some(slot);
            out.0.insert(slot, value);
        }
        Ok(out)
    }

    /// The canonical encoding as bytes (zero-padded), as hashed by [`Self::digest`].
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut w = BitWriter::new();
        self.write(&mut w);
        w.bytes().to_vec()
    }

    /// The 32-bit digest a request code carries: the first four bytes of
    /// SHA-256("license-codes v1 entitlements\0" || canonical bytes).
    pub fn digest(&self) -> u32 {
        let mut hasher = Sha256::new();
        hasher.update(crate::DOMAIN.as_bytes());
        hasher.update(b"entitlements\0");
        hasher.update(self.canonical_bytes());
        let hash = hasher.finalize();
        u32::from_be_bytes([hash[0], hash[1], hash[2], hash[3]])
    }

    /// What differs from `old` to `self`, in slot order, named by `product`.
    pub fn changes_from(&self, old: &Entitlements, product: Option<&Product>) -> Vec<Change> {
        let slots: std::collections::BTreeSet<u8> = self.0.keys().chain(old.0.keys()).copied().collect();
        slots
            .into_iter()
            .filter(|s| self.get(*s) != old.get(*s))
            .map(|slot| {
                let (from, to) = (old.get(slot), self.get(slot));
                Change {
                    slot,
                    name: Product::slot_name(product, slot),
                    from: Product::format_value(product, slot, from),
                    to: Product::format_value(product, slot, to),
                    from_value: from,
                    to_value: to,
                }
            })
            .collect()
    }

    /// Every slot with its name and value shown for people, in slot order.
    pub fn describe(&self, product: Option<&Product>) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        if let Some(p) = product {
            // Every named slot, zero included, so a status lists the whole schema.
            for (slot, _) in p.entitlements.iter().enumerate() {
                let slot = slot as u8;
                out.push((Product::slot_name(product, slot), Product::format_value(product, slot, self.get(slot))));
            }
        }
        for (slot, value) in self.iter() {
            if product.is_none_or(|p| usize::from(slot) >= p.entitlements.len()) {
                out.push((Product::slot_name(product, slot), Product::format_value(product, slot, value)));
            }
        }
        out
    }

    /// Whether an end-date slot has passed on `today` (for programs that enforce it).
    pub fn expired_dates(&self, product: &Product, today: Day) -> Vec<String> {
        product
            .entitlements
            .iter()
            .enumerate()
            .filter(|(slot, def)| {
                let value = self.get(*slot as u8);
                def.kind == EntitlementKind::Date && value != 0 && value < u32::from(today.0)
            })
            .map(|(_, def)| def.name.clone())
            .collect()
    }
}

/// One entitlement that changes, for telling a person ("remote_users: 1 -> 3").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub slot: u8,
    pub name: String,
    pub from: String,
    pub to: String,
    pub from_value: u32,
    pub to_value: u32,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} -> {}", self.name, self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_minimal() {
        assert_eq!(Entitlements::width_class(1), 0);
        assert_eq!(Entitlements::width_class(15), 0);
        assert_eq!(Entitlements::width_class(16), 1);
        assert_eq!(Entitlements::width_class(65_536), 3);
        assert_eq!(Entitlements::width_class(u32::MAX), 3);
    }

    #[test]
    fn zero_is_absent() {
        let mut e = Entitlements::new();
        e.set(2, 5).unwrap();
        e.set(2, 0).unwrap();
        assert!(e.is_empty());
        assert_eq!(e.digest(), Entitlements::new().digest());
        assert!(e.set(16, 1).is_err());
    }
}
