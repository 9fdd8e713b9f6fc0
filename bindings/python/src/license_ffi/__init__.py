"""The licensed program's side, for Python programs: the C library
``license_ffi`` (``license.h``) through ctypes, with typed exceptions.

    from license_ffi import License, NoSeatLeft

    with License("license.json", TRUST_JSON) as lic:    # TRUST_JSON: the vendor's, built in
        lic.init("S0A1B2-C3D4E5", "SpecView", "ABCDE-FGHIJ-KLMNP-QRSTV")
        print(lic.create_code())                         # submit it on the vendor's page
        lic.enter_code(response_code)                    # {"changes": [...], ...}
        lic.claim_seat("clients", "PC-07")               # NoSeatLeft when all are held

The library is found at ``$LICENSE_FFI_LIB``, else as ``license_ffi`` on the
system's library path (``liblicense_ffi.so``, ``license_ffi.dll``,
``liblicense_ffi.dylib``); or pass ``library=`` to :class:`License`.
Every JSON the library returns is returned parsed (docs/schemas/ in the
repository describes each). docs/c-interface.md is the contract.
"""

import ctypes
import ctypes.util
import json
import os
import threading

__all__ = [
    "License",
    "decode",
    "load_library",
    "LicenseError",
    "BadArgument",
    "FileError",
    "CodeError",
    "LicenseFileError",
    "TrustError",
    "ServerRefused",
    "ServerUnreachable",
    "Released",
    "NothingToRelease",
    "ImageError",
    "NoSeatLeft",
    "ClockBehind",
    "InternalError",
]


class LicenseError(Exception):
    """A call the library refused. ``status`` is its status (the ``license``
    command's exit code, README's table); ``error`` the error's stable name
    (``no_seat_left``); ``message`` and ``next_step`` the words for the
    program's user; ``detail`` the error's members; ``server`` the licence
    server's problem (``{"status", "code", "detail"}``) or ``None``."""

    def __init__(self, status, report):
        report = report or {}
        self.status = status
        self.error = report.get("error", "unknown")
        self.message = report.get("message", f"status {status}")
        self.next_step = report.get("next_step", "")
        self.group = report.get("group")
        self.detail = report.get("detail") or {}
        self.server = report.get("server")
        super().__init__(f"{self.message} ({self.error}, status {status})")

    @property
    def server_code(self):
        """The licence server's problem code (``installation_limit``, …), or ``None``."""
        return self.server["code"] if self.server else None


class FileError(LicenseError):
    """1: a file could not be read or written."""


class BadArgument(LicenseError):
    """2: an argument the library cannot use (NULL, not UTF-8, an unknown count, a bad registration code)."""


class CodeError(LicenseError):
    """3 to 11: a code that does not read, is not trusted, or does not apply here (``group`` names a typo's group)."""


class LicenseFileError(LicenseError):
    """12 to 14: no licence file, one from another machine, or one edited by hand."""


class TrustError(LicenseError):
    """15: the vendor's trust file is missing or does not know the product."""


class ServerRefused(LicenseError):
    """16: the licence server refused; ``server_code`` says why."""


class ServerUnreachable(LicenseError):
    """17: the licence server could not be reached."""


class Released(LicenseError):
    """18: this computer gave its place on the licence back."""


class NothingToRelease(LicenseError):
    """19: an installation at update 0 has nothing to release."""


class ImageError(LicenseError):
    """20: no single QR code could be read in the picture."""


class NoSeatLeft(LicenseError):
    """21: every seat of the count is held (``detail``: entitlement, count, used)."""


class ClockBehind(LicenseError):
    """22: the computer's clock is more than 48 hours behind the latest time the licence has seen."""


class InternalError(LicenseError):
    """70: a bug in the library, caught at its boundary."""


_BY_STATUS = {1: FileError, 2: BadArgument, 15: TrustError, 16: ServerRefused, 17: ServerUnreachable,
              18: Released, 19: NothingToRelease, 20: ImageError, 21: NoSeatLeft, 22: ClockBehind,
              70: InternalError}
_BY_STATUS.update({s: CodeError for s in range(3, 12)})
_BY_STATUS.update({s: LicenseFileError for s in range(12, 15)})

_SIGNATURES = {
    "license_open": [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)],
    "license_close": [ctypes.c_void_p],
    "license_init": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p],
    "license_init_with_registration_code": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p],
    "license_status_json": [ctypes.c_void_p, ctypes.c_void_p],
    "license_create_code": [ctypes.c_void_p, ctypes.c_void_p],
    "license_enter_code": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p],
    "license_enter_code_image": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint32,
                                 ctypes.c_void_p],
    "license_release": [ctypes.c_void_p, ctypes.c_void_p],
    "license_get_it_now": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p],
    "license_seat_claim": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p],
    "license_seat_claim_leased": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint32],
    "license_seat_release": [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p],
    "license_seats_json": [ctypes.c_void_p, ctypes.c_void_p],
    "license_decode_json": [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p],
    "license_last_error_json": [ctypes.c_void_p, ctypes.c_void_p],
    "license_set_language": [ctypes.c_void_p, ctypes.c_char_p],
    "license_string_free": [ctypes.c_void_p],
}

_loaded = {}
_loading = threading.Lock()


def load_library(path=None):
    """The C library at ``path``, ``$LICENSE_FFI_LIB``, or on the system's library path."""
    path = path or os.environ.get("LICENSE_FFI_LIB") or ctypes.util.find_library("license_ffi")
    if not path:
        raise OSError("the license_ffi library was not found: set LICENSE_FFI_LIB to liblicense_ffi.so "
                      "(license_ffi.dll on Windows), or pass library= to License")
    with _loading:
        if path not in _loaded:
            lib = ctypes.CDLL(path)
            for name, argtypes in _SIGNATURES.items():
                function = getattr(lib, name)
                function.argtypes = argtypes
                function.restype = None if name in ("license_close", "license_string_free") else ctypes.c_int
            _loaded[path] = lib
        return _loaded[path]


def _utf8(text, what):
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text.encode("utf-8")


def _take(lib, out):
    """The string the library handed out, as str, freed."""
    if not out.value:
        return None
    try:
        return out.value.decode("utf-8")
    finally:
        lib.license_string_free(out)


def _raise(lib, status, handle):
    out = ctypes.c_char_p()
    report = None
    if lib.license_last_error_json(handle, ctypes.byref(out)) == 0:
        report = json.loads(_take(lib, out) or "null")
    raise _BY_STATUS.get(status, LicenseError)(status, report)


class License:
    """One licence file on this computer, with the vendor's trust file (its
    JSON text: build it into the program, never read it from a file the user
    can write). ``machine_id`` None reads the operating system's.

    A License is used by one thread at a time (it keeps its last error, as
    the C handle does); give each thread its own. Close it, or use ``with``.
    """

    def __init__(self, license_file, trust_json, machine_id=None, library=None):
        self._lib = load_library(library)
        self._handle = ctypes.c_void_p()
        status = self._lib.license_open(_utf8(os.fspath(license_file), "license_file"),
                                        _utf8(trust_json, "trust_json"), _utf8(machine_id, "machine_id"),
                                        ctypes.byref(self._handle))
        if status != 0:
            _raise(self._lib, status, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def close(self):
        handle, self._handle = getattr(self, "_handle", None), None
        if handle:
            self._lib.license_close(handle)

    def _call(self, name, *args):
        if not self._handle:
            raise ValueError("the License is closed")
        status = getattr(self._lib, name)(self._handle, *args)
        if status != 0:
            _raise(self._lib, status, self._handle)

    def _text(self, name, *args):
        out = ctypes.c_char_p()
        self._call(name, *args, ctypes.byref(out))
        return _take(self._lib, out)

    def init(self, serial, product, registration_code=None):
        """A new installation at update 0: the serial number and, when the
        licence has one, the registration code from the purchase confirmation."""
        if registration_code is None:
            self._call("license_init", _utf8(serial, "serial"), _utf8(product, "product"))
        else:
            self._call("license_init_with_registration_code", _utf8(serial, "serial"), _utf8(product, "product"),
                       _utf8(registration_code, "registration_code"))

    def status(self):
        """The licence: product, serial, key id, counter, entitlements (status.json)."""
        return json.loads(self._text("license_status_json"))

    def create_code(self):
        """A new request code (Create Code), also logged beside the licence file."""
        return self._text("license_create_code")

    def enter_code(self, code):
        """Verifies and installs a response code; what changed (applied.json)."""
        return json.loads(self._text("license_enter_code", _utf8(code, "code")))

    def enter_code_image(self, rgba, width, height):
        """The same, with the response read from the QR code in RGBA pixels (bytes, 4 a pixel)."""
        if len(rgba) != width * height * 4:
            raise ValueError("rgba must hold width * height * 4 bytes")
        return json.loads(self._text("license_enter_code_image", bytes(rgba), width, height))

    def release(self):
        """Gives this computer's place back: the release code to submit."""
        return self._text("license_release")

    def get_it_now(self, server_url):
        """Fetches and installs the waiting upgrade (online). Nothing waiting
        is no error: ``result["nothing_waiting"]`` is then True."""
        return json.loads(self._text("license_get_it_now", _utf8(server_url, "server_url")))

    def claim_seat(self, entitlement, holder, lease_minutes=None):
        """Gives ``holder`` a seat of the count ``entitlement``; the same
        holder again keeps its one seat. ``lease_minutes``: the claim lapses
        that long after it was last made. :class:`NoSeatLeft` when all are held."""
        if lease_minutes is None:
            self._call("license_seat_claim", _utf8(entitlement, "entitlement"), _utf8(holder, "holder"))
        else:
            self._call("license_seat_claim_leased", _utf8(entitlement, "entitlement"), _utf8(holder, "holder"),
                       int(lease_minutes))

    def release_seat(self, entitlement, holder):
        """Gives ``holder``'s seat back (no error when it held none)."""
        self._call("license_seat_release", _utf8(entitlement, "entitlement"), _utf8(holder, "holder"))

    def seats(self):
        """Every count entitlement with its count, seats used and free, and holders (seats.json)."""
        return json.loads(self._text("license_seats_json"))

    def set_language(self, language):
        """The language of the error words: "en", "fr" or "de"."""
        self._call("license_set_language", _utf8(language, "language"))


def decode(code, trust_json=None, library=None):
    """Decodes any code without applying it (decode.json); with the trust
    JSON, products are named and a response's signing key is checked."""
    lib = load_library(library)
    out = ctypes.c_char_p()
    status = lib.license_decode_json(_utf8(code, "code"), _utf8(trust_json, "trust_json"), ctypes.byref(out))
    if status != 0:
        _raise(lib, status, None)
    return json.loads(_take(lib, out))

