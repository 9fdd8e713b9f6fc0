//! Reports for the people who run the licensing: issuances over time by
//! channel, and upgrades sold but not fetched.

/// `GET /api/v1/admin/reports/issuances`: one series per channel (`portal`,
/// `online`, `mail`, `console`), each with a point per bucket in the range,
/// zeros included.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuanceReport {
    pub series: Vec<ChannelSeries>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelSeries {
    pub channel: String,
    pub points: Vec<ReportPoint>,
}

/// New responses issued in one bucket: `date` is its first day (a day, the
/// Monday of a week, the first of a month), `YYYY-MM-DD` in UTC.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportPoint {
    pub date: String,
    pub count: i64,
}

/// `GET /api/v1/admin/reports/waiting-upgrades`: licences whose latest
/// upgrade no installation has fetched, oldest first, and how many by age.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingUpgrades {
    pub upgrades: Vec<WaitingUpgrade>,
    pub by_age: WaitingByAge,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingUpgrade {
    pub serial: String,
    pub product: String,
    pub contact_email: String,
    /// The update waiting.
    pub counter: i64,
    /// The update the installations hold at most (0: none fetched anything).
    pub fetched: i64,
    /// When it was queued (RFC 3339).
    pub queued_at: String,
    /// Whole days since.
    pub age_days: i64,
}

/// How many wait under 7 days, 7 to 30 days, and over 30 days.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingByAge {
    pub under_7_days: i64,
    pub from_7_to_30_days: i64,
    pub over_30_days: i64,
}

/// `GET /api/v1/admin/reports/installations`: installations newly bound and
/// released per bucket (the same buckets as the issuances report), zeros
/// included.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstallationReport {
    pub bound: Vec<ReportPoint>,
    pub released: Vec<ReportPoint>,
}

/// `GET /api/v1/admin/reports/near-limit`: licences with at most one place
/// left, or at least 80 % of their places taken, fullest first (at most 100).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearLimit {
    pub licenses: Vec<NearLimitLicense>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearLimitLicense {
    pub serial: String,
    pub product: String,
    pub contact_email: String,
    /// Installations bound now.
    pub bound: i64,
    /// Installations the licence may bind.
    pub max: i64,
}
