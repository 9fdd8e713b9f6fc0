//! Calendar days as counted in codes: days since 2020-01-01.

use time::{Date, Month};

/// A calendar day, stored as the number of days since 2020-01-01 (day 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Day(pub u16);

const EPOCH: Date = match Date::from_calendar_date(2020, Month::January, 1) {
    Ok(d) => d,
    Err(_) => panic!("valid epoch"),
};

impl Day {
    /// The day of a date, or `None` before 2020-01-01 or after 2199-06-06.
    pub fn from_date(date: Date) -> Option<Day> {
        let days = date.to_julian_day() - EPOCH.to_julian_day();
        u16::try_from(days).ok().map(Day)
    }

    pub fn date(self) -> Date {
        Date::from_julian_day(EPOCH.to_julian_day() + i32::from(self.0)).expect("within range")
    }

    /// The day `seconds` after 1970-01-01T00:00:00Z (clamped to the range).
    pub fn from_unix_seconds(seconds: i64) -> Day {
        let days_since_unix = seconds.div_euclid(86_400);
        // 2020-01-01 is 18262 days after 1970-01-01.
        Day((days_since_unix - 18_262).clamp(0, i64::from(u16::MAX)) as u16)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Day> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
        Day::from_date(date)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.date();
        write!(f, "{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_dates() {
        assert_eq!(Day::parse("2020-01-01"), Some(Day(0)));
        assert_eq!(Day::parse("2026-11-23").unwrap().to_string(), "2026-11-23");
        assert_eq!(Day::from_unix_seconds(1_577_836_800), Day(0));
        assert_eq!(Day::parse("2019-12-31"), None);
        assert_eq!(Day::parse("2026-02-30"), None);
        assert_eq!(Day(u16::MAX).to_string(), "2199-06-06");
    }
}
