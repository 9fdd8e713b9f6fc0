//! How the outboxes (mail, webhooks) retry: after 5 s, doubling, at most an
//! hour apart, for three days.

/// Retried this long, then given up.
pub const GIVE_UP_AFTER: i64 = 3 * 24 * 3600;

/// Seconds before attempt `attempts + 1`: 5, 10, 20, … at most an hour.
pub fn backoff(attempts: i64) -> i64 {
    let doublings = attempts.clamp(1, 20) - 1;
    (5i64 << doublings).min(3600)
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let waits: Vec<i64> = (1..=12).map(super::backoff).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]);
    }
}
