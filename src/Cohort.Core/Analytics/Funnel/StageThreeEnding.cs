using Cohort.Core.Analytics.Streams;
using Cohort.Core.Match;
using Cohort.Core.StreamApplications;

namespace Cohort.Core.Analytics.Funnel;

/// <summary>How a person stands once they applied to streams and accepted no offer, from those applications.</summary>
internal static class StageThreeEnding
{
    /// <summary>
    /// Waiting while an offer awaits their answer or a stream still considers an application no offer was made for (a
    /// later offer round may yet place them); withdrawn when they declined or let lapse an offer or withdrew everywhere;
    /// rejected when the streams turned them down.
    /// </summary>
    public static Ending Of(IEnumerable<StreamApplicationFact> applications)
    {
        var mine = applications.ToList();
        if (mine.Any(a => a.Offer == OfferState.Pending || (a.Offer is null && StreamApplication.IsUnderConsiderationIn(a.State))))
        {
            return Ending.Waiting;
        }

        return mine.Any(a => a.Offer is not null) || !mine.Any(a => a.State == Applications.ApplicationState.Rejected) ? Ending.Withdrew : Ending.Rejected;
    }
}
