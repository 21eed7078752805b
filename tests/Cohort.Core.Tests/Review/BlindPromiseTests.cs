using Cohort.Core.Applications;
using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>What applicants are promised follows the settings exactly: every kind hidden is named, no kind shown is.</summary>
public sealed class BlindPromiseTests
{
    private static readonly (IdentityFlag Flag, string Words)[] Kinds =
    [
        (IdentityFlag.Name, "your name"), (IdentityFlag.Contact, "your contact details"), (IdentityFlag.Organisation, "your university or employer"),
        (IdentityFlag.DateOfBirth, "your date of birth"), (IdentityFlag.Link, "links"),
    ];

    /// <summary>Every combination of the six switches (two to the sixth).</summary>
    public static TheoryData<int> Combinations() => [.. Enumerable.Range(0, 64)];

    private static BlindSettings Settings(int bits) => new()
    {
        HideName = (bits & 1) != 0, HideContact = (bits & 2) != 0, HideOrganisation = (bits & 4) != 0,
        HideDateOfBirth = (bits & 8) != 0, HideUrls = (bits & 16) != 0, HideCv = (bits & 32) != 0,
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void The_promise_names_each_hidden_kind_and_no_shown_one_and_says_whether_reviewers_read_the_cv(int bits)
    {
        var settings = Settings(bits);

        var promise = BlindPromise.ForApplicants(settings);

        var hidden = promise.Split(';')[0];
        foreach (var (flag, words) in Kinds)
        {
            Assert.Equal(settings.Hides(flag), hidden.Contains("without seeing", StringComparison.Ordinal) && hidden.Contains(words, StringComparison.Ordinal));
        }

        Assert.Equal(Kinds.All(k => !settings.Hides(k.Flag)), promise.StartsWith("Reviewers see your application and your assessment answers as you wrote them", StringComparison.Ordinal));

        Assert.Equal(settings.HideCv, promise.Contains("Your CV is not shown to reviewers.", StringComparison.Ordinal));
        Assert.Equal(!settings.HideCv, promise.Contains("Reviewers can read your CV", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_hides_everything_and_withholds_the_cv() =>
        Assert.Equal(
            "Reviewers score your application and your assessment answers without seeing your name, your contact details, your university or employer, " +
            "your date of birth or links; we also take these out of your written answers wherever we recognise them. Your CV is not shown to reviewers. " +
            "The mentors of a stream you apply to see your name with your application to their stream.",
            BlindPromise.ForApplicants(new BlindSettings()));

    [Fact]
    public void A_shown_cv_is_called_out_as_showing_the_name_when_the_name_is_otherwise_hidden() =>
        Assert.Contains("they see whatever it contains, your name included", BlindPromise.ForApplicants(new BlindSettings { HideCv = false }), StringComparison.Ordinal);
}
