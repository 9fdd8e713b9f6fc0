//! Reports for the people who run the licensing (issue 24): new responses
//! issued per day, week or month by channel, and upgrades sold but not
//! fetched. The upgrades waiting are also what reminders are about
//! ([`waiting`] is the one query of them). Both read what triggers keep as
//! issuances are recorded (migration 0013): counts per day and channel, and
//! each licence's newest fetched update. A reseller's reports count its own
//! licences only ([`resellers::current`]).

use license_api::{
    ChannelSeries, InstallationReport, IssuanceReport, NearLimit, NearLimitLicense, ReportPoint, WaitingByAge,
    WaitingUpgrade, WaitingUpgrades,
};
use time::{Date, Duration, Month};

use crate::db::Db;
use crate::{resellers, ApiError};

/// The channels a response is issued through, in the order series are given.
pub const CHANNELS: [&str; 4] = ["portal", "online", "mail", "console"];
/// The longest range a report covers.
const MAX_DAYS: i64 = 3 * 366 + 31;

/// How points are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// From Monday (ISO weeks).
    Week,
    Month,
}

impl Bucket {
    pub fn parse(text: &str) -> Result<Bucket, ApiError> {
        match text {
            "day" => Ok(Bucket::Day),
            "week" => Ok(Bucket::Week),
            "month" => Ok(Bucket::Month),
            other => Err(ApiError::InvalidInput(format!(
                "bucket is day, week or month, not '{}'",
                other.chars().take(20).collect::<String>()
            ))),
        }
    }

    /// The first day of the bucket `day` is in.
    fn start(self, day: Date) -> Date {
        match self {
            Bucket::Day => day,
            Bucket::Week => day - Duration::days(i64::from(day.weekday().number_days_from_monday())),
            Bucket::Month => day.replace_day(1).expect("every month has a 1st"),
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    fn next(self, start: Date) -> Date {
        match self {
            Bucket::Day => start + Duration::days(1),
            Bucket::Week => start + Duration::days(7),
            Bucket::Month => {
                let (year, month) = match start.month() {
                    Month::December => (start.year() + 1, Month::January),
                    m => (start.year(), m.next()),
                };
                Date::from_calendar_date(year, month, 1).expect("the 1st of a month")
            }
        }
    }
}

const DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// A `YYYY-MM-DD` date of a query, or why not.
pub fn parse_date(name: &str, text: &str) -> Result<Date, ApiError> {
    Date::parse(text, DATE).map_err(|_| {
        ApiError::InvalidInput(format!(
            "{name} is a date as YYYY-MM-DD, not '{}'",
            text.chars().take(20).collect::<String>()
        ))
    })
}

fn format_date(date: Date) -> String {
    date.format(DATE).expect("formattable")
}

/// The buckets of a report from `from` to `to` (both included, UTC days).
struct Buckets {
    bucket: Bucket,
    starts: Vec<Date>,
}

impl Buckets {
    fn new(from: Date, to: Date, bucket: Bucket) -> Result<Buckets, ApiError> {
        if to < from {
            return Err(ApiError::InvalidInput("to is before from".into()));
        }
        if (to - from).whole_days() > MAX_DAYS {
            return Err(ApiError::InvalidInput(format!("a report covers at most {MAX_DAYS} days")));
        }
        let mut starts = Vec::new();
        let mut start = bucket.start(from);
        while start <= to {
            starts.push(start);
            start = bucket.next(start);
        }
        Ok(Buckets { bucket, starts })
    }

    /// Which bucket the day `YYYY-MM-DD` falls in.
    fn index(&self, day: &str) -> Option<usize> {
        let day = Date::parse(day.get(..10)?, DATE).ok()?;
        self.starts.binary_search(&self.bucket.start(day)).ok()
    }

    fn points(&self, counts: impl Fn(usize) -> i64) -> Vec<ReportPoint> {
        self.starts
            .iter()
            .enumerate()
            .map(|(i, start)| ReportPoint { date: format_date(*start), count: counts(i) })
            .collect()
    }

    /// The first day and the day after the last, as the stored timestamps compare.
    fn bounds(from: Date, to: Date) -> (String, String) {
        (format_date(from), format_date(to + Duration::days(1)))
    }
}

/// New responses issued from `from` to `to` (both included, UTC days), per
/// bucket and channel, zeros included.
pub async fn issuances(db: &Db, from: Date, to: Date, bucket: Bucket) -> Result<IssuanceReport, ApiError> {
    let buckets = Buckets::new(from, to, bucket)?;
    let rows: Vec<(String, String, i64)> = match resellers::current() {
        // The counts a trigger keeps per day and channel (migration 0013).
        None => {
            sqlx::query_as(
                "SELECT day, channel, CAST(SUM(count) AS BIGINT) FROM issuance_days WHERE day >= $1 AND day <= $2 \
                 GROUP BY day, channel",
            )
            .bind(format_date(from))
            .bind(format_date(to))
            .fetch_all(db.read())
            .await?
        }
        // A reseller's own licences' (far fewer than the vendor's).
        Some(reseller) => {
            let (first, after) = Buckets::bounds(from, to);
            sqlx::query_as(
                "SELECT substr(i.issued_at, 1, 10), i.channel, COUNT(*) FROM licenses l \
                 JOIN issuances i ON i.license_id = l.id \
                 WHERE l.reseller = $1 AND i.issued_at >= $2 AND i.issued_at < $3 \
                 GROUP BY substr(i.issued_at, 1, 10), i.channel",
            )
            .bind(reseller)
            .bind(first)
            .bind(after)
            .fetch_all(db.read())
            .await?
        }
    };
    let mut counts = vec![[0i64; CHANNELS.len()]; buckets.starts.len()];
    for (day, channel, count) in rows {
        if let (Some(i), Some(c)) = (buckets.index(&day), CHANNELS.iter().position(|n| *n == channel)) {
            counts[i][c] += count;
        }
    }
    let series = CHANNELS
        .iter()
        .enumerate()
        .map(|(c, channel)| ChannelSeries { channel: channel.to_string(), points: buckets.points(|i| counts[i][c]) })
        .collect();
    Ok(IssuanceReport { series })
}

/// Installations bound and released from `from` to `to`, per bucket.
pub async fn installations(db: &Db, from: Date, to: Date, bucket: Bucket) -> Result<InstallationReport, ApiError> {
    let buckets = Buckets::new(from, to, bucket)?;
    let (first, after) = Buckets::bounds(from, to);
    let mut per_column = Vec::new();
    // Each read is a range of its index (migration 0014).
    for column in ["bound_at", "released_at"] {
        let rows: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT substr(n.{column}, 1, 10) AS day, COUNT(*) FROM installations n \
             WHERE n.{column} >= $1 AND n.{column} < $2 \
               AND ($3 = '' OR n.license_id IN (SELECT id FROM licenses WHERE reseller = $3)) \
             GROUP BY substr(n.{column}, 1, 10)"
        ))
        .bind(&first)
        .bind(&after)
        .bind(resellers::current().unwrap_or_default())
        .fetch_all(db.read())
        .await?;
        let mut counts = vec![0i64; buckets.starts.len()];
        for (day, count) in rows {
            if let Some(i) = buckets.index(&day) {
                counts[i] += count;
            }
        }
        per_column.push(buckets.points(|i| counts[i]));
    }
    let released = per_column.pop().unwrap_or_default();
    let bound = per_column.pop().unwrap_or_default();
    Ok(InstallationReport { bound, released })
}

/// Licences with at most one place left or 80 % of their places taken, fullest first.
pub async fn near_limit(db: &Db) -> Result<NearLimit, ApiError> {
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT l.serial, p.name, l.contact_email, l.bound_installations, l.max_installations \
         FROM licenses l JOIN products p ON p.id = l.product_id \
         WHERE l.bound_installations > 0 AND (l.max_installations - l.bound_installations <= 1 \
               OR l.bound_installations * 5 >= l.max_installations * 4) AND ($1 = '' OR l.reseller = $1) \
         ORDER BY l.max_installations - l.bound_installations, l.bound_installations DESC, l.serial LIMIT 100",
    )
    .bind(resellers::current().unwrap_or_default())
    .fetch_all(db.read())
    .await?;
    let licenses = rows
        .into_iter()
        .map(|(serial, product, contact_email, bound, max)| NearLimitLicense {
            serial: serial_code(serial),
            product,
            contact_email,
            bound,
            max,
        })
        .collect();
    Ok(NearLimit { licenses })
}

fn serial_code(serial: i64) -> String {
    license_codes::SerialNumber::new(serial as u64).map(|s| s.to_code()).unwrap_or_default()
}

/// A licence whose latest state is an upgrade no installation has fetched.
#[derive(Debug, sqlx::FromRow)]
pub struct Waiting {
    pub license_id: i64,
    pub serial: i64,
    pub product: String,
    pub contact_email: String,
    pub notify: i64,
    pub latest_counter: i64,
    /// What installations hold at most (0: none fetched anything).
    pub fetched: i64,
    pub queued_at: String,
}

/// The upgrades waiting (of licence `only`, when given), oldest first.
pub async fn waiting(db: &Db, only: Option<i64>) -> Result<Vec<Waiting>, ApiError> {
    let rows: Vec<Waiting> = sqlx::query_as(
        "SELECT l.id AS license_id, l.serial, p.name AS product, l.contact_email, l.notify, l.latest_counter, \
                l.fetched_counter AS fetched, s.created_at AS queued_at \
         FROM licenses l JOIN license_states s ON s.license_id = l.id AND s.counter = l.latest_counter \
         JOIN products p ON p.id = l.product_id \
         WHERE l.latest_counter > 1 AND l.fetched_counter < l.latest_counter AND ($1 = 0 OR l.id = $1) \
               AND ($2 = '' OR l.reseller = $2) \
         ORDER BY s.created_at",
    )
    .bind(only.unwrap_or(0))
    .bind(resellers::current().unwrap_or_default())
    .fetch_all(db.read())
    .await?;
    Ok(rows)
}

/// The upgrades waiting with their ages, and how many by age.
pub async fn waiting_upgrades(db: &Db) -> Result<WaitingUpgrades, ApiError> {
    let now = time::OffsetDateTime::now_utc();
    let mut by_age = WaitingByAge::default();
    let upgrades = waiting(db, None)
        .await?
        .into_iter()
        .map(|w| {
            let queued = time::OffsetDateTime::parse(&w.queued_at, &time::format_description::well_known::Rfc3339);
            let age_days = queued.map(|at| (now - at).whole_days()).unwrap_or(0);
            match age_days {
                ..7 => by_age.under_7_days += 1,
                7..=30 => by_age.from_7_to_30_days += 1,
                _ => by_age.over_30_days += 1,
            }
            WaitingUpgrade {
                serial: serial_code(w.serial),
                product: w.product,
                contact_email: w.contact_email,
                counter: w.latest_counter,
                fetched: w.fetched,
                queued_at: w.queued_at,
                age_days,
            }
        })
        .collect();
    Ok(WaitingUpgrades { upgrades, by_age })
}

/// A CSV field: quoted when it holds a comma, a quote or a line break, and
/// with a leading `'` when a spreadsheet would read it as a formula.
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_start_on_mondays_and_firsts() {
        let day = Date::from_calendar_date(2026, Month::December, 6).unwrap(); // a Sunday
        assert_eq!(format_date(Bucket::Week.start(day)), "2026-11-30");
        assert_eq!(format_date(Bucket::Month.start(day)), "2026-12-01");
        assert_eq!(format_date(Bucket::Month.next(Bucket::Month.start(day))), "2027-01-01");
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("it@example.com"), "it@example.com");
    }
}
