namespace Cohort.Web.Pages.Shared;

/// <summary>What the assignment run partial draws: the run, its result, and whether it is the one that may be published now.</summary>
public sealed record ProjectMatchView(Core.Match.MatchRun Run, Core.Match.MatchResult Result, bool MayPublish);
