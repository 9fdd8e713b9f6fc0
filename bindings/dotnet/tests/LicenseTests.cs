// The C# wrapper against the real C library and a real license-server, on
// mono: what a .NET programmer relies on beyond the story (the exceptions'
// members, the SafeHandle, UTF-8 both ways, the language, a seat lease).
// Run by bindings/dotnet/test.sh; exits 1 on the first failed check.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using LicenseFfi;

static class LicenseTests
{
    static string serverBin, data, url, trust;
    static Process server;
    static int checks;

    static int Main()
    {
        serverBin = Environment.GetEnvironmentVariable("LICENSE_SERVER_BIN");
        data = Path.Combine(Path.GetTempPath(), "dotnet-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            StartServer();
            TheStoryWithTypedExceptions();
            SeatsWithUtf8HoldersAndLeases();
            ErrorsInTheUsersLanguage();
            AHandleDisposedIsNotUsedAgain();
            Console.WriteLine("LicenseTests: " + checks + " checks passed");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("LicenseTests FAILED: " + e);
            return 1;
        }
        finally
        {
            if (server != null && !server.HasExited) { server.Kill(); server.WaitForExit(); }
            if (Directory.Exists(data)) Directory.Delete(data, true);
        }
    }

    static void TheStoryWithTypedExceptions()
    {
        var licence = NewLicence("remote_users=1", "clients=25");
        string file = Path.Combine(data, "story.json");
        using (var lic = new License(file, trust, "machine-c"))
        {
            lic.Init(licence[0], "SpecView");
            var refused = Expect<ServerRefusedException>(() => lic.GetItNow(url));
            Check(refused.Status == 16 && refused.Error == "server_refused", "status and name: " + refused.Error);
            Check(refused.ServerCode == "registration_required", "the server's code: " + refused.ServerCode);
            Check(!string.IsNullOrEmpty(refused.ServerDetail), "the server's detail");
            Check(!refused.NextStep.Contains("license ") && !refused.NextStep.Contains("--"), "words for the user: " + refused.NextStep);
        }
        File.Delete(file);
        using (var lic = new License(file, trust, "machine-a"))
        {
            var bad = Expect<LicenseException>(() => lic.Init(licence[0], "SpecView", "NOT-A-CODE"));
            Check(bad.Status == License.BadArgument && bad.Error == "bad_argument", "a bad registration code");
            lic.Init(licence[0], "SpecView", licence[1]);
            string response = Respond(lic.CreateCode());
            string[] groups = response.Split('-');
            groups[4] = (groups[4][0] == 'Q' ? "R" : "Q") + groups[4].Substring(1);
            var typo = Expect<LicenseException>(() => lic.EnterCode(string.Join("-", groups)));
            Check(typo.Status == 3 && typo.Error == "bad_group" && typo.Group == 5, "a typo in group 5: " + typo.Group);
            Check((long)typo.Detail["group"] == 5, "the typo's detail");
            var applied = lic.EnterCode(response);
            Check((long)Json.At(applied, "counter") == 1 && (bool)applied["nothing_waiting"] == false, "applied");
            var old = Expect<LicenseException>(() => lic.EnterCode(response));
            Check(old.Status == 7 && old.Error == "too_old", "too old");
            var nothing = lic.GetItNow(url);
            Check((bool)nothing["nothing_waiting"] && ((List<object>)nothing["changes"]).Count == 0, "nothing waiting is no error");
        }
        var copied = Expect<LicenseException>(() => { using (var other = new License(file, trust, "machine-b")) other.Status(); });
        Check(copied.Status == 13 && copied.Error == "copied_license", "a copied licence file");
        var decoded = License.Decode(licence[0]);
        Check((string)decoded["kind"] == "serial", "decode");
        var damaged = Expect<LicenseException>(() => License.Decode("???"));
        Check(damaged.Error == "invalid_character", "a failure without a handle is read on this thread");
    }

    static void SeatsWithUtf8HoldersAndLeases()
    {
        var licence = NewLicence("remote_users=1", "clients=2");
        using (var lic = new License(Path.Combine(data, "seats.json"), trust, "primary"))
        {
            lic.Init(licence[0], "SpecView", licence[1]);
            lic.EnterCode(Respond(lic.CreateCode()));
            lic.ClaimSeat("clients", "Büro-PC ✓");
            lic.ClaimSeat("clients", "Lager", 30);
            lic.ClaimSeat("clients", "Büro-PC ✓");
            var full = Expect<NoSeatLeftException>(() => lic.ClaimSeat("clients", "PC-03"));
            Check(full.Status == License.NoSeatLeft && full.Error == "no_seat_left", "no seat left");
            Check((long)full.Detail["count"] == 2 && (long)full.Detail["used"] == 2 && (string)full.Detail["entitlement"] == "clients", "its detail");
            var holders = (List<object>)Json.At(lic.Seats(), "seats", 1, "holders");
            Check((string)Json.At(holders, 0, "holder") == "Büro-PC ✓", "a UTF-8 holder round trip: " + Json.At(holders, 0, "holder"));
            Check(Json.At(holders, 1, "expires_at") != null, "a lease has its end");
            lic.ReleaseSeat("clients", "Büro-PC ✓");
            lic.ClaimSeat("clients", "PC-03");
            var flag = Expect<LicenseException>(() => lic.ClaimSeat("historian", "PC-04"));
            Check(flag.Status == License.BadArgument && flag.Error == "unknown_entitlement", "a flag holds no seats");
        }
    }

    static void ErrorsInTheUsersLanguage()
    {
        using (var lic = new License(Path.Combine(data, "none.json"), trust, "machine-a"))
        {
            lic.SetLanguage("de");
            var missing = Expect<LicenseException>(() => lic.Status());
            Check(missing.Status == 12 && missing.Error == "no_license", "no licence");
            Check(missing.Message.StartsWith("keine Lizenzdatei"), "in German: " + missing.Message);
            Check(!missing.NextStep.Contains("license init"), "no command named: " + missing.NextStep);
            var unknown = Expect<LicenseException>(() => lic.SetLanguage("xx"));
            Check(unknown.Status == License.BadArgument, "an unknown language");
        }
        var broken = Expect<LicenseException>(() => new License(Path.Combine(data, "x.json"), "{not json", null));
        Check(broken.Status == 15 && broken.Error == "no_trust", "a broken trust file: " + broken.Error);
    }

    static void AHandleDisposedIsNotUsedAgain()
    {
        var lic = new License(Path.Combine(data, "disposed.json"), trust, "machine-a");
        lic.Dispose();
        lic.Dispose();
        Expect<ObjectDisposedException>(() => lic.Status());
    }

    // --- the server and small helpers ---

    static void StartServer()
    {
        Directory.CreateDirectory(data);
        Admin("product", "add", "--id", "7", "--name", "SpecView", "--entitlement", "remote_users:count",
            "--entitlement", "clients:count", "--entitlement", "historian:flag");
        trust = Admin("trust-file");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        url = "http://127.0.0.1:" + port;
        var start = new ProcessStartInfo(serverBin, "--data " + data + "/server serve --addr 127.0.0.1:" + port +
            " --rate-limit-ip 0 --rate-limit-serial 0") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.EnvironmentVariables["LICENSE_SERVER_LOG"] = "warn";
        server = Process.Start(start);
        for (int i = 0; i < 200; i++)
        {
            try { new WebClient().DownloadString(url + "/readyz"); return; }
            catch (WebException) { System.Threading.Thread.Sleep(50); }
        }
        throw new Exception("license-server did not start");
    }

    static string Admin(params string[] args)
    {
        var start = new ProcessStartInfo(serverBin, "--data " + data + "/server " + string.Join(" ", args))
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using (var p = Process.Start(start))
        {
            string output = p.StandardOutput.ReadToEnd();
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new Exception("license-server " + string.Join(" ", args) + ": " + error);
            return output;
        }
    }

    /// <summary>A new SpecView licence: its serial and registration code.</summary>
    static string[] NewLicence(params string[] entitlements)
    {
        var created = (Dictionary<string, object>)Json.Parse(Admin("license create --product SpecView --email it@example.com " + string.Join(" ", entitlements)));
        return new[] { (string)created["serial"], (string)created["registration_code"] };
    }

    static string Respond(string requestCode)
    {
        var client = new WebClient();
        client.Headers[HttpRequestHeader.ContentType] = "application/json";
        string answer = client.UploadString(url + "/api/v1/activations", "{\"request_code\": \"" + requestCode + "\"}");
        return (string)Json.At(Json.Parse(answer), "response_code");
    }

    static T Expect<T>(Action action) where T : Exception
    {
        try { action(); }
        catch (T e) { checks++; return e; }
        throw new Exception("expected " + typeof(T).Name);
    }

    static void Check(bool condition, string what)
    {
        if (!condition) throw new Exception("check failed: " + what);
        checks++;
    }
}
