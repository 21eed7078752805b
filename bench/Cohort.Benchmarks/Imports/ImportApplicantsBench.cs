using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cohort.Benchmarks.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Imports;

namespace Cohort.Benchmarks.Imports;

/// <summary>
/// `cohort import applicants` through its use case: a Google Forms-shaped CSV of N applicants for the demo season's
/// general application (a byte-order mark, month-first timestamps and dates of birth, checkbox answers joined with
/// commas, a three-paragraph motivation with line breaks, a Drive link for the CV), imported into the seeded demo
/// database as a dry run, then for real (N new accounts and submitted applications in one transaction), then again
/// (all unchanged, nothing written). Reports each wall time and the file's size.
/// </summary>
internal static class ImportApplicantsBench
{
    private const string Header = "Timestamp,Email Address,Full name,Date of birth,Where will you be based during the programme?,What best describes you now?," +
        "Which research areas interest you?,\"Why do you want to do AI safety research, and why now?\",\"A link to work you are proud of (a repository, paper or post)\",Your CV,\"Your university or employer, if any\"";

    private static readonly string[] Roles = ["Student", "In industry", "In academia", "Independent researcher", "Something else"];
    private static readonly string[] Areas = ["AI control", "Interpretability", "Evaluations", "Security", "Red-teaming", "Scalable oversight", "Model organisms"];

    public static string Csv(int applicants, Random random)
    {
        var text = new StringBuilder("\uFEFF").Append(Header).Append("\r\n");
        var start = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < applicants; i++)
        {
            var at = start.AddMinutes(i * 17 + random.Next(10));
            var birth = new DateOnly(1985, 1, 1).AddDays(random.Next(365 * 18));
            var areas = string.Join(", ", Areas.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Areas[i % Areas.Length]));
            text.Append(CultureInfo.InvariantCulture, $"{at:M/d/yyyy H:mm:ss},applicant{i:D5}@example.org,Applicant {i:D5},{birth:M/d/yyyy},City {i % 90},{Roles[i % Roles.Length]},")
                .Append(CultureInfo.InvariantCulture, $"\"{areas}\",\"I have worked on problem {i} for a year.\r\nIt taught me how little we can check.\r\n\r\nA fellowship would let me study it properly.\",")
                .Append(CultureInfo.InvariantCulture, $"https://example.org/work/{i},https://drive.google.com/open?id=cv{i:D5},Organisation {i % 200}\r\n");
        }

        return text.ToString();
    }

    public static async Task<int> RunAsync(int applicants, string? postgres)
    {
        var kind = postgres is null ? "SQLite" : "PostgreSQL";
        await using var database = await RushDatabase.CreateAsync(postgres);
        var csv = Csv(applicants, new Random(16));
        Console.WriteLine($"import of {applicants} applicants from CSV on {kind}: {Encoding.UTF8.GetByteCount(csv) / 1024.0 / 1024.0:0.00} MiB");
        foreach (var (step, dryRun) in new[] { ("dry run", true), ("import", false), ("same file again", false) })
        {
            var clock = Stopwatch.StartNew();
            var report = await database.RunAsync<ImportApplicants, ApplicantImportReport>(import =>
                import.RunAsync(new ApplicantImportRequest(csv, new Dictionary<string, string>(), dryRun), Actor.CommandLine));
            if (!report.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", report.Problems.Take(5)));
            }

            Console.WriteLine($"{step}: {clock.Elapsed.TotalMilliseconds:0} ms ({report.Summary})");
        }

        return 0;
    }
}
