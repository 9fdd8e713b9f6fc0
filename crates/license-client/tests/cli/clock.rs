//! A clock that cannot be turned back: the licence remembers the latest time
//! it has seen, and a clock more than 48 hours behind it is refused (exit
//! 22). The clock is moved with libfaketime, as nothing else can move it.

use super::*;

/// What `args` answers with the clock moved by `offset`, as JSON on stdout.
fn json_at(inst: &Installation, offset: &str, args: &[&str]) -> (Option<i32>, Value) {
    let out = inst.run_at(offset, args);
    (out.status.code(), json_of(&out))
}

fn assert_clock_behind(out: &Output) {
    assert_eq!(out.status.code(), Some(22), "{}", stderr(out));
    assert!(stderr(out).contains("the clock is more than 48 hours behind"), "{}", stderr(out));
    assert!(stderr(out).contains("next step: Set the computer's clock right"), "{}", stderr(out));
}

#[test]
fn a_clock_turned_back_more_than_48_hours_is_refused() {
    let inst = Installation::new().at_update_one();
    let before = inst.license_file();
    let (code, err) = json_at(&inst, "-3d", &["status", "--json"]);
    assert_eq!(code, Some(22), "{err}");
    assert_eq!(err["error"], "clock_behind");
    let (now, latest) = (err["detail"]["now"].as_str().unwrap(), err["detail"]["latest_seen"].as_str().unwrap());
    assert!(now < latest && now.ends_with('Z') && latest.ends_with('Z'), "{err}");
    assert!(err["message"].as_str().unwrap().contains(now), "{err}");
    assert_match_schemas(&[("error", err.clone())]);

    let request = inst.request();
    let upgrade = inst.respond(&request, 2, state(&["remote_users=3", "clients=25"]));
    for args in [&["status"][..], &["create-code"], &["enter-code", &upgrade], &["release"], &["seats", "list"]] {
        assert_clock_behind(&inst.run_at("-3d", args));
    }
    assert_eq!(inst.license_file(), before, "a refused call changed the licence file");
    // A day behind (a wrong time zone, a dead battery corrected late) is not refused.
    assert_success(&inst.run_at("-1d", &["status"]));
    assert_success(&inst.run_at("-47h", &["enter-code", &upgrade]));
    assert_eq!(inst.status()["counter"], 2);
}

#[test]
fn the_latest_time_seen_only_moves_forward_and_is_sealed() {
    let inst = Installation::new().at_update_one();
    // Ten days on, the time is recorded; back at today's date, the clock is 10 days behind.
    let (code, status) = json_at(&inst, "+10d", &["status", "--json"]);
    assert_eq!(code, Some(0), "{status}");
    let recorded = status["latest_seen"].as_str().unwrap().to_string();
    assert_eq!(inst.status_code(&["status"]), Some(22));
    assert_success(&inst.run_at("+9d", &["status"]));
    // An earlier clock never lowers it.
    let (_, status) = json_at(&inst, "+9d", &["status", "--json"]);
    assert_eq!(status["latest_seen"], recorded.as_str());

    // Turned back by hand in the file: refused as an edited licence.
    let mut file: Value = serde_json::from_slice(&inst.license_file()).unwrap();
    file["latest_seen"] = "2020-01-01T00:00:00Z".into();
    std::fs::write(inst.path("license.json"), serde_json::to_string_pretty(&file).unwrap()).unwrap();
    let out = inst.run_at("+10d", &["status"]);
    assert_eq!(out.status.code(), Some(14), "{}", stderr(&out));
    assert!(stderr(&out).contains("the latest time it has seen was edited"), "{}", stderr(&out));
}

#[test]
fn a_response_issued_days_after_the_clock_is_refused() {
    let inst = Installation::new().at_update_one();
    let request = inst.request();
    let grant = Grant {
        product: request.product,
        serial: request.serial,
        key_id: request.key_id,
        from_counter: request.counter,
        to_counter: 2,
        issued: Day(request.created.0 + 3),
        entitlements: state(&["remote_users=3", "clients=25"]),
    };
    let code = sign_response(&vendor_key(), 1, &grant).unwrap().to_code();
    let before = inst.license_file();
    assert_clock_behind(&inst.run(&["enter-code", &code]));
    assert_eq!(inst.license_file(), before);
    // With the clock right (three days on), it applies, and its issue day
    // is a time seen: today's date is then refused.
    assert_success(&inst.run_at("+3d", &["enter-code", &code]));
    assert_eq!(inst.status_code(&["status"]), Some(22));
}

#[test]
fn time_zones_and_daylight_saving_never_trip_it() {
    let inst = Installation::new().at_update_one();
    // From 14 hours ahead of UTC to 12 behind, and across Europe's switch
    // to summer time: the library counts UTC seconds.
    for zone in ["Pacific/Kiritimati", "Etc/GMT+12", "Europe/Berlin", "America/St_Johns", "UTC"] {
        let out = inst.command().env("TZ", zone).args(["status"]).output().unwrap();
        assert_success(&out);
    }
    for (zone, at) in [("Europe/Berlin", "@2027-03-28 01:59:00"), ("Europe/Berlin", "@2027-03-28 03:01:00")] {
        let out = inst.command_at(at).env("TZ", zone).args(["status"]).output().unwrap();
        // The minute before the switch and the minute after, an hour apart on the wall clock.
        assert_success(&out);
    }
}

/// A licence file written by an earlier release (format 1: no seal, no
/// clock record, no seats) reads as it is and is written anew, sealed.
#[test]
fn a_licence_file_of_an_earlier_release_reads_and_is_sealed_on_its_next_change() {
    let inst = Installation::new().at_update_one();
    let mut file: Value = serde_json::from_slice(&inst.license_file()).unwrap();
    let object = file.as_object_mut().unwrap();
    object.remove("seal");
    object.remove("latest_seen");
    object.insert("format".into(), 1.into());
    std::fs::write(inst.path("license.json"), serde_json::to_string_pretty(&file).unwrap()).unwrap();
    assert_eq!(inst.status()["counter"], 1);
    let now: Value = serde_json::from_slice(&inst.license_file()).unwrap();
    assert_eq!(now["format"], 2, "{now}");
    assert!(now["seal"].is_string() && now["latest_seen"].is_string(), "{now}");
}

impl Installation {
    fn status_code(&self, args: &[&str]) -> Option<i32> {
        self.run(args).status.code()
    }
}
