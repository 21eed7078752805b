using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Applications;

/// <summary>
/// The deadline through HTTP: the built app runs as its own process (Kestrel, Production) on a fresh database holding
/// the demo season; every applicant signs in through the sign-in form from an address of their own (X-Forwarded-For,
/// as behind nginx), opens the general application, uploads a CV with Save, and then, all at once, autosaves every
/// few seconds through the page's autosave handler (as application.js does) and submits, one in ten twice at the same
/// moment (a double click). Afterwards the database must hold every answer the server acknowledged, one submission
/// each and one confirmation mail each. Prints 5xx counts and latency percentiles.
/// </summary>
internal static class HttpSurge
{
    private const string Password = "surge applicant passphrase";

    public static async Task<int> RunAsync(int applicants, int saves, string appDll, string? postgres)
    {
        Console.WriteLine($"deadline surge through HTTP on {(postgres is null ? "SQLite" : "PostgreSQL")}: {applicants} applicants, " +
                          $"{saves} autosaves each about every {Interval.TotalSeconds:0} s, then a submit (one in ten sent twice at once)");
        await using var database = await RushDatabase.CreateAsync(postgres);
        var (formId, answers) = await DeadlineRush.CompleteAnswersAsync(database);
        var marked = await database.RunAsync<CohortDbContext, Question>(db => db.Set<Question>().AsNoTracking()
            .FirstAsync(q => q.FormId == formId && q.Kind == QuestionKind.ShortText));
        var emails = await database.RunAsync<CohortDbContext, List<string>>(db => AddApplicantsAsync(db, applicants));
        await using var app = await AppProcess.StartAsync(appDll, database);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2),
        };

        var browsers = emails.Select((_, i) => new SurgeBrowser(client, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}")).ToList();
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, applicants), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await PrepareAsync(browsers[i], emails[i], answers));
        Console.WriteLine($"signed in, opened the form and uploaded a CV: {applicants} applicants in {setup.Elapsed.TotalSeconds:0.0} s (not timed below)");

        var fields = answers.Text.ToDictionary(a => a.Key, a => a.Value);
        var autosaves = new ConcurrentBag<SurgeBrowser.Answer>();
        var submits = new ConcurrentBag<SurgeBrowser.Answer>();
        var acknowledged = new string?[applicants];
        var surge = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, applicants).Select(async i =>
        {
            var random = new Random(i);
            // Each browser's autosave timer runs on its own: the first save lands anywhere in the first interval.
            await Task.Delay(random.Next((int)Interval.TotalMilliseconds));
            for (var save = 1; save <= saves; save++)
            {
                var value = $"Surge Applicant {i} save {save}";
                var answer = await browsers[i].PostAsync("/apply/general?handler=Autosave", Fields(browsers[i].Token!, fields, marked.Key, value), json: true);
                autosaves.Add(answer);
                if (answer.Status == HttpStatusCode.OK)
                {
                    acknowledged[i] = value;
                }

                await Task.Delay(Interval + TimeSpan.FromMilliseconds(random.Next(-1000, 1000)));
            }

            var final = $"Surge Applicant {i} final";
            var sent = i % 10 == 0 ? 2 : 1;
            var results = await Task.WhenAll(Enumerable.Range(0, sent).Select(_ =>
                browsers[i].PostAsync("/apply/general?handler=Submit", Fields(browsers[i].Token!, fields, marked.Key, final))));
            foreach (var result in results)
            {
                submits.Add(result);
            }

            if (results.Any(r => r.Status == HttpStatusCode.Redirect && r.Location == "/portal"))
            {
                acknowledged[i] = final;
            }
        }));
        var wall = surge.Elapsed;

        var stored = await database.RunAsync<CohortDbContext, Dictionary<string, (ApplicationState State, string? Value)>>(db => db.Applications.AsNoTracking()
            .Where(a => a.FormId == formId)
            .Join(db.Users, a => a.ApplicantId, u => u.Id, (a, u) => new { u.Email, a.State, Value = a.Answers.Where(x => x.QuestionId == marked.Id).Select(x => x.Value).FirstOrDefault() })
            .ToDictionaryAsync(a => a.Email!, a => (a.State, a.Value)));
        var audits = await database.RunAsync<CohortDbContext, int>(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted"));
        var mails = await database.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To.StartsWith("surge-")));
        var lost = Enumerable.Range(0, applicants).Count(i => acknowledged[i] is { } value && stored.GetValueOrDefault(emails[i]).Value != value);
        var submitted = stored.Values.Count(s => s.State == ApplicationState.Submitted);
        var accepted = submits.Count(s => s.Status == HttpStatusCode.Redirect && s.Location == "/portal");

        Console.WriteLine($"surge: {autosaves.Count + submits.Count} requests in {wall.TotalSeconds:0.0} s");
        Console.WriteLine(Describe("autosave", autosaves));
        Console.WriteLine(Describe("submit", submits));
        Console.WriteLine($"submits answered with the portal (success): {accepted} of {submits.Count}; applications submitted: {submitted} of {applicants}; " +
                          $"confirmation mails: {mails}; audit entries: {audits}");
        Console.WriteLine($"acknowledged answers not stored: {lost}");
        var errors = autosaves.Concat(submits).Count(a => (int)a.Status >= 500);
        if (errors > 0 || lost > 0 || submitted != applicants || accepted != submits.Count || audits != applicants || mails < applicants)
        {
            Console.WriteLine("FAILED; the app's log:");
            Console.WriteLine(string.Join('\n', app.Lines.TakeLast(60)));
            return 1;
        }

        return 0;
    }

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private static string Describe(string what, IReadOnlyCollection<SurgeBrowser.Answer> answers)
    {
        var times = answers.Select(a => a.Milliseconds).ToList();
        var statuses = string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));
        return $"{what}: {answers.Count} ({statuses}); 5xx: {answers.Count(a => (int)a.Status >= 500)}; latency p50 {Phase.Percentile(times, 0.5):0} ms, " +
               $"p95 {Phase.Percentile(times, 0.95):0} ms, p99 {Phase.Percentile(times, 0.99):0} ms, max {times.Max():0} ms";
    }

    private static FormUrlEncodedContent Fields(string token, Dictionary<string, string> answers, string markedKey, string value) =>
        SurgeBrowser.Form(token, answers.Select(a => new KeyValuePair<string, string>("q." + a.Key, a.Key == markedKey ? value : a.Value)));

    /// <summary>Signs in through the form, opens the general application and saves it once with a CV, as each applicant did before the day.</summary>
    private static async Task PrepareAsync(SurgeBrowser browser, string email, DeadlineRush.Answers answers)
    {
        await browser.OpenAsync("/account/sign-in");
        var signedIn = await browser.PostAsync("/account/sign-in", SurgeBrowser.Form(browser.Token!, [new("Input.Email", email), new("Input.Password", Password)]));
        Expect(signedIn.Status == HttpStatusCode.Redirect, $"signing in as {email} answered {(int)signedIn.Status}");
        var form = await browser.OpenAsync("/apply/general");
        Expect(form.Status == HttpStatusCode.OK, $"the general application answered {(int)form.Status} to {email}");

        using var upload = new MultipartFormDataContent { { new StringContent(browser.Token!), "__RequestVerificationToken" } };
        foreach (var (key, value) in answers.Text)
        {
            upload.Add(new StringContent(value), "q." + key);
        }

        var cv = new ByteArrayContent("%PDF-1.7\n% CV\n%%EOF\n"u8.ToArray());
        cv.Headers.ContentType = new("application/pdf");
        upload.Add(cv, "q." + answers.FileKey, "cv.pdf");
        var saved = await browser.PostAsync("/apply/general?handler=Save", upload);
        // The page answers the save with "Saved at …" beside the buttons; a refusal or a problem with the CV instead shows an alert.
        var alert = saved.Body.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Expect(saved.Status == HttpStatusCode.OK && alert < 0 && saved.Body.Contains("Saved at", StringComparison.Ordinal),
            $"saving with a CV answered {(int)saved.Status} to {email}{(alert < 0 ? "" : ": " + saved.Body.Substring(alert, Math.Min(300, saved.Body.Length - alert)))}");
    }

    /// <summary>Applicant accounts made straight in the tables, all with one password hashed once: the sign-ins still check it.</summary>
    private static async Task<List<string>> AddApplicantsAsync(CohortDbContext db, int count)
    {
        var ids = await DeadlineRush.AddAccountsAsync(db, count, "surge");
        var hash = new PasswordHasher<CohortUser>().HashPassword(null!, Password);
        await db.Users.Where(u => ids.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, hash).SetProperty(x => x.EmailConfirmed, true));
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Applicant);
        db.UserRoles.AddRange(ids.Select(id => new IdentityUserRole<string> { UserId = id, RoleId = role.Id }));
        await db.SaveChangesAsync();
        return await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
