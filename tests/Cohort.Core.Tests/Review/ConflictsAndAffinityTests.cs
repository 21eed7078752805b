using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>The pure rules of reviewer assignment: who conflicts with whom, and how affinity is counted.</summary>
public sealed class ConflictsAndAffinityTests
{
    private static ReviewerFacts Reviewer(string email, string organisation = "", params string[] declared) =>
        new("reviewer", email, organisation, declared.ToHashSet());

    private static ApplicantFacts Applicant(string email, string organisation = "") => new("applicant", email, organisation);

    [Fact]
    public void A_declared_conflict_the_same_organisation_or_the_same_private_domain_is_a_conflict()
    {
        Assert.Equal("declared a conflict", Conflicts.Between(Reviewer("r@a.org", "", "applicant"), Applicant("x@b.org")));
        Assert.Equal("same organisation", Conflicts.Between(Reviewer("r@a.org", "  Oxford   University "), Applicant("x@b.org", "oxford university")));
        Assert.Equal("same email domain", Conflicts.Between(Reviewer("r@Lab.example"), Applicant("x@lab.EXAMPLE")));
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("outlook.com")]
    [InlineData("proton.me")]
    [InlineData("yahoo.com")]
    public void Sharing_a_public_mail_domain_or_giving_no_organisation_is_no_conflict(string domain)
    {
        Assert.Null(Conflicts.Between(Reviewer($"r@{domain}"), Applicant($"x@{domain}")));
        Assert.Null(Conflicts.Between(Reviewer("r@a.org", ""), Applicant("x@b.org", "")));
    }

    [Fact]
    public void Affinity_counts_two_per_stream_of_interest_and_one_per_tag_found_as_a_whole_word()
    {
        var streams = new[] { new StreamName("model-organisms", "Model organisms"), new StreamName("control", "AI control") };
        const string text = "I studied interpretability and scalable oversight; a Probe-based method.";

        Assert.Equal(2 + 2, Affinity.Of(["model-organisms", "AI CONTROL"], [], streams, text));
        Assert.Equal(3, Affinity.Of([], ["Interpretability", "scalable oversight", "probe", "interpret", "oversight of"], streams, text));
        Assert.Equal(Affinity.Max, Affinity.Of(["control", "model-organisms"], ["interpretability", "probe", "studied", "method", "scalable", "oversight", "based"], streams, text));
    }
}
