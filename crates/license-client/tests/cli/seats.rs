//! `license seats`: the seat ledger a primary server keeps for its own
//! clients, offline, against a count of its licence.

use super::*;

impl Installation {
    /// At update `to` with `clients` seats (a response answering this installation's request).
    fn with_clients(&self, clients: u32) -> &Self {
        let request = self.request();
        let code =
            self.respond(&request, request.counter + 1, state(&["remote_users=1", &format!("clients={clients}")]));
        assert_success(&self.run(&["enter-code", &code]));
        self
    }

    fn claim(&self, holder: &str) -> Output {
        self.run(&["seats", "claim", "--entitlement", "clients", "--holder", holder])
    }

    fn seats(&self) -> Value {
        let out = self.run(&["seats", "list", "--json"]);
        assert_success(&out);
        json_of(&out)
    }

    /// The holders of `clients`, in claim order.
    fn holders(&self) -> Vec<String> {
        let seats = self.seats();
        let clients = seats["seats"].as_array().unwrap().iter().find(|s| s["entitlement"] == "clients").unwrap();
        clients["holders"].as_array().unwrap().iter().map(|h| h["holder"].as_str().unwrap().to_string()).collect()
    }
}

fn refused_no_seat(out: &Output, count: u32) {
    assert_eq!(out.status.code(), Some(21), "{}", stderr(out));
    assert!(stderr(out).contains(&format!("all {count} seats of clients are taken")), "{}", stderr(out));
    assert!(stderr(out).contains("next step: Release a seat"), "{}", stderr(out));
}

#[test]
fn seats_are_claimed_up_to_the_count_and_never_beyond() {
    let inst = Installation::new();
    inst.with_clients(2);
    assert_success(&inst.claim("PC-01"));
    let out = inst.claim("PC-02");
    assert_success(&out);
    assert!(stdout(&out).contains("2 of 2 in use"), "{}", stdout(&out));
    // The same holder claiming again keeps its one seat.
    let again = inst.claim(" PC-01 ");
    assert_success(&again);
    assert!(stdout(&again).contains("already held"), "{}", stdout(&again));
    let before = inst.license_file();
    refused_no_seat(&inst.claim("PC-03"), 2);
    assert_eq!(inst.license_file(), before, "a refused claim changed the licence file");
    // With --json, the claim and the refusal as JSON (the error with its detail members).
    let out = inst.run(&["seats", "claim", "--entitlement", "clients", "--holder", "PC-03", "--json"]);
    assert_eq!(out.status.code(), Some(21));
    let err = json_of(&out);
    assert_eq!(err["error"], "no_seat_left");
    assert_eq!(err["detail"], serde_json::json!({"entitlement": "clients", "count": 2, "used": 2}));
    assert_match_schemas(&[("error", err)]);
    let out = inst.run(&["seats", "claim", "--entitlement", "clients", "--holder", "PC-02", "--json"]);
    assert_success(&out);
    let claimed = json_of(&out);
    assert_eq!((claimed["already_held"].as_bool(), claimed["used"].as_u64()), (Some(true), Some(2)), "{claimed}");

    let seats = inst.seats();
    assert_eq!(seats["seats"][0]["entitlement"], "remote_users");
    let clients = &seats["seats"][1];
    assert_eq!(
        (clients["count"].as_u64(), clients["used"].as_u64(), clients["free"].as_u64()),
        (Some(2), Some(2), Some(0))
    );
    assert_eq!(inst.holders(), ["PC-01", "PC-02"]);
    assert_match_schemas(&[("seats", seats)]);

    let out = inst.run(&["seats", "release", "--entitlement", "clients", "--holder", "PC-02"]);
    assert_success(&out);
    assert_success(&inst.claim("PC-03"));
    assert_eq!(inst.holders(), ["PC-01", "PC-03"]);
    // Releasing a seat nobody holds is said, not an error.
    let out = inst.run(&["seats", "release", "--entitlement", "clients", "--holder", "PC-02"]);
    assert_success(&out);
    assert!(stdout(&out).contains("held no seat"), "{}", stdout(&out));
    let out = inst.run(&["seats", "release", "--entitlement", "clients", "--holder", "PC-02", "--json"]);
    assert_eq!(json_of(&out)["released"], false);

    // What cannot hold seats: a flag, an unknown name, an unusable holder.
    for (args, error) in [
        (["--entitlement", "historian", "--holder", "PC-09"], "no count named 'historian'"),
        (["--entitlement", "client", "--holder", "PC-09"], "its counts: remote_users, clients"),
        (["--entitlement", "clients", "--holder", "  "], "it is empty"),
        (["--entitlement", "clients", "--holder", "PC\u{7}09"], "control characters"),
    ] {
        let out = inst.run(&[&["seats", "claim"][..], &args[..]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(error), "{args:?}: {}", stderr(&out));
    }
    let long = "x".repeat(201);
    assert_eq!(inst.claim(&long).status.code(), Some(2));
}

#[test]
fn a_response_that_raises_the_count_frees_room_at_once_and_one_that_lowers_it_keeps_the_claims() {
    let inst = Installation::new();
    inst.with_clients(2);
    assert_success(&inst.claim("PC-01"));
    assert_success(&inst.claim("PC-02"));
    refused_no_seat(&inst.claim("PC-03"), 2);
    inst.with_clients(3);
    assert_success(&inst.claim("PC-03"));
    assert_eq!(inst.holders(), ["PC-01", "PC-02", "PC-03"]);

    // Lowered to 1: the three claims stay, new ones are refused until
    // enough are released; a holder that holds one keeps it.
    inst.with_clients(1);
    let clients = inst.seats()["seats"][1].clone();
    assert_eq!(
        (clients["count"].as_u64(), clients["used"].as_u64(), clients["free"].as_u64()),
        (Some(1), Some(3), Some(0))
    );
    refused_no_seat(&inst.claim("PC-04"), 1);
    assert_success(&inst.claim("PC-02"));
    for holder in ["PC-01", "PC-02"] {
        assert_success(&inst.run(&["seats", "release", "--entitlement", "clients", "--holder", holder]));
    }
    refused_no_seat(&inst.claim("PC-04"), 1);
    assert_success(&inst.run(&["seats", "release", "--entitlement", "clients", "--holder", "PC-03"]));
    assert_success(&inst.claim("PC-04"));
    assert_eq!(inst.holders(), ["PC-04"]);
}

#[test]
fn leases_lapse_so_a_vanished_holders_seat_comes_free() {
    let inst = Installation::new();
    inst.with_clients(2);
    let out = inst.run(&["seats", "claim", "--entitlement", "clients", "--holder", "laptop", "--lease-minutes", "30"]);
    assert_success(&out);
    assert!(stdout(&out).contains("unless claimed again"), "{}", stdout(&out));
    assert_success(&inst.claim("PC-01"));
    refused_no_seat(&inst.claim("PC-02"), 2);
    // 20 minutes on, the lease still holds (and claiming again renews it for 30 more).
    let out = inst.run_at("+20m", &["seats", "claim", "--entitlement", "clients", "--holder", "PC-02"]);
    refused_no_seat(&out, 2);
    let renew = ["seats", "claim", "--entitlement", "clients", "--holder", "laptop", "--lease-minutes", "30"];
    assert_success(&inst.run_at("+20m", &renew));
    refused_no_seat(&inst.run_at("+40m", &["seats", "claim", "--entitlement", "clients", "--holder", "PC-02"]), 2);
    // 51 minutes on, it lapsed: not listed, its seat free.
    let out = inst.run_at("+51m", &["seats", "list", "--json"]);
    assert_success(&out);
    let holders = json_of(&out)["seats"][1]["holders"].clone();
    assert_eq!(holders.as_array().unwrap().len(), 1, "{holders}");
    assert_success(&inst.run_at("+51m", &["seats", "claim", "--entitlement", "clients", "--holder", "PC-02"]));
    assert_eq!(inst.holders(), ["PC-01", "PC-02"]);
    // A lease of 0 minutes is a usage error.
    let zero = inst.run(&["seats", "claim", "--entitlement", "clients", "--holder", "x", "--lease-minutes", "0"]);
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn the_ledger_cannot_be_reset_by_editing_or_deleting_it() {
    let inst = Installation::new();
    inst.with_clients(2);
    assert_success(&inst.claim("PC-01"));
    assert_success(&inst.claim("PC-02"));
    let original = String::from_utf8(inst.license_file()).unwrap();
    let sealed: Value = serde_json::from_str(&original).unwrap();
    assert_eq!(sealed["format"], 2);
    type Edit = fn(&mut Value);
    let edits: [(&str, Edit); 4] = [
        ("a claim removed", |f| {
            f["seats"].as_array_mut().unwrap().pop();
        }),
        ("the ledger removed", |f| {
            f.as_object_mut().unwrap().remove("seats");
        }),
        ("the ledger and its seal removed", |f| {
            f.as_object_mut().unwrap().remove("seats");
            f.as_object_mut().unwrap().remove("seal");
        }),
        ("a holder renamed", |f| f["seats"][0]["holder"] = "PC-99".into()),
    ];
    for (what, edit) in edits {
        let mut file = sealed.clone();
        edit(&mut file);
        std::fs::write(inst.path("license.json"), serde_json::to_string_pretty(&file).unwrap()).unwrap();
        for args in
            [&["seats", "list"][..], &["seats", "claim", "--entitlement", "clients", "--holder", "PC-03"], &["status"]]
        {
            let out = inst.run(args);
            assert_eq!(out.status.code(), Some(14), "{what}, {args:?}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("its seat ledger or the latest time it has seen was edited"),
                "{}",
                stderr(&out)
            );
        }
    }
    // Put back as it was, it reads again: whitespace and member order are not what the seal covers.
    std::fs::write(inst.path("license.json"), serde_json::to_string(&sealed).unwrap()).unwrap();
    assert_eq!(inst.holders(), ["PC-01", "PC-02"]);
    // Deleting the licence file deletes the licence, not just its ledger.
    std::fs::remove_file(inst.path("license.json")).unwrap();
    assert_eq!(inst.claim("PC-03").status.code(), Some(12));
}

/// Many processes claiming at once: exactly as many seats as the count, never more.
#[test]
fn claims_from_many_processes_at_once_never_exceed_the_count() {
    let inst = Installation::new();
    inst.with_clients(3);
    let children: Vec<_> = (0..8)
        .map(|i| {
            let mut c = inst.command();
            c.args(["seats", "claim", "--entitlement", "clients", "--holder", &format!("PC-{i:02}")]);
            c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = children.into_iter().map(|mut c| c.wait().unwrap().code()).collect();
    assert_eq!(codes.iter().filter(|c| **c == Some(0)).count(), 3, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == Some(21)).count(), 5, "{codes:?}");
    assert_eq!(inst.holders().len(), 3);
}
