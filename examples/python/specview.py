"""specview: a licensed program's licence screen, in Python, on the C
library through ctypes (no compiler needed).

    python3 specview.py LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]

The same commands and exit statuses as examples/c/specview.c. The library is
found at $LICENSE_FFI_LIB (default target/debug/liblicense_ffi.so).
"""
import ctypes
import json
import os
import sys

lib = ctypes.CDLL(os.environ.get("LICENSE_FFI_LIB", "target/debug/liblicense_ffi.so"))
out_string = ctypes.POINTER(ctypes.c_char_p)
lib.license_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
lib.license_close.argtypes = [ctypes.c_void_p]
lib.license_init.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
lib.license_init_with_registration_code.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
for name in ("license_status_json", "license_create_code", "license_release", "license_last_error_json"):
    getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_void_p]
for name in ("license_enter_code", "license_get_it_now"):
    getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
lib.license_decode_json.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p]
lib.license_string_free.argtypes = [ctypes.c_void_p]


class LicenseError(Exception):
    """A failed call: `status` is the `license` command's exit code; `error` the library's JSON."""

    def __init__(self, status, error):
        super().__init__(error.get("message") if error else f"status {status}")
        self.status, self.error = status, error


def take(pointer):
    """The text the library handed out, freed."""
    try:
        return pointer.value.decode("utf-8")
    finally:
        lib.license_string_free(pointer)


def last_error(handle):
    out = ctypes.c_char_p()
    if lib.license_last_error_json(handle, ctypes.byref(out)) != 0:
        return None
    return json.loads(take(out))


def check(status, handle=None):
    if status != 0:
        raise LicenseError(status, last_error(handle))


class License:
    def __init__(self, license_file, trust_json, machine_id=None):
        self.handle = ctypes.c_void_p()
        machine = machine_id.encode() if machine_id else None
        check(lib.license_open(license_file.encode(), trust_json.encode(), machine, ctypes.byref(self.handle)))

    def close(self):
        lib.license_close(self.handle)

    def _text(self, function, *args):
        out = ctypes.c_char_p()
        check(function(self.handle, *[a.encode() for a in args], ctypes.byref(out)), self.handle)
        return take(out)

    def init(self, serial, product, registration_code=None):
        """A new installation; `registration_code` from the purchase email, asked for once."""
        if registration_code is None:
            check(lib.license_init(self.handle, serial.encode(), product.encode()), self.handle)
        else:
            check(lib.license_init_with_registration_code(
                self.handle, serial.encode(), product.encode(), registration_code.encode()), self.handle)

    def create_code(self):
        return self._text(lib.license_create_code)

    def enter_code(self, code):
        return json.loads(self._text(lib.license_enter_code, code))

    def status(self):
        return json.loads(self._text(lib.license_status_json))

    def get_it_now(self, server_url):
        return json.loads(self._text(lib.license_get_it_now, server_url))


def decode(code, trust_json=None):
    out = ctypes.c_char_p()
    check(lib.license_decode_json(code.encode(), trust_json.encode() if trust_json else None, ctypes.byref(out)))
    return json.loads(take(out))


def main(argv):
    license_file, trust_file, machine, command, *args = argv
    trust = open(trust_file, encoding="utf-8").read()
    try:
        if command == "decode":
            print(json.dumps(decode(args[0], trust)))
            return 0
        lic = License(license_file, trust, None if machine == "-" else machine)
        try:
            if command == "init":
                lic.init(*args)
                print("installed at update 0")
            elif command == "create-code":
                print(lic.create_code())
            elif command == "enter-code":
                print(json.dumps(lic.enter_code(args[0])))
            elif command == "status":
                print(json.dumps(lic.status()))
            elif command == "get-it-now":
                print(json.dumps(lic.get_it_now(args[0])))
            else:
                print(f"unknown command: {command}", file=sys.stderr)
                return 2
        finally:
            lic.close()
    except LicenseError as e:
        print(json.dumps(e.error), file=sys.stderr)
        return e.status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
