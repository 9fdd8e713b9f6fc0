// specview: a licensed program's licence screen, in C#, on the LicenseFfi
// wrapper (bindings/dotnet/src). The same commands and exit statuses as
// examples/c/specview.c, so examples/c/story.sh plays the SpecView story
// with it too:
//   mono specview.exe LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]
using System;
using System.Collections.Generic;
using System.IO;
using LicenseFfi;

static class SpecView
{
    static int Main(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: specview LICENSE_FILE TRUST_FILE MACHINE_ID COMMAND [ARGS]");
            return 2;
        }
        string trust = File.ReadAllText(args[1]);
        string command = args[3];
        try
        {
            if (command == "decode")
            {
                Console.WriteLine(Json.Write(License.Decode(args[4], trust)));
                return 0;
            }
            using (var license = new License(args[0], trust, args[2] == "-" ? null : args[2]))
            {
                string said = Run(license, command, args);
                if (said == null)
                {
                    Console.Error.WriteLine("unknown command or wrong arguments: " + command);
                    return 2;
                }
                Console.WriteLine(said);
            }
        }
        catch (LicenseException e)
        {
            // The same JSON the C example prints (license_last_error_json's).
            var server = e.ServerCode == null ? null : new Dictionary<string, object> { { "code", e.ServerCode }, { "detail", e.ServerDetail } };
            Console.Error.WriteLine(Json.Write(new Dictionary<string, object> {
                { "error", e.Error }, { "message", e.Message }, { "next_step", e.NextStep },
                { "group", e.Group }, { "detail", e.Detail }, { "server", server } }));
            return e.Status;
        }
        return 0;
    }

    static string Run(License license, string command, string[] a)
    {
        int n = a.Length;
        switch (command)
        {
            case "init":
                if (n != 6 && n != 7) return null;
                license.Init(a[4], a[5], n == 7 ? a[6] : null);
                return "installed at update 0";
            case "create-code": return license.CreateCode();
            case "enter-code": return n == 5 ? Json.Write(license.EnterCode(a[4])) : null;
            case "status": return Json.Write(license.Status());
            case "get-it-now": return n == 5 ? Json.Write(license.GetItNow(a[4])) : null;
            case "seats": return Json.Write(license.Seats());
            case "seats-claim":
                if (n != 6 && n != 7) return null;
                license.ClaimSeat(a[4], a[5], n == 7 ? (uint?)uint.Parse(a[6]) : null);
                return a[5] + " holds a seat of " + a[4];
            case "seats-release":
                if (n != 6) return null;
                license.ReleaseSeat(a[4], a[5]);
                return a[5] + " released its seat of " + a[4];
            default: return null;
        }
    }
}
