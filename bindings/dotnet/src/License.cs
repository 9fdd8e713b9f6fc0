// The licensed program's side for .NET and mono: the license_ffi C library
// (license.h) through P/Invoke. docs/c-interface.md is the contract; this
// file follows its .NET notes: strings in as UTF-8 (LPUTF8Str), strings out
// as IntPtr freed with license_string_free, the handle in a SafeHandle,
// 64-bit processes only (the library is built for x86_64).
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace LicenseFfi
{
    /// <summary>The library's handle; closed with license_close when released.</summary>
    public sealed class LicenseSafeHandle : SafeHandle
    {
        public LicenseSafeHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            NativeMethods.license_close(handle);
            return true;
        }
    }

    /// <summary>The C functions, as license.h declares them.</summary>
    public static class NativeMethods
    {
        const string Library = "license_ffi";
        const UnmanagedType Utf8 = UnmanagedType.LPUTF8Str;

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_open([MarshalAs(Utf8)] string licenseFile, [MarshalAs(Utf8)] string trustJson,
            [MarshalAs(Utf8)] string machineId, out LicenseSafeHandle handle);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void license_close(IntPtr handle);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_init(LicenseSafeHandle h, [MarshalAs(Utf8)] string serial, [MarshalAs(Utf8)] string product);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_init_with_registration_code(LicenseSafeHandle h, [MarshalAs(Utf8)] string serial,
            [MarshalAs(Utf8)] string product, [MarshalAs(Utf8)] string registrationCode);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_status_json(LicenseSafeHandle h, out IntPtr json);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_create_code(LicenseSafeHandle h, out IntPtr code);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_enter_code(LicenseSafeHandle h, [MarshalAs(Utf8)] string text, out IntPtr changesJson);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_enter_code_image(LicenseSafeHandle h, byte[] rgba, uint width, uint height, out IntPtr changesJson);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_release(LicenseSafeHandle h, out IntPtr code);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_get_it_now(LicenseSafeHandle h, [MarshalAs(Utf8)] string serverUrl, out IntPtr changesJson);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_seat_claim(LicenseSafeHandle h, [MarshalAs(Utf8)] string entitlement, [MarshalAs(Utf8)] string holder);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_seat_claim_leased(LicenseSafeHandle h, [MarshalAs(Utf8)] string entitlement,
            [MarshalAs(Utf8)] string holder, uint leaseMinutes);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_seat_release(LicenseSafeHandle h, [MarshalAs(Utf8)] string entitlement, [MarshalAs(Utf8)] string holder);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_seats_json(LicenseSafeHandle h, out IntPtr json);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_decode_json([MarshalAs(Utf8)] string text, [MarshalAs(Utf8)] string trustJson, out IntPtr json);
        // The handle may be NULL (the last failure of a call without one, on this thread): IntPtr.
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_last_error_json(IntPtr h, out IntPtr json);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int license_set_language(IntPtr h, [MarshalAs(Utf8)] string language);
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void license_string_free(IntPtr s);
    }

    /// <summary>A call the library refused: its status (the license command's
    /// exit code, the README's table), the error's stable name, the words for
    /// the program's user, the detail members, and the licence server's problem
    /// code when the server refused.</summary>
    public class LicenseException : Exception
    {
        public int Status { get; private set; }
        /// <summary>The stable name: no_seat_left, clock_behind, too_old…</summary>
        public string Error { get; private set; }
        public string NextStep { get; private set; }
        /// <summary>The group of a code a typo is in, or null.</summary>
        public long? Group { get; private set; }
        public Dictionary<string, object> Detail { get; private set; }
        /// <summary>The licence server's problem code (installation_limit, up_to_date…), or null.</summary>
        public string ServerCode { get; private set; }
        /// <summary>The licence server's words for its problem, or null.</summary>
        public string ServerDetail { get; private set; }

        public LicenseException(int status, Dictionary<string, object> report)
            : base(report != null ? (string)report["message"] : "status " + status)
        {
            Status = status;
            Error = report != null ? (string)report["error"] : "unknown";
            NextStep = report != null ? (string)report["next_step"] : "";
            Group = report != null ? (long?)(report["group"] as long?) : null;
            Detail = (report != null ? report["detail"] as Dictionary<string, object> : null) ?? new Dictionary<string, object>();
            var server = report != null && report.ContainsKey("server") ? report["server"] as Dictionary<string, object> : null;
            ServerCode = server != null ? (string)server["code"] : null;
            ServerDetail = server != null ? (string)server["detail"] : null;
        }

        internal static LicenseException Of(int status, Dictionary<string, object> report)
        {
            switch (status)
            {
                case License.NoSeatLeft: return new NoSeatLeftException(status, report);
                case License.ClockBehind: return new ClockBehindException(status, report);
                case License.ServerRefused: return new ServerRefusedException(status, report);
                default: return new LicenseException(status, report);
            }
        }
    }

    /// <summary>21: every seat of the count is held (Detail: entitlement, count, used).</summary>
    public class NoSeatLeftException : LicenseException
    {
        public NoSeatLeftException(int status, Dictionary<string, object> report) : base(status, report) { }
    }

    /// <summary>22: the clock is more than 48 hours behind the latest time the licence has seen.</summary>
    public class ClockBehindException : LicenseException
    {
        public ClockBehindException(int status, Dictionary<string, object> report) : base(status, report) { }
    }

    /// <summary>16: the licence server refused; ServerCode says why.</summary>
    public class ServerRefusedException : LicenseException
    {
        public ServerRefusedException(int status, Dictionary<string, object> report) : base(status, report) { }
    }

    /// <summary>One licence file on this computer, with the vendor's trust file
    /// (its JSON text, built into the program). Used by one thread at a time:
    /// give each thread its own. Dispose it (using).</summary>
    public sealed class License : IDisposable
    {
        public const int Ok = 0, BadArgument = 2, ServerRefused = 16, NoSeatLeft = 21, ClockBehind = 22, InternalError = 70;

        readonly LicenseSafeHandle handle;

        /// <param name="machineId">null: the operating system's (the registry's MachineGuid on Windows).</param>
        public License(string licenseFile, string trustJson, string machineId = null)
        {
            LicenseSafeHandle h;
            int status = NativeMethods.license_open(licenseFile, trustJson, machineId, out h);
            // Without a handle, the error is this thread's: read it now, on this thread.
            if (status != Ok) throw LicenseException.Of(status, LastError(IntPtr.Zero));
            handle = h;
        }

        public void Dispose() { handle.Dispose(); }

        public void Init(string serial, string product, string registrationCode = null)
        {
            Check(registrationCode == null
                ? NativeMethods.license_init(handle, serial, product)
                : NativeMethods.license_init_with_registration_code(handle, serial, product, registrationCode));
        }

        /// <summary>The licence (docs/schemas/status.json).</summary>
        public Dictionary<string, object> Status() { return Object(Text(NativeMethods.license_status_json)); }

        /// <summary>A new request code (Create Code).</summary>
        public string CreateCode() { return Text(NativeMethods.license_create_code); }

        /// <summary>Verifies and installs a response code; what changed (applied.json).</summary>
        public Dictionary<string, object> EnterCode(string code)
        {
            IntPtr p;
            Check(NativeMethods.license_enter_code(handle, code, out p));
            return Object(Take(p));
        }

        /// <summary>The same, the response read from the QR code in RGBA pixels.</summary>
        public Dictionary<string, object> EnterCodeImage(byte[] rgba, uint width, uint height)
        {
            IntPtr p;
            Check(NativeMethods.license_enter_code_image(handle, rgba, width, height, out p));
            return Object(Take(p));
        }

        /// <summary>Gives this computer's place back: the release code.</summary>
        public string Release() { return Text(NativeMethods.license_release); }

        /// <summary>Fetches and installs the waiting upgrade; nothing waiting is
        /// no error: then ["nothing_waiting"] is true.</summary>
        public Dictionary<string, object> GetItNow(string serverUrl)
        {
            IntPtr p;
            Check(NativeMethods.license_get_it_now(handle, serverUrl, out p));
            return Object(Take(p));
        }

        /// <summary>Gives holder a seat of the count; the same holder again keeps
        /// its one seat. leaseMinutes: the claim lapses that long after it was
        /// last made. NoSeatLeftException when all are held.</summary>
        public void ClaimSeat(string entitlement, string holder, uint? leaseMinutes = null)
        {
            Check(leaseMinutes.HasValue
                ? NativeMethods.license_seat_claim_leased(handle, entitlement, holder, leaseMinutes.Value)
                : NativeMethods.license_seat_claim(handle, entitlement, holder));
        }

        public void ReleaseSeat(string entitlement, string holder)
        {
            Check(NativeMethods.license_seat_release(handle, entitlement, holder));
        }

        /// <summary>Every count with its seats (seats.json).</summary>
        public Dictionary<string, object> Seats() { return Object(Text(NativeMethods.license_seats_json)); }

        /// <summary>The language of the error words: "en", "fr" or "de".</summary>
        public void SetLanguage(string language)
        {
            Check(NativeMethods.license_set_language(handle.DangerousGetHandle(), language));
        }

        /// <summary>Decodes any code without applying it (decode.json).</summary>
        public static Dictionary<string, object> Decode(string code, string trustJson = null)
        {
            IntPtr p;
            int status = NativeMethods.license_decode_json(code, trustJson, out p);
            if (status != Ok) throw LicenseException.Of(status, LastError(IntPtr.Zero));
            return Object(Take(p));
        }

        delegate int Giving(LicenseSafeHandle h, out IntPtr text);

        string Text(Giving call)
        {
            IntPtr p;
            Check(call(handle, out p));
            return Take(p);
        }

        void Check(int status)
        {
            if (status == Ok) return;
            bool added = false;
            handle.DangerousAddRef(ref added);
            try { throw LicenseException.Of(status, LastError(handle.DangerousGetHandle())); }
            finally { if (added) handle.DangerousRelease(); }
        }

        static Dictionary<string, object> LastError(IntPtr h)
        {
            IntPtr p;
            if (NativeMethods.license_last_error_json(h, out p) != Ok) return null;
            return Json.Parse(Take(p)) as Dictionary<string, object>;
        }

        static Dictionary<string, object> Object(string json) { return (Dictionary<string, object>)Json.Parse(json); }

        /// <summary>A UTF-8 string the library handed out, copied and freed.</summary>
        static string Take(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            try
            {
                int length = 0;
                while (Marshal.ReadByte(p, length) != 0) length++;
                var bytes = new byte[length];
                Marshal.Copy(p, bytes, 0, length);
                return Encoding.UTF8.GetString(bytes);
            }
            finally { NativeMethods.license_string_free(p); }
        }
    }
}
