//! Seats on the primary server: the program that holds the licence (Spector
//! 360's Primary Server) lets its own clients in only as far as a count
//! entitlement allows (`clients: 25`), offline.
//!
//! The ledger lives in the licence file itself (`seats`), so it is written
//! under the licence's lock, atomically with it, and sealed with it: it
//! cannot be reset by deleting a file, and a hand-edited ledger is refused
//! like a hand-edited licence. The count is read from the licence each time,
//! so a response code that raises it frees room at once; one that lowers it
//! keeps the claims held and refuses new ones until enough are released.

use license_codes::EntitlementKind;

use crate::clock::{self, Now};
use crate::license::SeatClaim;
use crate::{ClientError, License, Licensing};

/// The longest holder name kept, in characters.
pub const MAX_HOLDER_CHARS: usize = 200;

/// The outcome of a claim.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Claimed {
    pub entitlement: String,
    pub holder: String,
    pub count: u32,
    /// Seats held now, this one included.
    pub used: usize,
    /// The holder held a seat already: no second seat was taken (its lease renewed).
    pub already_held: bool,
    pub expires_at: Option<String>,
}

/// One count entitlement's seats (`license seats list`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SeatCount {
    pub entitlement: String,
    pub count: u32,
    pub used: usize,
    /// Seats free: the count minus the seats held, never below 0 (a count
    /// lowered under the seats held keeps them).
    pub free: u32,
    pub holders: Vec<SeatClaim>,
}

impl Licensing {
    /// Claims a seat of the count `entitlement` for `holder`. The same
    /// holder claiming again holds the same seat (and renews its lease);
    /// with `lease_minutes`, the claim lapses that long after its last
    /// claim, so the seat of a client that vanished comes free.
    pub fn claim_seat(
        &self,
        entitlement: &str,
        holder: &str,
        lease_minutes: Option<u32>,
        now: &Now,
    ) -> Result<Claimed, ClientError> {
        let holder = holder_name(holder)?;
        let expires_at = lease_minutes.map(|m| clock::rfc3339(now.unix + i64::from(m.max(1)) * 60));
        let (claimed, _) = self.change(now, |file, license| {
            let count = self.seat_count(license, entitlement)?;
            file.seats.retain(|c| !lapsed(c, now));
            let held = |seats: &[SeatClaim]| seats.iter().filter(|c| c.entitlement == entitlement).count();
            let mut already_held = false;
            if let Some(claim) = file.seats.iter_mut().find(|c| c.entitlement == entitlement && c.holder == holder) {
                claim.expires_at = expires_at.clone();
                already_held = true;
            } else {
                let used = held(&file.seats);
                if used >= count as usize {
                    return Err(ClientError::NoSeatLeft { entitlement: entitlement.to_string(), count, used });
                }
                file.seats.push(SeatClaim {
                    entitlement: entitlement.to_string(),
                    holder: holder.clone(),
                    claimed_at: now.rfc3339.clone(),
                    expires_at: expires_at.clone(),
                });
            }
            Ok(Claimed {
                entitlement: entitlement.to_string(),
                holder: holder.clone(),
                count,
                used: held(&file.seats),
                already_held,
                expires_at: expires_at.clone(),
            })
        })?;
        Ok(claimed)
    }

    /// Gives `holder`'s seat of `entitlement` back; `false` when it held none.
    pub fn release_seat(&self, entitlement: &str, holder: &str, now: &Now) -> Result<bool, ClientError> {
        let holder = holder_name(holder)?;
        let (released, _) = self.change(now, |file, license| {
            self.seat_count(license, entitlement)?;
            file.seats.retain(|c| !lapsed(c, now));
            let before = file.seats.len();
            file.seats.retain(|c| !(c.entitlement == entitlement && c.holder == holder));
            Ok(file.seats.len() < before)
        })?;
        Ok(released)
    }

    /// Every count entitlement of the licence's product, with the seats held
    /// now (lapsed leases left out).
    pub fn seats(&self, now: &Now) -> Result<Vec<SeatCount>, ClientError> {
        let license = self.status(now)?;
        Ok(self
            .counts(&license)
            .into_iter()
            .map(|(slot, name)| {
                let count = license.entitlements.get(slot);
                let holders: Vec<SeatClaim> =
                    license.seats.iter().filter(|c| c.entitlement == name && !lapsed(c, now)).cloned().collect();
                SeatCount {
                    entitlement: name.to_string(),
                    count,
                    used: holders.len(),
                    free: count.saturating_sub(holders.len() as u32),
                    holders,
                }
            })
            .collect())
    }

    /// The count entitlements of the licence's product, as (slot, name) in the trust file's order.
    fn counts(&self, license: &License) -> Vec<(u8, &str)> {
        let Some(product) = self.product(license.product) else { return Vec::new() };
        let defs = product.entitlements.iter().enumerate();
        defs.filter(|(_, d)| d.kind == EntitlementKind::Count).map(|(slot, d)| (slot as u8, d.name.as_str())).collect()
    }

    /// The licence's value of the count `entitlement`, named as the trust file names it.
    fn seat_count(&self, license: &License, entitlement: &str) -> Result<u32, ClientError> {
        let counts = self.counts(license);
        match counts.iter().find(|(_, name)| *name == entitlement) {
            Some((slot, _)) => Ok(license.entitlements.get(*slot)),
            None => Err(ClientError::UnknownEntitlement {
                entitlement: entitlement.to_string(),
                counts: if counts.is_empty() {
                    "none".into()
                } else {
                    counts.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
                },
            }),
        }
    }
}

/// A holder's name as kept: trimmed, 1 to [`MAX_HOLDER_CHARS`] characters, no control characters.
fn holder_name(holder: &str) -> Result<String, ClientError> {
    let name = holder.trim();
    if name.is_empty() {
        return Err(ClientError::BadHolder("it is empty".into()));
    }
    if name.chars().count() > MAX_HOLDER_CHARS {
        return Err(ClientError::BadHolder(format!("it is longer than {MAX_HOLDER_CHARS} characters")));
    }
    if name.chars().any(char::is_control) {
        return Err(ClientError::BadHolder("it holds control characters".into()));
    }
    Ok(name.to_string())
}

/// Whether a leased claim's time is over.
fn lapsed(claim: &SeatClaim, now: &Now) -> bool {
    claim.expires_at.as_deref().is_some_and(|at| clock::parse_rfc3339(at).is_none_or(|at| at <= now.unix))
}
