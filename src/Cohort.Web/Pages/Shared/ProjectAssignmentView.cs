namespace Cohort.Web.Pages.Shared;

/// <summary>What the assignment run partial draws: the run, its result, and whether it is the one that may be published now.</summary>
public sealed record ProjectAssignmentView(Core.Projects.ProjectAssignmentRun Run, Core.Match.MatchResult Result, bool MayPublish);
