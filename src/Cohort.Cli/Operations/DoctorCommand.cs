using System.CommandLine;
using Cohort.Cli.Hosting;
using Cohort.Core.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Operations;

/// <summary>`cohort doctor`: one line per check (ok, warning or problem, a problem with its fix); exit 1 when any problem.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var doctor = new Command("doctor", "Check the settings, the database, the SMTP server and the data-protection keys, and say how to fix what is wrong");
        doctor.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            Console.WriteLine($"Checking Cohort as configured by this environment ({CliHost.EnvironmentName}; settings from environment variables and --provider/--connection).");
            var problems = 0;
            await foreach (var finding in services.GetRequiredService<CheckUp>().RunAsync(cancellation))
            {
                problems += finding.Verdict == Verdict.Problem ? 1 : 0;
                var verdict = finding.Verdict.ToString().ToLowerInvariant();
                var detail = finding.Detail.EndsWith('.') || finding.Detail.EndsWith(')') ? finding.Detail : finding.Detail + ".";
                Console.WriteLine($"{verdict,-8} {finding.Check}: {detail}{(finding.Fix is null ? "" : $" Fix: {finding.Fix}")}");
            }

            Console.WriteLine(problems == 0 ? "No problems found." : $"{problems} problem(s) found.");
            return problems == 0 ? 0 : 1;
        }));
        return doctor;
    }
}
