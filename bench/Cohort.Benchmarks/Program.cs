using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cohort.Benchmarks.Applications;
using Cohort.Benchmarks.Compare;
using Cohort.Benchmarks.Exports;
using Cohort.Benchmarks.Match;
using Cohort.Benchmarks.Operations;
using Cohort.Benchmarks.Review;
using Cohort.Benchmarks.Instances;

// compare [RUNS [dense|sparse|all]]  ours vs OR-Tools MinCostFlow on the reviewer instances, one process
// stable-json PATH      writes the 45,000 x 6,000 stable instance for `cohort match stable`
// reviewers-json PATH   writes the dense 5,000 x 300 reviewer instance for `cohort reviewers assign`
// reviewers-graph PATH  writes its min-cost flow graph as text, for LEMON (bench/lemon/assign.cpp)
// deadline-rush [APPLICANTS [CONCURRENCY]]  stage 1 autosaves and submissions all at once, on SQLite and, when
//                       COHORT_BENCH_POSTGRES names a server, on PostgreSQL too
// deadline-surge-http APP_DLL [APPLICANTS [SAVES]]  the deadline through HTTP against the built app in its own
//                       process: sign-ins, autosaves every 3 s, submits (some twice); SQLite, and PostgreSQL when
//                       COHORT_BENCH_POSTGRES is set
// review-round [APPLICATIONS [REVIEWERS [K]]]  a review round through the use cases: assignment, then the
//                       calibrated score table; SQLite, and PostgreSQL when COHORT_BENCH_POSTGRES is set
// review-round-season DATABASE [APPLICATIONS [REVIEWERS [K]]]  that round assigned once and fully reviewed, in a
//                       database that is KEPT for the built app to serve: a SQLite file path, or, when
//                       COHORT_BENCH_POSTGRES is set, a database of that name on that server (bench/http/ranking-page.sh)
// match-run [APPLICANTS [SEATS]]  "Run the match" through the use case on both sides' rankings, three times
// backup [APPLICANTS]   `cohort db backup` three times and `cohort db restore` of each into an empty database, on
//                       the match-run season; SQLite, and PostgreSQL when COHORT_BENCH_POSTGRES is set
// exports [APPLICANTS]  the full JSON export of each kind (applications identified and blind, attempts, stream
//                       applications) through the Exporter, three times each; SQLite, and PostgreSQL when COHORT_BENCH_POSTGRES is set
// programme-exports [FELLOWS]  the programme's four exports (fellows, milestones identified and blind, artifacts,
//   extensions) over a cohort of FELLOWS (default 400) with ten milestones, two artifacts each and an extension round
// exports-season DATABASE [APPLICANTS]  that season in a database that is KEPT for the built app to serve
//                       (bench/http/api-applications.sh): a SQLite file path, or a PostgreSQL database name
// calibration-table [SEEDS]  tau and top-120 precision, raw against calibrated, on planted-truth seasons for each
//                       nesting, with equal and with unequal clusters (tests/Shared/Calibration/TopicalPanel.cs)
// reviews-csv PATH [SEED]  one such season (mostly nested, unequal clusters) as the CSV `cohort calibrate` reads
// import-applicants [APPLICANTS]  `cohort import applicants` of a Google Forms-shaped CSV: dry run, import, again;
//                       SQLite, and PostgreSQL when COHORT_BENCH_POSTGRES is set
// analytics [APPLICANTS]  every analytics topic built in process, three times each, on a whole season of APPLICANTS
//                       (AnalyticsSeason); SQLite, and PostgreSQL when COHORT_BENCH_POSTGRES is set
// analytics-season DATABASE [APPLICANTS]  that season in a database that is KEPT for the built app to serve
//                       (bench/http/analytics-pages.sh): a SQLite file path, or a PostgreSQL database name
// affinity-quality [APPLICANTS]  keyword, embedding and blended affinity on bench/affinity/evaluation.json: top-1
//                       and top-3 accuracy and the optimal assignment; the model's throughput, and embedding and
//                       scoring a season of APPLICANTS statements (default 2,500; 0 skips it)
// anything else         BenchmarkDotNet (e.g. --filter '*Stable*')
return args switch
{
    ["deadline-rush", .. var rest] => await OnEachDatabaseAsync(postgres => DeadlineRush.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500, rest.Length > 1 ? int.Parse(rest[1]) : 32, postgres)),
    ["deadline-surge-http", var app, .. var rest] => await OnEachDatabaseAsync(postgres => HttpSurge.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0]) : 500, rest.Length > 1 ? int.Parse(rest[1]) : 5, app, postgres)),
    ["compare", .. var rest] => CompareCommand.Run(rest.Length > 0 ? int.Parse(rest[0]) : 7, rest.Length > 1 ? rest[1] : "all"),
    ["stable-json", var path] => WriteStableJson(path),
    ["reviewers-json", var path] => WriteReviewersJson(path),
    ["reviewers-graph", var path] => WriteReviewersGraph(path),
    ["review-round", .. var rest] => await OnEachDatabaseAsync(postgres => ReviewRoundBench.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0]) : 2500, rest.Length > 1 ? int.Parse(rest[1]) : 100, rest.Length > 2 ? int.Parse(rest[2]) : 3, postgres)),
    ["review-round-season", var keep, .. var rest] => await ReviewRoundBench.SeasonAsync(keep,
        rest.Length > 0 ? int.Parse(rest[0]) : 2500, rest.Length > 1 ? int.Parse(rest[1]) : 100, rest.Length > 2 ? int.Parse(rest[2]) : 3,
        Environment.GetEnvironmentVariable("COHORT_BENCH_POSTGRES") is { Length: > 0 } postgres ? postgres : null),
    ["match-run", .. var rest] => await OnEachDatabaseAsync(postgres => MatchRunBench.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0]) : 2500, rest.Length > 1 ? int.Parse(rest[1]) : 120, postgres)),
    ["backup", .. var rest] => await OnEachDatabaseAsync(postgres => BackupBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500, postgres)),
    ["exports", .. var rest] => await OnEachDatabaseAsync(postgres => ExportBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500, postgres)),
    ["exports-season", var keep, .. var rest] => await ExportBench.SeasonAsync(keep, rest.Length > 0 ? int.Parse(rest[0]) : 2500,
        Environment.GetEnvironmentVariable("COHORT_BENCH_POSTGRES") is { Length: > 0 } postgres ? postgres : null),
    ["programme-exports", .. var rest] => await OnEachDatabaseAsync(postgres => Cohort.Benchmarks.Exports.ProgrammeExportBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 400, postgres)),
    ["import-applicants", .. var rest] => await OnEachDatabaseAsync(postgres => Cohort.Benchmarks.Imports.ImportApplicantsBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500, postgres)),
    ["calibration-table", .. var rest] => CalibrationTable.Run(rest.Length > 0 ? int.Parse(rest[0]) : 20),
    ["reviews-csv", var path, .. var rest] => ReviewsCsv.Write(path, rest.Length > 0 ? int.Parse(rest[0]) : 1),
    ["analytics", .. var rest] => await OnEachDatabaseAsync(postgres => Cohort.Benchmarks.Analytics.AnalyticsBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500, postgres)),
    ["analytics-season", var keep, .. var rest] => await Cohort.Benchmarks.Analytics.AnalyticsBench.SeasonAsync(keep, rest.Length > 0 ? int.Parse(rest[0]) : 2500,
        Environment.GetEnvironmentVariable("COHORT_BENCH_POSTGRES") is { Length: > 0 } postgres ? postgres : null),
    ["affinity-quality", .. var rest] => await Cohort.Benchmarks.Affinity.AffinityQualityBench.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 2500),
    _ => RunBenchmarkDotNet(args),
};

// SQLite always; PostgreSQL too when COHORT_BENCH_POSTGRES names a server to create a throwaway database on.
static async Task<int> OnEachDatabaseAsync(Func<string?, Task<int>> run)
{
    await run(null);
    if (Environment.GetEnvironmentVariable("COHORT_BENCH_POSTGRES") is { Length: > 0 } postgres)
    {
        await run(postgres);
    }

    return 0;
}

static int WriteStableJson(string path)
{
    StableInstanceGenerator.WriteJson(path);
    Console.WriteLine($"wrote {path}");
    return 0;
}

// In process: the default out-of-process toolchain rebuilds this project, OR-Tools included.
static int WriteReviewersJson(string path)
{
    ReviewerInstance.Dense().WriteJson(path);
    Console.WriteLine($"wrote {path}");
    return 0;
}

static int WriteReviewersGraph(string path)
{
    ReviewerInstance.Dense().ToFlowGraph().WriteText(path);
    Console.WriteLine($"wrote {path}");
    return 0;
}

static int RunBenchmarkDotNet(string[] args)
{
    var job = Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance);
    BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
    return 0;
}
