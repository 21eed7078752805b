using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Extensions;

/// <summary>One extension application as the admin's list shows it: who, their stream, what they ask, where it stands, and their mentors' endorsements.</summary>
/// <param name="MeanRating">The mean of the endorsements' ratings; null before any mentor endorsed.</param>
public sealed record ExtensionRow(
    int Id, int FellowshipId, string Name, string Email, string Stream, ApplicationState State, int RequestedAmount, DateTime? SubmittedAt,
    int Endorsements, double? MeanRating)
{
    public string Label => $"#{Id} {Name}";

    /// <summary>
    /// Endorsed: a mentor rated the application above 1 ("not endorsed") on average. The optimal selection chooses
    /// among the endorsed applications only.
    /// </summary>
    public bool IsEndorsed => MeanRating > ExtensionEndorsement.MinRating;
}

public static class ExtensionRows
{
    /// <summary>The round's applications that were handed in (never drafts), with names and endorsements.</summary>
    public static IQueryable<ExtensionRow> OfRound(CohortDbContext db, int roundId) => Of(db, db.ExtensionApplications.Where(a => a.RoundId == roundId));

    /// <summary>Those of <paramref name="applications"/> that were handed in, as rows; filter the applications, not the rows, which the database cannot read back.</summary>
    public static IQueryable<ExtensionRow> Of(CohortDbContext db, IQueryable<ExtensionApplication> applications) =>
        from a in applications
        where a.State != ApplicationState.Draft
        join f in db.Fellowships on a.FellowshipId equals f.Id
        join u in db.Users on f.ApplicantId equals u.Id
        join s in db.Streams on f.StreamId equals s.Id
        select new ExtensionRow(a.Id, f.Id, u.DisplayName, u.Email ?? "", s.Name, a.State, a.RequestedAmount, a.SubmittedAt,
            a.Endorsements.Count, a.Endorsements.Average(e => (double?)e.Rating));
}
