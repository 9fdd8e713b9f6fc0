//! Today's date and the time now, as the codes and the codes-sent log write
//! them: read once per command or call ([`Now::read`]), so the day in a code
//! and the time in the log agree.

use license_codes::Day;

/// One reading of the system clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Now {
    /// Today, in the codes' day count (UTC).
    pub today: Day,
    /// Now, in RFC 3339 (UTC), for the codes-sent log.
    pub rfc3339: String,
}

impl Now {
    pub fn read() -> Now {
        let now = time::OffsetDateTime::now_utc();
        Now {
            today: Day::from_unix_seconds(now.unix_timestamp()),
            rfc3339: now
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|_| "unknown-time".into()),
        }
    }
}
