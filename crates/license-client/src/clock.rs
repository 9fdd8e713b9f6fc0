//! Today's date and the time now, as the codes and the codes-sent log write them.

use license_codes::Day;

/// Today, in the codes' day count (UTC).
pub fn today() -> Day {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Day::from_unix_seconds(seconds as i64)
}

/// Now, for the codes-sent log.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "unknown-time".into())
}
