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
}

fn limiter<K: std::hash::Hash + Eq + Clone>(per_minute: u32) -> Option<DefaultKeyedRateLimiter<K>> {
    NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n)))
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: &Option<DefaultKeyedRateLimiter<K>>,
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
        Self { per_ip: limiter(per_ip_per_minute), per_serial: limiter(per_serial_per_minute) }
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        check(&self.per_ip, &ip)
    }

    pub fn check_serial(&self, serial: u64) -> Result<(), ApiError> {
        check(&self.per_serial, &serial)
    }

    /// Forgets clients that have not been seen for a while (called each minute).
    pub fn forget_idle(&self) {
        if let Some(l) = &self.per_ip {
            l.retain_recent();
        }
        if let Some(l) = &self.per_serial {
            l.retain_recent();
        }
    }
}
