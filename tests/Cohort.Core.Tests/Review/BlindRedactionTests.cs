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
        var showAll = new BlindSettings { HideName = false, HideEmail = false, HideUrls = false, HideCvFileName = false };
        const string text = "Will Hart, will.hart@example.org, https://whart.dev";

        Assert.Equal(text, new BlindRedaction(showAll, "Will Hart").Apply(text));
    }

    [Fact]
    public void Short_name_parts_are_not_hidden_on_their_own() =>
        Assert.Equal("Li worked with [name hidden]; [name hidden] agreed", new BlindRedaction(HideAll, "Li Wei").Apply("Li worked with Li Wei; Wei agreed"));
}
