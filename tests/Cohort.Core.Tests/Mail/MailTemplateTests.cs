using Cohort.Core.Mail;

namespace Cohort.Core.Tests.Mail;

public class MailTemplateTests
{
    [Fact]
    public void Merge_fields_are_replaced_with_their_values_wherever_they_appear()
    {
        var rendered = MailTemplate.Render("Dear {{name}}, {{ stage }} closes {{deadline}}: {{link}}. Again, {{name}}.",
            new Dictionary<string, string> { ["name"] = "Ada", ["stage"] = "Stage 1", ["deadline"] = "1 May", ["link"] = "https://x.test/portal" });

        Assert.Equal("Dear Ada, Stage 1 closes 1 May: https://x.test/portal. Again, Ada.", rendered);
    }

    [Fact]
    public void Unknown_merge_fields_are_refused_naming_the_known_ones()
    {
        var problems = MailTemplate.Check("Dear {{nmae}} of {{stream}}");

        var problem = Assert.Single(problems);
        Assert.Contains("{{nmae}}", problem, StringComparison.Ordinal);
        Assert.Contains("{{name}}, {{stage}}, {{stream}}, {{deadline}}, {{link}}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dear {{name}")]
    [InlineData("Dear {{first name}}")]
    public void A_malformed_merge_field_is_refused(string template) => Assert.NotEmpty(MailTemplate.Check(template));

    [Fact]
    public void A_template_with_only_known_fields_passes() => Assert.Empty(MailTemplate.Check("{{name}} {{stage}} {{stream}} {{deadline}} {{link}}"));

    [Fact]
    public void Retries_wait_twice_as_long_after_each_failure_up_to_an_hour()
    {
        var first = TimeSpan.FromSeconds(30);

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromHours(1)],
            new[] { 1, 2, 3, 20 }.Select(failures => OutboxDispatcher.RetryDelay(failures, first)));
    }

    [Fact]
    public void A_field_whose_value_ends_or_starts_with_the_word_written_beside_it_is_a_repeat()
    {
        var values = new Dictionary<string, string> { ["stage"] = "General application", ["name"] = "Ada Lovelace", ["deadline"] = "1 May 2027 at 12:00 UTC" };

        Assert.Equal(
            ["“{{stage}} application” reads “General application application”: {{stage}} already ends with “application”.",
             "“Ada {{name}}” reads “Ada Ada Lovelace”: {{name}} already starts with “Ada”.",
             "“{{deadline}} UTC” reads “1 May 2027 at 12:00 UTC UTC”: {{deadline}} already ends with “UTC”."],
            MailTemplate.Repeats("Your {{stage}} application. Ada {{name}}, answer by {{deadline}} UTC.", values));
        Assert.Empty(MailTemplate.Repeats("Your {{stage}}, {{name}}: answer by {{deadline}}.", values));
    }
}
