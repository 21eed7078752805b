using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Database;

/// <summary>
/// `cohort purge [--dry-run]`: erases the applicants whose seasons ended longer ago than
/// <c>Cohort:RetainApplicantsForMonths</c>, through the same use case as the daily job and the admins' erasure.
/// </summary>
internal static class PurgeCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List how many applicants of each season would be erased, and erase nothing" };
        var purge = new Command("purge", "Erase applicants of seasons that ended more than Cohort:RetainApplicantsForMonths ago") { dryRun };
        purge.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var dry = parse.GetValue(dryRun);
            var report = await services.GetRequiredService<PurgeExpiredApplicants>().RunAsync(dry, cancellation);
            if (report.Problem is { } problem)
            {
                await Console.Error.WriteLineAsync($"cohort purge: {problem}");
                return 2;
            }

            foreach (var season in report.Seasons)
            {
                Console.WriteLine($"{season.Season} (ended {season.ProgrammeEnd:yyyy-MM-dd}): {season.Applicants} applicant(s)");
            }

            Console.WriteLine(dry
                ? $"Dry run: {report.Found} applicant(s) would be erased; nothing was changed."
                : $"Erased {report.Erased} of {report.Found} applicant(s).");
            foreach (var refusal in report.Refusals)
            {
                await Console.Error.WriteLineAsync($"cohort purge: not erased: {refusal}");
            }

            return report.Refusals.Count == 0 ? 0 : 1;
        }));
        return purge;
    }
}
