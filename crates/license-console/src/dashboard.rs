//! The console's home (issue 24): the pipeline seen. Responses issued per
//! day by channel and installations bound and released, over 30, 90 or 365
//! days; the upgrades sold but not fetched, by age, with Remind now; mail
//! and webhooks waiting and failed; licences near their installation limit.
//!
//! Charts are drawn here as SVG, with no charting library (it would weigh
//! more than the console's own code): series are told apart by patterns
//! (solid, hatched, dotted, open), not only colour, and each chart's numbers
//! are a table under it for screen readers and keyboard users. Days are the
//! server's UTC days; times are shown in the browser's time zone.

use leptos::prelude::*;
use license_api::{
    InstallationReport, IssuanceReport, MailQueued, NearLimit, OutboxStatus, WaitingUpgrades, WebhookView,
};

use crate::license::admins_only;
use crate::{api, Desk};
use license_web::api::ApiError;
use license_web::components::problem_view::ProblemView;
use license_web::fetched::Fetched;
use license_web::i18n::{date_time, day_month, lang, msg, text, tr};
use license_web::messages;

/// The periods a dashboard covers; a year is drawn by week so bars stay readable.
const PERIODS: [i64; 3] = [30, 90, 365];

/// The first day of the last `days` days (UTC, `YYYY-MM-DD`).
fn first_day(days: i64) -> String {
    let now = js_sys::Date::now();
    let from = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now - (days - 1) as f64 * 86_400_000.0));
    String::from(from.to_iso_string()).chars().take(10).collect()
}

fn bucket(days: i64) -> &'static str {
    if days > 90 {
        "week"
    } else {
        "day"
    }
}

fn failure(e: &ApiError) -> AnyView {
    view! { <ProblemView explanation=messages::staff_api_error(e)/> }.into_any()
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let days = RwSignal::new(PERIODS[0]);
    let issuances: Fetched<Result<IssuanceReport, ApiError>> = Fetched::new();
    let installations: Fetched<Result<InstallationReport, ApiError>> = Fetched::new();
    let waiting: Fetched<Result<WaitingUpgrades, ApiError>> = Fetched::new();
    let near: Fetched<Result<NearLimit, ApiError>> = Fetched::new();
    let mail: Fetched<Result<OutboxStatus, ApiError>> = Fetched::new();
    let hooks: Fetched<Result<Vec<WebhookView>, ApiError>> = Fetched::new();
    // Drawn again for another period, and after every action (its notice).
    Effect::new(move |_| {
        desk.notice.track();
        let days = days.get();
        let (from, bucket) = (first_day(days), bucket(days));
        issuances.start(api::report_issuances(from.clone(), bucket));
        installations.start(api::report_installations(from, bucket));
    });
    let reload_lists = move || {
        waiting.start(api::report_waiting());
        near.start(api::report_near_limit());
        if !desk.is_reseller {
            mail.start(api::mail_status());
        }
        if desk.is_admin {
            hooks.start(api::webhooks());
        }
    };
    Effect::new(move |_| {
        desk.notice.track();
        reload_lists();
    });
    let period = move || {
        PERIODS
            .iter()
            .map(|&d| {
                view! {
                    <label class="check">
                        <input type="radio" name="dashboard-period" value=d.to_string()
                            prop:checked=move || days.get() == d on:change=move |_| days.set(d)/>
                        {move || text(msg!("console-dashboard-days"), &[("days", d.into())])}
                    </label>
                }
            })
            .collect_view()
    };
    let issuance_chart = move || {
        lang();
        issuances.get().map(|report| match report {
            Err(e) => failure(&e),
            Ok(report) => {
                let dates = report
                    .series
                    .first()
                    .map(|s| s.points.iter().map(|p| p.date.clone()).collect())
                    .unwrap_or_default();
                let series = report
                    .series
                    .iter()
                    .map(|s| Series {
                        name: text(msg!("console-channel-name"), &[("channel", s.channel.as_str().into())]),
                        counts: s.points.iter().map(|p| p.count).collect(),
                    })
                    .collect();
                let title = text(msg!("console-chart-issuances"), &[("bucket", bucket(days.get_untracked()).into())]);
                view! { <BarChart id="issuances" title dates series stacked=true days=days.get_untracked()/> }
                    .into_any()
            }
        })
    };
    let installation_chart = move || {
        lang();
        installations.get().map(|report| match report {
            Err(e) => failure(&e),
            Ok(report) => {
                let dates = report.bound.iter().map(|p| p.date.clone()).collect();
                let series = vec![
                    Series {
                        name: tr(msg!("console-series-bound"))(),
                        counts: report.bound.iter().map(|p| p.count).collect(),
                    },
                    Series {
                        name: tr(msg!("console-series-released"))(),
                        counts: report.released.iter().map(|p| p.count).collect(),
                    },
                ];
                let title =
                    text(msg!("console-chart-installations"), &[("bucket", bucket(days.get_untracked()).into())]);
                view! { <BarChart id="installations" title dates series stacked=false days=days.get_untracked()/> }
                    .into_any()
            }
        })
    };
    view! {
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <div class="dashboard-head">
                <h2 id="dashboard-heading">{tr(msg!("console-dashboard"))}</h2>
                <fieldset class="period">
                    <legend>{tr(msg!("console-dashboard-period"))}</legend>
                    {period}
                </fieldset>
            </div>
            <div class="charts">
                {issuance_chart}
                {installation_chart}
            </div>
            <WaitingList waiting/>
            {(!desk.is_reseller).then(|| view! { <OutboxSummary mail hooks/> })}
            <NearLimitList near/>
        </section>
    }
}

/// One series of a chart: its name in the page's language, a count per bucket.
#[derive(Clone)]
struct Series {
    name: String,
    counts: Vec<i64>,
}

/// The smallest 1, 2 or 5 × 10ⁿ at least `max` (at least 1): the chart's top.
fn axis_top(max: i64) -> i64 {
    let mut scale = 1;
    loop {
        for step in [1, 2, 5] {
            if step * scale >= max {
                return step * scale;
            }
        }
        scale *= 10;
    }
}

/// A bar chart: stacked (the channels of one day add up) or side by side.
/// The SVG stretches to its box; labels are HTML, so they stay readable on
/// a phone.
#[component]
fn BarChart(
    id: &'static str,
    title: String,
    dates: Vec<String>,
    series: Vec<Series>,
    stacked: bool,
    days: i64,
) -> impl IntoView {
    let n = dates.len().max(1);
    let per_bucket: Vec<i64> =
        (0..n).map(|i| series.iter().map(|s| s.counts.get(i).copied().unwrap_or(0)).sum()).collect();
    let highest = if stacked {
        per_bucket.iter().copied().max().unwrap_or(0)
    } else {
        series.iter().flat_map(|s| s.counts.iter().copied()).max().unwrap_or(0)
    };
    let top = axis_top(highest) as f64;
    let (slot, height) = (10.0, 100.0);
    let mut bars = Vec::new();
    for i in 0..n {
        let x = i as f64 * slot + slot * 0.1;
        let mut base = height;
        for (k, s) in series.iter().enumerate() {
            let count = s.counts.get(i).copied().unwrap_or(0);
            if count == 0 {
                continue;
            }
            let h = count as f64 / top * height;
            let (bx, bw) = if stacked {
                (x, slot * 0.8)
            } else {
                let w = slot * 0.8 / series.len() as f64;
                (x + k as f64 * w, w)
            };
            let y = if stacked {
                base -= h;
                base
            } else {
                height - h
            };
            bars.push(view! {
                <rect x=format!("{bx:.2}") y=format!("{y:.2}") width=format!("{bw:.2}") height=format!("{h:.2}")
                    fill=format!("url(#{id}-{k})") class="bar" vector-effect="non-scaling-stroke"/>
            });
        }
    }
    let totals: Vec<(String, i64)> = series.iter().map(|s| (s.name.clone(), s.counts.iter().sum())).collect();
    let summary = {
        let parts: Vec<String> = totals.iter().map(|(name, total)| format!("{name}: {total}")).collect();
        format!("{title}, {}: {}", text(msg!("console-dashboard-days"), &[("days", days.into())]), parts.join(", "))
    };
    let legend = totals
        .iter()
        .enumerate()
        .map(|(k, (name, total))| {
            view! {
                <li>
                    <svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect x="1" y="1" width="14" height="14" fill=format!("url(#{id}-{k})") class="bar"/></svg>
                    {name.clone()}": "<strong>{*total}</strong>
                </li>
            }
        })
        .collect_view();
    let weekly = days > 90;
    let first_column = if weekly { tr(msg!("console-chart-week"))() } else { tr(msg!("console-chart-day"))() };
    let rows = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let cells = series.iter().map(|s| view! { <td class="number">{s.counts.get(i).copied().unwrap_or(0)}</td> }).collect_view();
            view! { <tr><th scope="row">{day_month(date)}</th>{cells}<td class="number">{per_bucket.get(i).copied().unwrap_or(0)}</td></tr> }
        })
        .collect_view();
    let heads = series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view();
    let first = dates.first().map(|d| day_month(d)).unwrap_or_default();
    let middle = dates.get(dates.len() / 2).map(|d| day_month(d)).unwrap_or_default();
    let last = dates.last().map(|d| day_month(d)).unwrap_or_default();
    view! {
        <figure class="chart" id=format!("chart-{id}")>
            <figcaption>{title.clone()}</figcaption>
            <div class="chart-body">
                <div class="y-axis" aria-hidden="true"><span>{top as i64}</span><span>{(top >= 2.0).then(|| (top / 2.0) as i64)}</span><span>"0"</span></div>
                <svg role="img" aria-label=summary viewBox=format!("0 0 {} {height}", n as f64 * slot) preserveAspectRatio="none">
                    <defs>
                        <pattern id=format!("{id}-0") width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" class="ink"/></pattern>
                        <pattern id=format!("{id}-1") width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" class="paper"/><rect width="2.5" height="5" class="ink"/></pattern>
                        <pattern id=format!("{id}-2") width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" class="paper"/><circle cx="2" cy="2" r="1.1" class="ink"/></pattern>
                        <pattern id=format!("{id}-3") width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" class="paper"/></pattern>
                    </defs>
                    <line x1="0" x2=n as f64 * slot y1="50" y2="50" class="grid" vector-effect="non-scaling-stroke"/>
                    <line x1="0" x2=n as f64 * slot y1="0.5" y2="0.5" class="grid" vector-effect="non-scaling-stroke"/>
                    {bars}
                    <line x1="0" x2=n as f64 * slot y1="100" y2="100" class="axis" vector-effect="non-scaling-stroke"/>
                </svg>
            </div>
            <div class="x-axis" aria-hidden="true"><span>{first}</span><span>{middle}</span><span>{last}</span></div>
            <ul class="legend">{legend}</ul>
            <details class="numbers">
                <summary>{tr(msg!("console-chart-numbers"))}</summary>
                <div class="scroll" tabindex="0" role="region" aria-label=title>
                    <table class="data">
                        <thead><tr><th scope="col">{first_column}</th>{heads}<th scope="col">{tr(msg!("console-total"))}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// Upgrades sold but not fetched, by age, and the list with Remind now.
#[component]
fn WaitingList(waiting: Fetched<Result<WaitingUpgrades, ApiError>>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let mail_on = desk.me.get_value().mail;
    let reminded: Fetched<Result<MailQueued, ApiError>> = Fetched::new();
    let busy = reminded.pending();
    Effect::new(move |_| {
        if let Some(Ok(queued)) = reminded.get() {
            // The notice also has the dashboard fetch the list again.
            desk.notice.set(Some(text(msg!("console-reminded"), &[("to", queued.to.as_str().into())])));
        }
    });
    let body = move || {
        lang();
        waiting.get().map(|w| match w {
            Err(e) => failure(&e),
            Ok(w) => {
                let ages = [
                    (msg!("console-age-under-7"), w.by_age.under_7_days),
                    (msg!("console-age-7-to-30"), w.by_age.from_7_to_30_days),
                    (msg!("console-age-over-30"), w.by_age.over_30_days),
                ]
                .into_iter()
                .map(|(label, count)| view! { <div class="figure"><dt>{tr(label)}</dt><dd>{count}</dd></div> })
                .collect_view();
                let rows = if w.upgrades.is_empty() {
                    view! { <tr><td colspan="5" class="none">{tr(msg!("console-nothing-waiting"))}</td></tr> }.into_any()
                } else {
                    w.upgrades
                        .into_iter()
                        .map(|u| {
                            let serial = StoredValue::new(u.serial.clone());
                            let label = text(msg!("console-remind-label"), &[("serial", u.serial.as_str().into())]);
                            let what = text(msg!("console-waiting-update"), &[("counter", u.counter.into()), ("fetched", u.fetched.into())]);
                            view! {
                                <tr>
                                    <td data-label=tr(msg!("console-licence"))><SerialLink serial=u.serial.clone()/>" "<span class="small">{u.product}</span></td>
                                    <td class="wrap" data-label=tr(msg!("console-contact"))>{u.contact_email}</td>
                                    <td data-label=tr(msg!("console-waiting-what"))>{what}</td>
                                    <td data-label=tr(msg!("console-since"))>{date_time(&u.queued_at)}</td>
                                    <td><button type="button" class="secondary small" aria-label=label
                                        disabled=move || !desk.may_change || !mail_on || busy.get()
                                        on:click=move |_| reminded.start(api::remind(serial.get_value()))>{tr(msg!("console-remind"))}</button></td>
                                </tr>
                            }
                        })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <dl class="figures">{ages}</dl>
                    <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-waiting-heading"))>
                        <table class="data stack" id="waiting-upgrades">
                            <thead><tr>
                                <th scope="col">{tr(msg!("console-licence"))}</th>
                                <th scope="col">{tr(msg!("console-contact"))}</th>
                                <th scope="col">{tr(msg!("console-waiting-what"))}</th>
                                <th scope="col">{tr(msg!("console-since"))}</th>
                                <th scope="col"><span class="visually-hidden">{tr(msg!("console-actions"))}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
    };
    let problem = move || match reminded.get() {
        Some(Err(e)) => Some(failure(&e)),
        _ => None,
    };
    view! {
        <section class="panel" aria-labelledby="waiting-heading">
            <h3 id="waiting-heading">{tr(msg!("console-waiting-heading"))}</h3>
            {admins_only(&desk, "dashboard-remind-note", "remind")}
            {(!mail_on).then(|| view! { <p class="note">{tr(msg!("console-mail-off"))}</p> })}
            {problem}
            {body}
        </section>
    }
}

/// A serial number that opens its licence in Find.
#[component]
fn SerialLink(serial: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let open = serial.clone();
    view! { <button type="button" class="link mono" on:click=move |_| desk.open.run(open.clone())>{serial}</button> }
}

/// Mail and webhook deliveries waiting and failed, with why.
#[component]
fn OutboxSummary(
    mail: Fetched<Result<OutboxStatus, ApiError>>,
    hooks: Fetched<Result<Vec<WebhookView>, ApiError>>,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let mail_view = move || {
        lang();
        mail.get().map(|m| match m {
            Err(e) => failure(&e),
            Ok(m) => {
                let failed = m
                    .failed
                    .iter()
                    .take(5)
                    .map(|f| {
                        let why = f.last_error.clone().unwrap_or_default();
                        view! { <li><span class="wrap">{f.to.clone()}</span>" · "<span class="mono small">{f.reason.clone()}</span>" · "<span class="wrap small">{why}</span></li> }
                    })
                    .collect_view();
                view! {
                    <p id="dashboard-mail">{text(msg!("console-mail-summary"), &[("waiting", m.waiting.len().into()), ("failed", m.failed.len().into())])}</p>
                    <ul class="reasons">{failed}</ul>
                }
                .into_any()
            }
        })
    };
    let hooks_view = move || {
        lang();
        if !desk.is_admin {
            return None;
        }
        hooks.get().map(|h| match h {
            Err(e) => failure(&e),
            Ok(list) if list.is_empty() => view! { <p>{tr(msg!("console-no-webhooks"))}</p> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|w| {
                    let line = text(
                        msg!("console-webhook-summary"),
                        &[("url", w.url.as_str().into()), ("waiting", w.waiting.into()), ("failed", w.failed.into())],
                    );
                    view! { <p class="wrap">{line}</p> }
                })
                .collect_view()
                .into_any(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="outbox-heading">
            <h3 id="outbox-heading">{tr(msg!("console-outbox-heading"))}</h3>
            {mail_view}
            {hooks_view}
        </section>
    }
}

/// Licences with at most one place left, or 80 % of them taken.
#[component]
fn NearLimitList(near: Fetched<Result<NearLimit, ApiError>>) -> impl IntoView {
    let body = move || {
        lang();
        near.get().map(|n| match n {
            Err(e) => failure(&e),
            Ok(n) if n.licenses.is_empty() => view! { <p>{tr(msg!("console-none-near-limit"))}</p> }.into_any(),
            Ok(n) => {
                let rows = n
                    .licenses
                    .into_iter()
                    .map(|l| {
                        let places = text(msg!("console-places"), &[("bound", l.bound.into()), ("max", l.max.into())]);
                        view! {
                            <tr>
                                <td data-label=tr(msg!("console-licence"))><SerialLink serial=l.serial.clone()/>" "<span class="small">{l.product}</span></td>
                                <td class="wrap" data-label=tr(msg!("console-contact"))>{l.contact_email}</td>
                                <td data-label=tr(msg!("console-installations"))>{places}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="scroll" tabindex="0" role="region" aria-label=tr(msg!("console-near-limit-heading"))>
                        <table class="data stack" id="near-limit">
                            <thead><tr>
                                <th scope="col">{tr(msg!("console-licence"))}</th>
                                <th scope="col">{tr(msg!("console-contact"))}</th>
                                <th scope="col">{tr(msg!("console-installations"))}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="near-limit-heading">
            <h3 id="near-limit-heading">{tr(msg!("console-near-limit-heading"))}</h3>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::axis_top;

    #[test]
    fn the_axis_ends_on_a_round_number() {
        assert_eq!([0, 1, 2, 3, 7, 10, 11, 49, 51, 1001].map(axis_top), [1, 1, 2, 5, 10, 10, 20, 50, 100, 2000]);
    }
}
