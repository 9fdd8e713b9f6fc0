//! Reports (issue 24 §2): new responses by channel per day, week or month,
//! and upgrades sold but not fetched with their ages; JSON and CSV; read by
//! support and admins. In process, on SQLite and PostgreSQL.

use serde_json::{json, Value};

use crate::common::*;
use crate::for_each_backend;

for_each_backend!(
    issuances_are_counted_by_channel_and_bucket,
    waiting_upgrades_are_listed_with_their_ages,
    installations_and_licences_near_their_limit,
);

fn today() -> String {
    let now = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day())
}

fn series<'a>(report: &'a Value, channel: &str) -> &'a Vec<Value> {
    report["series"].as_array().unwrap().iter().find(|s| s["channel"] == channel).unwrap()["points"].as_array().unwrap()
}

fn issuances_are_counted_by_channel_and_bucket(backend: Backend) {
    let server = InProcess::start(&backend);
    let serial = server.specview_license(10, json!({"remote_users": 1}));
    let new_code = || request_code(7, serial, random_key_id(), 0, empty_digest());
    for _ in 0..3 {
        assert_eq!(server.activate(&new_code()).0, 200); // portal
    }
    let online = json!({"request_code": new_code(), "channel": "online"});
    assert_eq!(server.request("POST", "/api/v1/activations", None, Some(&online)).0, 200);
    let console = json!({"request_code": new_code()});
    assert_eq!(server.request("POST", "/api/v1/admin/activations", Some(server.support()), Some(&console)).0, 200);
    // A repeat is not a new response.
    let repeat = new_code();
    assert_eq!(server.activate(&repeat).0, 200);
    assert_eq!(server.activate(&repeat).0, 200);

    let day = today();
    let path = format!("/api/v1/admin/reports/issuances?from=2026-01-01&to={day}&bucket=day");
    let (status, report) = server.request("GET", &path, Some(server.support()), None);
    assert_eq!(status, 200, "{report}");
    let channels: Vec<&str> =
        report["series"].as_array().unwrap().iter().map(|s| s["channel"].as_str().unwrap()).collect();
    assert_eq!(channels, ["portal", "online", "mail", "console"]);
    let portal = series(&report, "portal");
    assert_eq!(portal.last().unwrap(), &json!({"date": day, "count": 4}));
    assert!(portal.len() > 300 && portal[..portal.len() - 1].iter().all(|p| p["count"] == 0), "zeros every other day");
    assert_eq!(series(&report, "online").last().unwrap()["count"], 1);
    assert_eq!(series(&report, "console").last().unwrap()["count"], 1);
    assert_eq!(series(&report, "mail").last().unwrap()["count"], 0);

    // Weeks start on Mondays, months on the 1st; the counts are the same.
    let (_, weeks) = server.request(
        "GET",
        &format!("/api/v1/admin/reports/issuances?to={day}&bucket=week"),
        Some(server.admin()),
        None,
    );
    let last_week = series(&weeks, "portal").last().unwrap().clone();
    let monday = time::Date::parse(
        last_week["date"].as_str().unwrap(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    assert_eq!((monday.weekday(), last_week["count"].as_i64()), (time::Weekday::Monday, Some(4)), "{weeks}");
    let (_, months) = server.request(
        "GET",
        &format!("/api/v1/admin/reports/issuances?from={day}&to={day}&bucket=month"),
        Some(server.admin()),
        None,
    );
    assert_eq!(series(&months, "portal")[0], json!({"date": format!("{}-01", &day[..7]), "count": 4}));

    // CSV, for a spreadsheet.
    let bearer = format!("Bearer {}", server.admin);
    let (status, headers, csv) = server.raw(
        "GET",
        &format!("/api/v1/admin/reports/issuances?from={day}&to={day}"),
        &[("authorization", &bearer), ("accept", "text/csv")],
        Vec::new(),
    );
    assert_eq!(status, 200);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert_eq!(
        csv,
        format!("date,channel,count\r\n{day},portal,4\r\n{day},online,1\r\n{day},mail,0\r\n{day},console,1\r\n")
    );

    // Wrong ranges are said so, as problems.
    for (query, says) in [
        ("from=2026-13-01", "from is a date"),
        ("from=2026-02-01&to=2026-01-01", "to is before from"),
        ("bucket=year", "bucket is day, week or month"),
        ("from=2000-01-01&to=2026-01-01", "at most"),
        ("color=red", "the query does not read"),
    ] {
        let (status, problem) =
            server.request("GET", &format!("/api/v1/admin/reports/issuances?{query}"), Some(server.admin()), None);
        assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{query}: {problem}");
        assert!(problem["detail"].as_str().unwrap().contains(says), "{query}: {problem}");
    }
    assert_eq!(server.request("GET", "/api/v1/admin/reports/issuances", None, None).0, 401);
}

fn waiting_upgrades_are_listed_with_their_ages(backend: Backend) {
    let server = InProcess::start(&backend);
    let waiting = server.specview_license(2, json!({"remote_users": 1}));
    let fetched = server.specview_license(2, json!({"remote_users": 1}));
    let old = server.specview_license(2, json!({"remote_users": 1}));
    let key = random_key_id();
    assert_eq!(server.activate(&request_code(7, fetched, key, 0, empty_digest())).0, 200);
    for serial in [waiting, fetched, old] {
        server.queue_upgrade(serial, json!({"remote_users": 3}));
    }
    // The installation of `fetched` fetches its upgrade.
    let (_, answer) = server.activate(&request_code(7, fetched, random_key_id(), 0, empty_digest()));
    assert_eq!(answer["to_counter"], 2, "{answer}");
    // `old` was queued 40 days ago.
    let forty_days_ago = (time::OffsetDateTime::now_utc() - time::Duration::days(40))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    server.run(async {
        let mut tx = server.state.db.begin().await.unwrap();
        sqlx::query(
            "UPDATE license_states SET created_at = $1 WHERE counter = 2 \
             AND license_id = (SELECT id FROM licenses WHERE serial = $2)",
        )
        .bind(&forty_days_ago)
        .bind(old.value() as i64)
        .execute(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
    });

    let (status, report) =
        server.request("GET", "/api/v1/admin/reports/waiting-upgrades", Some(server.support()), None);
    assert_eq!(status, 200, "{report}");
    let listed: Vec<&str> =
        report["upgrades"].as_array().unwrap().iter().map(|u| u["serial"].as_str().unwrap()).collect();
    assert_eq!(listed, [old.to_code(), waiting.to_code()], "oldest first; the fetched one is not waiting: {report}");
    assert_eq!(report["upgrades"][0]["age_days"], 40);
    assert_eq!(report["upgrades"][1]["contact_email"], "it@example.com");
    assert_eq!(
        (report["upgrades"][1]["counter"].as_i64(), report["upgrades"][1]["fetched"].as_i64()),
        (Some(2), Some(0))
    );
    assert_eq!(report["by_age"], json!({"under_7_days": 1, "from_7_to_30_days": 0, "over_30_days": 1}));

    let bearer = format!("Bearer {}", server.support);
    let (status, _, csv) = server.raw(
        "GET",
        "/api/v1/admin/reports/waiting-upgrades",
        &[("authorization", &bearer), ("accept", "text/csv")],
        Vec::new(),
    );
    assert_eq!(status, 200);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "serial,product,contact_email,counter,fetched,queued_at,age_days");
    assert!(
        lines[1].starts_with(&format!("{},SpecView,it@example.com,2,0,", old.to_code())) && lines[1].ends_with(",40"),
        "{csv}"
    );
}

fn installations_and_licences_near_their_limit(backend: Backend) {
    let server = InProcess::start(&backend);
    let nearly_full = server.specview_license(5, json!({"remote_users": 1}));
    let roomy = server.specview_license(10, json!({"remote_users": 1}));
    let mut keys = Vec::new();
    for _ in 0..4 {
        let key = random_key_id();
        assert_eq!(server.activate(&request_code(7, nearly_full, key, 0, empty_digest())).0, 200);
        keys.push(key);
    }
    assert_eq!(server.activate(&request_code(7, roomy, random_key_id(), 0, empty_digest())).0, 200);
    let four_fifths = server.specview_license(10, json!({"remote_users": 1}));
    for _ in 0..8 {
        assert_eq!(server.activate(&request_code(7, four_fifths, random_key_id(), 0, empty_digest())).0, 200);
    }

    let (status, near) = server.request("GET", "/api/v1/admin/reports/near-limit", Some(server.support()), None);
    assert_eq!(status, 200, "{near}");
    assert_eq!(
        near["licenses"],
        json!([
            {"serial": nearly_full.to_code(), "product": "SpecView", "contact_email": "it@example.com", "bound": 4, "max": 5},
            {"serial": four_fifths.to_code(), "product": "SpecView", "contact_email": "it@example.com", "bound": 8, "max": 10},
        ]),
        "one place left, then 80 % taken, are near; 1 of 10 is not"
    );

    let path = format!("/api/v1/admin/licenses/{}/installations/{:016X}", nearly_full.to_code(), keys[0]);
    assert_eq!(server.request("DELETE", &path, Some(server.admin()), None).0, 200);
    let (_, near) = server.request("GET", "/api/v1/admin/reports/near-limit", Some(server.admin()), None);
    assert_eq!(near["licenses"].as_array().unwrap().len(), 1, "3 of 5 leaves room: {near}");

    let day = today();
    let (status, report) = server.request(
        "GET",
        &format!("/api/v1/admin/reports/installations?from=2026-01-01&to={day}"),
        Some(server.support()),
        None,
    );
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["bound"].as_array().unwrap().last().unwrap(), &json!({"date": day, "count": 13}));
    assert_eq!(report["released"].as_array().unwrap().last().unwrap(), &json!({"date": day, "count": 1}));
    assert_eq!(report["bound"].as_array().unwrap().len(), report["released"].as_array().unwrap().len());
    assert!(report["bound"][0]["count"] == 0, "zeros before: {report}");

    let bearer = format!("Bearer {}", server.support);
    let (status, _, csv) = server.raw(
        "GET",
        &format!("/api/v1/admin/reports/installations?from={day}&to={day}"),
        &[("authorization", &bearer), ("accept", "text/csv")],
        Vec::new(),
    );
    assert_eq!(status, 200);
    assert_eq!(csv, format!("date,bound,released\r\n{day},13,1\r\n"));
    let (status, problem) =
        server.request("GET", "/api/v1/admin/reports/installations?bucket=year", Some(server.support()), None);
    assert_eq!((status, problem["code"].as_str()), (400, Some("invalid_input")), "{problem}");
    assert_eq!(server.request("GET", "/api/v1/admin/reports/near-limit", None, None).0, 401);
}
