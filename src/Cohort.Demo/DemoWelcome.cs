namespace Cohort.Demo;

/// <summary>What a newcomer reads after starting the demo (`dotnet run` in Development, `cohort seed demo`): who to sign in as, and what for.</summary>
public static class DemoWelcome
{
    /// <summary>The demo accounts worth signing in as, in the order of the story; the stage 3 applicant exists only with the demo's activity.</summary>
    public static IReadOnlyList<DemoAccount> Accounts(bool withActivity) =>
    [
        DemoSeason.Admin, DemoSeason.CoalitionMentor, DemoSeason.SoloMentor, DemoSeason.Reviewer, DemoSeason.FreshApplicant,
        .. withActivity ? [DemoActivity.StreamsStageApplicant, DemoSeason.Fellow] : Array.Empty<DemoAccount>(),
    ];

    public static IEnumerable<string> Lines(bool withActivity)
    {
        yield return "Demo accounts (Development only):";
        foreach (var account in Accounts(withActivity))
        {
            yield return $"  {account.Role,-10} {account.Email,-38} password: {account.Password,-26} {account.Purpose}";
        }

        if (withActivity)
        {
            yield return $"  and the reviewers {string.Join(", ", DemoActivity.Reviewers.Select(r => r.Email))}, password: {DemoActivity.ReviewerPassword}";
        }
    }
}
