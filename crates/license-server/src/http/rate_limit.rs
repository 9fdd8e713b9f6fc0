//! Per-client-IP and per-serial limits on the activation API, so serial
//! numbers cannot be guessed at speed and one customer cannot crowd out the
//! rest. Limits are per server process.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::ApiError;

pub struct RateLimits {
    per_ip: Option<DefaultKeyedRateLimiter<IpAddr>>,
    per_serial: Option<DefaultKeyedRateLimiter<u64>>,
    sign_in_ip: Option<DefaultKeyedRateLimiter<IpAddr>>,
    sign_in_account: Option<DefaultKeyedRateLimiter<String>>,
    lookup_ip: DefaultKeyedRateLimiter<IpAddr>,
    lookup_address: DefaultKeyedRateLimiter<String>,
}

/// "Lost your serial number?" lookups per hour from one IP address, and
/// for one address (whoever asks): a person who mistypes can try again, a
/// script cannot mail anyone much.
pub const LOOKUPS_PER_IP_PER_HOUR: u32 = 10;
pub const LOOKUPS_PER_ADDRESS_PER_HOUR: u32 = 3;

fn per_hour<K: std::hash::Hash + Eq + Clone>(n: u32) -> DefaultKeyedRateLimiter<K> {
    RateLimiter::keyed(Quota::per_hour(NonZeroU32::new(n).expect("not zero")))
}

/// Console sign-in attempts per minute from one IP address, and for one
/// account (whatever the address): enough for typos, too few to guess.
pub const SIGN_IN_PER_IP: u32 = 30;
pub const SIGN_IN_PER_ACCOUNT: u32 = 5;

fn limiter<K: std::hash::Hash + Eq + Clone>(per_minute: u32) -> Option<DefaultKeyedRateLimiter<K>> {
    NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n)))
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: Option<&DefaultKeyedRateLimiter<K>>,
    key: &K,
) -> Result<(), ApiError> {
    let Some(limiter) = limiter else {
        return Ok(());
    };
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::RateLimited { retry_after: wait.as_secs() + 1 }
    })
}

impl RateLimits {
    pub fn new(per_ip_per_minute: u32, per_serial_per_minute: u32) -> Self {
        Self {
            per_ip: limiter(per_ip_per_minute),
            per_serial: limiter(per_serial_per_minute),
            sign_in_ip: limiter(SIGN_IN_PER_IP),
            sign_in_account: limiter(SIGN_IN_PER_ACCOUNT),
            lookup_ip: per_hour(LOOKUPS_PER_IP_PER_HOUR),
            lookup_address: per_hour(LOOKUPS_PER_ADDRESS_PER_HOUR),
        }
    }

    /// A sign-in attempt from `ip` for `email` (known or not: both are counted alike).
    pub fn check_sign_in(&self, ip: IpAddr, email: &str) -> Result<(), ApiError> {
        check(self.sign_in_ip.as_ref(), &ip)?;
        check(self.sign_in_account.as_ref(), &email.to_string())
    }

    /// A serial-number lookup from `ip` for `email` (on file or not: both are counted alike).
    pub fn check_lookup(&self, ip: IpAddr, email: &str) -> Result<(), ApiError> {
        check(Some(&self.lookup_ip), &ip)?;
        check(Some(&self.lookup_address), &email.trim().to_lowercase())
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        check(self.per_ip.as_ref(), &ip)
    }

    pub fn check_serial(&self, serial: u64) -> Result<(), ApiError> {
        check(self.per_serial.as_ref(), &serial)
    }

    /// Forgets clients that have not been seen for a while (called each minute).
    pub fn forget_idle(&self) {
        if let Some(l) = &self.per_ip {
            l.retain_recent();
        }
        if let Some(l) = &self.per_serial {
            l.retain_recent();
        }
        if let Some(l) = &self.sign_in_ip {
            l.retain_recent();
        }
        if let Some(l) = &self.sign_in_account {
            l.retain_recent();
        }
        self.lookup_ip.retain_recent();
        self.lookup_address.retain_recent();
    }
}
