"""The Python wrapper against the real C library and a real license-server:
the SpecView story, seats, the clock, and the errors a program tells apart."""
import json
import os
import subprocess
import sys

import pytest

import license_ffi
from license_ffi import (BadArgument, ClockBehind, CodeError, License, LicenseFileError, NoSeatLeft,
                         ServerRefused, ServerUnreachable)


def typo_in_group_5(code):
    groups = code.split("-")
    groups[4] = ("Q" if groups[4][0] != "Q" else "R") + groups[4][1:]
    return "-".join(groups)


def test_the_specview_story(server, licence_file):
    serial, registration = server.new_licence()
    # Without the registration code the server binds nothing: its problem code says why,
    # and the next step speaks to the program's user, not to a command line.
    with License(licence_file, server.trust, "machine-c") as lic:
        lic.init(serial, "SpecView")
        with pytest.raises(ServerRefused) as refused:
            lic.get_it_now(server.url)
        assert refused.value.status == 16
        assert refused.value.server_code == "registration_required"
        assert refused.value.server["status"] == 409 and refused.value.server["detail"]
        assert "license " not in refused.value.next_step and "--" not in refused.value.next_step
    licence_file.unlink()

    with License(licence_file, server.trust, "machine-a") as lic:
        with pytest.raises(BadArgument) as bad:
            lic.init(serial, "SpecView", "NOT-A-CODE")
        assert bad.value.error == "bad_argument"
        lic.init(serial, "SpecView", registration)
        with pytest.raises(LicenseFileError) as exists:
            lic.init(serial, "SpecView", registration)
        assert (exists.value.status, exists.value.error) == (12, "license_exists")
        request = lic.create_code()
        response = server.respond(request)
        with pytest.raises(CodeError) as typo:
            lic.enter_code(typo_in_group_5(response))
        assert (typo.value.status, typo.value.error, typo.value.group) == (3, "bad_group", 5)
        applied = lic.enter_code(response)
        assert applied["entitlements"]["remote_users"] == 1 and applied["nothing_waiting"] is False
        status = lic.status()
        assert status["counter"] == 1 and status["latest_seen"].endswith("Z")
        with pytest.raises(CodeError) as again:
            lic.enter_code(response)
        assert (again.value.status, again.value.error) == (7, "too_old")

    with pytest.raises(LicenseFileError) as copied:
        License(licence_file, server.trust, "machine-b").status()
    assert (copied.value.status, copied.value.error) == (13, "copied_license")

    # Get it now: the waiting upgrade, then nothing waiting, which is no error.
    server.admin("upgrade", "queue", "--serial", serial, "remote_users=3")
    with License(licence_file, server.trust, "machine-a") as lic:
        fetched = lic.get_it_now(server.url)
        assert fetched["changes"][0]["text"] == "remote_users: 1 -> 3"
        nothing = lic.get_it_now(server.url)
        assert nothing["nothing_waiting"] is True and nothing["changes"] == []
        assert nothing["counter"] == fetched["counter"] and nothing["message"]
        with pytest.raises(ServerUnreachable):
            lic.get_it_now("http://127.0.0.1:9")
    assert license_ffi.decode(serial)["kind"] == "serial"


def test_seats_on_the_primary_server(server, licence_file):
    serial, registration = server.new_licence("remote_users=1", "clients=2")
    with License(licence_file, server.trust, "primary") as lic:
        lic.init(serial, "SpecView", registration)
        lic.enter_code(server.respond(lic.create_code()))
        lic.claim_seat("clients", "PC-01")
        lic.claim_seat("clients", "PC-02")
        lic.claim_seat("clients", "PC-01")  # the same holder: the same seat
        with pytest.raises(NoSeatLeft) as full:
            lic.claim_seat("clients", "PC-03")
        assert full.value.status == 21 and full.value.error == "no_seat_left"
        assert full.value.detail == {"entitlement": "clients", "count": 2, "used": 2}
        assert "Create Code" in full.value.next_step
        clients = [s for s in lic.seats()["seats"] if s["entitlement"] == "clients"][0]
        assert (clients["count"], clients["used"], clients["free"]) == (2, 2, 0)
        lic.release_seat("clients", "PC-01")
        lic.claim_seat("clients", "PC-03", lease_minutes=30)
        holders = [s for s in lic.seats()["seats"] if s["entitlement"] == "clients"][0]["holders"]
        assert [h["holder"] for h in holders] == ["PC-02", "PC-03"] and "expires_at" in holders[1]
        with pytest.raises(BadArgument) as flag:
            lic.claim_seat("historian", "PC-04")
        assert flag.value.error == "unknown_entitlement"

        # More clients bought: room at once, no restart.
        server.admin("upgrade", "queue", "--serial", serial, "clients=3")
        lic.get_it_now(server.url)
        lic.claim_seat("clients", "PC-04")


def test_a_clock_turned_back_is_refused(server, licence_file):
    serial, registration = server.new_licence()
    with License(licence_file, server.trust, "machine-a") as lic:
        lic.init(serial, "SpecView", registration)
        lic.enter_code(server.respond(lic.create_code()))
    # The library's clock moves only with the computer's: libfaketime, in a process of its own.
    script = (
        "import json, sys, license_ffi\n"
        "try:\n"
        f"    license_ffi.License({str(licence_file)!r}, sys.stdin.read(), 'machine-a').status()\n"
        "    print('accepted')\n"
        "except license_ffi.ClockBehind as e:\n"
        "    print(json.dumps({'error': e.error, 'detail': e.detail, 'next_step': e.next_step}))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    behind = subprocess.run(["faketime", "-f", "-3d", sys.executable, "-c", script], input=server.trust,
                            capture_output=True, text=True, env=env, check=True).stdout
    refused = json.loads(behind)
    assert refused["error"] == "clock_behind"
    assert refused["detail"]["now"] < refused["detail"]["latest_seen"]
    assert refused["next_step"].startswith("Set the computer's clock right")
    a_day = subprocess.run(["faketime", "-f", "-1d", sys.executable, "-c", script], input=server.trust,
                           capture_output=True, text=True, env=env, check=True).stdout
    assert a_day.strip() == "accepted"
    assert issubclass(ClockBehind, license_ffi.LicenseError)


def test_errors_in_the_users_language_and_bad_arguments(server, licence_file):
    with License(licence_file, server.trust, "machine-a") as lic:
        lic.set_language("fr")
        with pytest.raises(LicenseFileError) as missing:
            lic.status()
        assert missing.value.error == "no_license"
        assert missing.value.message.startswith("aucun fichier de licence")
        assert "license init" not in missing.value.next_step
        with pytest.raises(BadArgument):
            lic.set_language("xx")
        with pytest.raises(TypeError):
            lic.enter_code(b"bytes are not text")
    with pytest.raises(license_ffi.TrustError):
        License(licence_file, "{not json", "machine-a")
    closed = License(licence_file, server.trust, "machine-a")
    closed.close()
    with pytest.raises(ValueError):
        closed.status()
