//! Today's date and the time now, as the codes and the codes-sent log write
//! them: read once per command or call ([`Now::read`]), so the day in a code
//! and the time in the log agree. And the clock check: a licence remembers
//! the latest time it has seen, and a clock turned back further than
//! [`MAX_BEHIND_SECONDS`] is refused, so a date-limited entitlement cannot
//! come back by setting the clock back.
//!
//! Every time here is UTC (seconds since 1970), so time zones and daylight
//! saving never move it. There is deliberately no way to set this clock
//! from outside (no variable, no flag): it would be the way around the check.

use license_codes::Day;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::ClientError;

/// How far behind the latest time seen the clock may be: 48 hours, more
/// than any time zone or daylight-saving change, and than a dead CMOS
/// battery's drift corrected by hand within a day.
pub const MAX_BEHIND_SECONDS: i64 = 48 * 3600;

/// How stale the recorded latest time may get before a read-only call
/// (`status`, `create-code`) writes it anew: one write an hour at most.
pub const RECORD_EVERY_SECONDS: i64 = 3600;

/// One reading of the system clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Now {
    /// Today, in the codes' day count (UTC).
    pub today: Day,
    /// Now, in RFC 3339 (UTC), for the codes-sent log and the licence file.
    pub rfc3339: String,
    /// Now, in seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
}

impl Now {
    pub fn read() -> Now {
        Now::at(OffsetDateTime::now_utc().unix_timestamp())
    }

    /// The reading for `unix` seconds.
    pub fn at(unix: i64) -> Now {
        Now { today: Day::from_unix_seconds(unix), rfc3339: rfc3339(unix), unix }
    }
}

/// `unix` seconds as RFC 3339 in UTC (`2026-12-06T17:50:00Z`).
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "unknown-time".into())
}

/// The seconds of an RFC 3339 time (any offset), or `None`.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339).ok().map(OffsetDateTime::unix_timestamp)
}

/// The first second of `day` (UTC).
pub fn start_of(day: Day) -> i64 {
    (i64::from(day.0) + 18_262) * 86_400
}

/// Refuses a clock more than [`MAX_BEHIND_SECONDS`] behind `latest_seen`.
pub fn check(now: &Now, latest_seen: Option<i64>) -> Result<(), ClientError> {
    match latest_seen {
        Some(latest) if now.unix + MAX_BEHIND_SECONDS < latest => {
            Err(ClientError::ClockBehind { now: now.rfc3339.clone(), latest_seen: rfc3339(latest) })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_back_and_days_start_at_midnight_utc() {
        let now = Now::at(1_796_579_400);
        assert_eq!(now.rfc3339, "2026-12-06T17:50:00Z");
        assert_eq!(parse_rfc3339(&now.rfc3339), Some(now.unix));
        // The same instant written with another offset is the same time.
        assert_eq!(parse_rfc3339("2026-12-06T18:50:00+01:00"), Some(now.unix));
        assert_eq!(start_of(now.today), 1_796_515_200);
        assert_eq!(rfc3339(start_of(now.today)), "2026-12-06T00:00:00Z");
    }

    #[test]
    fn only_a_clock_more_than_48_hours_behind_is_refused() {
        let latest = 1_796_579_400;
        assert!(check(&Now::at(latest - MAX_BEHIND_SECONDS), Some(latest)).is_ok());
        assert!(check(&Now::at(latest + 10), Some(latest)).is_ok());
        assert!(check(&Now::at(latest), None).is_ok());
        match check(&Now::at(latest - MAX_BEHIND_SECONDS - 1), Some(latest)) {
            Err(ClientError::ClockBehind { now, latest_seen }) => {
                assert_eq!(latest_seen, "2026-12-06T17:50:00Z");
                assert_eq!(now, "2026-12-04T17:49:59Z");
            }
            other => panic!("{other:?}"),
        }
    }
}
