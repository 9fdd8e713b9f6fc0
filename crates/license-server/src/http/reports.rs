//! `/api/v1/admin/reports/…`: the pipeline seen (support and admin). JSON,
//! or CSV for a spreadsheet with `Accept: text/csv`.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use license_api::{paths, InstallationReport, IssuanceReport, NearLimit, WaitingUpgrades};

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

fn csv(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.csv\"")),
        ],
        body,
    )
        .into_response()
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
    if !wants_csv(&headers) {
        return Ok(Json(report).into_response());
    }
    let mut body = String::from("date,channel,count\r\n");
    for series in &report.series {
        for point in &series.points {
            body.push_str(&format!("{},{},{}\r\n", point.date, series.channel, point.count));
        }
    }
    Ok(csv("issuances", body))
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
    if !wants_csv(&headers) {
        return Ok(Json(report).into_response());
    }
    let mut body = String::from("serial,product,contact_email,counter,fetched,queued_at,age_days\r\n");
    for u in &report.upgrades {
        body.push_str(&format!(
            "{},{},{},{},{},{},{}\r\n",
            u.serial,
            csv_field(&u.product),
            csv_field(&u.contact_email),
            u.counter,
            u.fetched,
            u.queued_at,
            u.age_days
        ));
    }
    Ok(csv("waiting-upgrades", body))
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
    if !wants_csv(&headers) {
        return Ok(Json(report).into_response());
    }
    let mut body = String::from("date,bound,released\r\n");
    for (bound, released) in report.bound.iter().zip(&report.released) {
        body.push_str(&format!("{},{},{}\r\n", bound.date, bound.count, released.count));
    }
    Ok(csv("installations", body))
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
    if !wants_csv(&headers) {
        return Ok(Json(report).into_response());
    }
    let mut body = String::from("serial,product,contact_email,bound,max\r\n");
    for l in &report.licenses {
        body.push_str(&format!(
            "{},{},{},{},{}\r\n",
            l.serial,
            csv_field(&l.product),
            csv_field(&l.contact_email),
            l.bound,
            l.max
        ));
    }
    Ok(csv("near-limit", body))
}
