//! `/api/v1/admin/reports/…`: the pipeline seen (support and admin). JSON,
//! or CSV for a spreadsheet with `Accept: text/csv`.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use license_api::{paths, ChannelSeries, InstallationReport, IssuanceReport, NearLimit, WaitingUpgrades};

use super::extract::{ApiQuery, Scoped};
use super::openapi::{InvalidInput, StaffOnly, Unavailable};
use super::AppState;
use crate::reports::{self, csv_field, Bucket};
use crate::{resellers, ApiError};

/// The range and grouping of a report over time.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RangeQuery {
    /// The first day (UTC), `YYYY-MM-DD`; default: 29 days before `to`
    #[param(example = "2026-11-01", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    from: Option<String>,
    /// The last day (UTC), included; default: today
    #[param(example = "2026-11-30", pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    to: Option<String>,
    /// `day` (default), `week` (from Mondays) or `month`
    #[param(example = "day", pattern = "^(day|week|month)$")]
    bucket: Option<String>,
}

impl RangeQuery {
    /// From, to and bucket, with their defaults: the last 30 days by day.
    fn parse(&self) -> Result<(time::Date, time::Date, Bucket), ApiError> {
        let today = time::OffsetDateTime::now_utc().date();
        let to = self.to.as_deref().map(|t| reports::parse_date("to", t)).transpose()?.unwrap_or(today);
        let from = self
            .from
            .as_deref()
            .map(|f| reports::parse_date("from", f))
            .transpose()?
            .unwrap_or(to - time::Duration::days(29));
        Ok((from, to, Bucket::parse(self.bucket.as_deref().unwrap_or("day"))?))
    }
}

fn wants_csv(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|a| a.to_str().ok()).is_some_and(|a| a.contains("text/csv"))
}

/// A report as a spreadsheet reads it: a file name, a header line, and a
/// line per row (fields quoted and defused as CSV needs, `csv_field`).
trait Csv {
    const NAME: &'static str;
    const HEADER: &'static str;
    fn lines(&self) -> Vec<String>;
}

/// The report as JSON, or as CSV for `Accept: text/csv`.
fn answer<T: serde::Serialize + Csv>(headers: &HeaderMap, report: T) -> Response {
    if !wants_csv(headers) {
        return Json(report).into_response();
    }
    let mut body = format!("{}\r\n", T::HEADER);
    for line in report.lines() {
        body.push_str(&line);
        body.push_str("\r\n");
    }
    let disposition = format!("attachment; filename=\"{}.csv\"", T::NAME);
    ([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}

impl Csv for IssuanceReport {
    const NAME: &'static str = "issuances";
    const HEADER: &'static str = "date,channel,count";
    fn lines(&self) -> Vec<String> {
        let each = |s: &ChannelSeries| {
            s.points.iter().map(|p| format!("{},{},{}", p.date, s.channel, p.count)).collect::<Vec<_>>()
        };
        self.series.iter().flat_map(each).collect()
    }
}

impl Csv for WaitingUpgrades {
    const NAME: &'static str = "waiting-upgrades";
    const HEADER: &'static str = "serial,product,contact_email,counter,fetched,queued_at,age_days";
    fn lines(&self) -> Vec<String> {
        self.upgrades
            .iter()
            .map(|u| {
                let (product, contact) = (csv_field(&u.product), csv_field(&u.contact_email));
                format!("{},{product},{contact},{},{},{},{}", u.serial, u.counter, u.fetched, u.queued_at, u.age_days)
            })
            .collect()
    }
}

impl Csv for InstallationReport {
    const NAME: &'static str = "installations";
    const HEADER: &'static str = "date,bound,released";
    fn lines(&self) -> Vec<String> {
        self.bound.iter().zip(&self.released).map(|(b, r)| format!("{},{},{}", b.date, b.count, r.count)).collect()
    }
}

impl Csv for NearLimit {
    const NAME: &'static str = "near-limit";
    const HEADER: &'static str = "serial,product,contact_email,bound,max";
    fn lines(&self) -> Vec<String> {
        self.licenses
            .iter()
            .map(|l| {
                format!("{},{},{},{},{}", l.serial, csv_field(&l.product), csv_field(&l.contact_email), l.bound, l.max)
            })
            .collect()
    }
}

/// New responses issued per day, week or month, by channel (portal, online, mail, console), zeros included.
#[utoipa::path(get, path = paths::ADMIN_REPORT_ISSUANCES, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "One series per channel; `Accept: text/csv` gives `date,channel,count` rows",
            content((IssuanceReport = "application/json"), (String = "text/csv"))),
        InvalidInput,
        StaffOnly,
        Unavailable,
    ))]
pub async fn issuances(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Response, ApiError> {
    let (from, to, bucket) = query.parse()?;
    let report = resellers::within(&caller, reports::issuances(&state.db, from, to, bucket)).await?;
    Ok(answer(&headers, report))
}

/// Upgrades sold but not fetched: licences whose latest upgrade no installation has fetched, oldest first, with their ages.
#[utoipa::path(get, path = paths::ADMIN_REPORT_WAITING, tag = "admin", security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "The list and how many by age; `Accept: text/csv` gives the list as CSV",
            content((WaitingUpgrades = "application/json"), (String = "text/csv"))),
        StaffOnly,
        Unavailable,
    ))]
pub async fn waiting_upgrades(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let report = resellers::within(&caller, reports::waiting_upgrades(&state.db)).await?;
    Ok(answer(&headers, report))
}

/// Installations newly bound and released per day, week or month, zeros included.
#[utoipa::path(get, path = paths::ADMIN_REPORT_INSTALLATIONS, tag = "admin", security(("bearer" = []), ("session" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Bound and released per bucket; `Accept: text/csv` gives `date,bound,released` rows",
            content((InstallationReport = "application/json"), (String = "text/csv"))),
        InvalidInput,
        StaffOnly,
        Unavailable,
    ))]
pub async fn installations(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Response, ApiError> {
    let (from, to, bucket) = query.parse()?;
    let report = resellers::within(&caller, reports::installations(&state.db, from, to, bucket)).await?;
    Ok(answer(&headers, report))
}

/// Licences near their installation limit: at most one place left, or 80 % of their places taken; fullest first, at most 100.
#[utoipa::path(get, path = paths::ADMIN_REPORT_NEAR_LIMIT, tag = "admin", security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, description = "The licences; `Accept: text/csv` gives them as CSV",
            content((NearLimit = "application/json"), (String = "text/csv"))),
        StaffOnly,
        Unavailable,
    ))]
pub async fn near_limit(
    State(state): State<AppState>,
    Scoped(caller): Scoped,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let report = resellers::within(&caller, reports::near_limit(&state.db)).await?;
    Ok(answer(&headers, report))
}
