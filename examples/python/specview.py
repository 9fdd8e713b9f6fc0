"""specview: a licensed program's licence screen, in Python, on the
license_ffi package (bindings/python: `pip install ./bindings/python`).

    python3 specview.py LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]

The same commands and exit statuses as examples/c/specview.c. The library is
found at $LICENSE_FFI_LIB (default target/debug/liblicense_ffi.so).
"""
import json
import os
import pathlib
import sys

try:
    import license_ffi
except ImportError:  # not installed: the package from this repository
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "src"))
    import license_ffi

os.environ.setdefault("LICENSE_FFI_LIB", "target/debug/liblicense_ffi.so")


def run(lic, command, args):
    """Runs one command; what it prints on success."""
    if command == "init":
        lic.init(*args)
        return "installed at update 0"
    if command == "seats-claim":
        entitlement, holder, *lease = args
        lic.claim_seat(entitlement, holder, int(lease[0]) if lease else None)
        return f"{holder} holds a seat of {entitlement}"
    if command == "seats-release":
        lic.release_seat(*args)
        return f"{args[1]} released its seat of {args[0]}"
    results = {
        "create-code": lambda: lic.create_code(),
        "enter-code": lambda: json.dumps(lic.enter_code(args[0])),
        "status": lambda: json.dumps(lic.status()),
        "get-it-now": lambda: json.dumps(lic.get_it_now(args[0])),
        "seats": lambda: json.dumps(lic.seats()),
    }
    if command not in results:
        raise KeyError(command)
    return results[command]()


def main(argv):
    license_file, trust_file, machine, command, *args = argv
    trust = open(trust_file, encoding="utf-8").read()
    try:
        if command == "decode":
            print(json.dumps(license_ffi.decode(args[0], trust)))
            return 0
        with license_ffi.License(license_file, trust, None if machine == "-" else machine) as lic:
            print(run(lic, command, args))
    except KeyError:
        print(f"unknown command: {command}", file=sys.stderr)
        return 2
    except license_ffi.LicenseError as e:
        # The same JSON the C example prints: license_last_error_json's.
        report = {"error": e.error, "message": e.message, "next_step": e.next_step, "group": e.group,
                  "detail": e.detail, "server": e.server}
        print(json.dumps(report), file=sys.stderr)
        return e.status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
