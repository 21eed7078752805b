using Cohort.Core.Applications;
using Cohort.Core.Review;

namespace Cohort.Core.Tests.Review;

/// <summary>Identity taken out of free text: links, email addresses and the applicant's name, each only when the settings hide it.</summary>
public sealed class BlindRedactionTests
{
    private static readonly BlindSettings HideAll = new();

    [Theory]
    [InlineData("Mail me at will.hart+cv@uni.example.ac.uk today", "Mail me at [email hidden] today")]
    [InlineData("Code: https://github.com/whart/probes and www.whart.dev", "Code: [link hidden] and [link hidden]")]
    [InlineData("See whart.io/notes for more", "See [link hidden] for more")]
    [InlineData("Will Hart here; I will try. WILL HART again", "[name hidden] here; I will try. [name hidden] again")]
    [InlineData("Hart's result, not Harten's", "[name hidden]'s result, not Harten's")]
    public void Hides_links_emails_and_the_name_in_free_text(string text, string expected) =>
        Assert.Equal(expected, new BlindRedaction(HideAll, "Will Hart").Apply(text));

    [Fact]
    public void Leaves_text_alone_when_the_settings_show_everything()
    {
        var showAll = new BlindSettings { HideName = false, HideContact = false, HideOrganisation = false, HideDateOfBirth = false, HideUrls = false, HideCvFileName = false };
        const string text = "Will Hart, will.hart@example.org, https://whart.dev";

        Assert.Equal(text, new BlindRedaction(showAll, "Will Hart").Apply(text));
    }

    [Fact]
    public void Short_name_parts_are_not_hidden_on_their_own() =>
        Assert.Equal("Li worked with [name hidden]; [name hidden] agreed", new BlindRedaction(HideAll, "Li Wei").Apply("Li worked with Li Wei; Wei agreed"));

    private static readonly (IdentityFlag, string)[] Flagged =
    [
        (IdentityFlag.Organisation, "Northfield Institute"), (IdentityFlag.DateOfBirth, "1996-04-12"),
        (IdentityFlag.Contact, "+44 7700 900123"), (IdentityFlag.Name, "Wilhelmina Hart-Jones"), (IdentityFlag.Link, "https://whart.dev"),
    ];

    [Fact]
    public void The_words_of_flagged_answers_are_hidden_wherever_they_appear_and_a_name_answer_adds_to_the_name()
    {
        var redaction = new BlindRedaction(HideAll, "Will Hart", Flagged);

        var text = redaction.Apply("Wilhelmina here, of NORTHFIELD INSTITUTE, born 1996-04-12; call +44 7700 900123 or see whart.dev. Northfielders agree.");

        Assert.Equal("[name hidden] here, of [organisation hidden], born [date of birth hidden]; call [contact hidden] or see [link hidden]. Northfielders agree.", text);
    }

    [Fact]
    public void Flagged_words_of_a_kind_the_settings_show_are_left_alone()
    {
        var showOrganisation = new BlindSettings { HideOrganisation = false, HideDateOfBirth = false };

        var text = new BlindRedaction(showOrganisation, "Will Hart", Flagged).Apply("Will of Northfield Institute, born 1996-04-12");

        Assert.Equal("[name hidden] of Northfield Institute, born 1996-04-12", text);
    }
}
