namespace Cohort.Cli.Tests.Review;

/// <summary>The contract of <c>cohort affinity</c> (docs/affinity.md): each item's best reviewers with scores in [0, 1], or exit 2 on bad input.</summary>
public sealed class AffinityCommandTests
{
    [Fact]
    public void Each_item_gets_its_top_reviewers_best_first_with_scores_and_the_sentences_that_matched()
    {
        var run = Cohort.Run(new
        {
            items = new[]
            {
                new { id = "heads", text = "I want to find the attention heads that copy names in a transformer. I will switch them off one at a time." },
                new { id = "courts", text = "Courts assign liability for software failures differently. I compare them for advanced AI." },
                new { id = "same", text = "I study reward hacking and specification gaming in reinforcement learning." },
            },
            reviewers = new[]
            {
                new { id = "law", text = "My field is technology law: regulation, licensing and liability regimes for AI." },
                new { id = "interp", text = "I work on mechanistic interpretability: circuits and activation patching in language models." },
                new { id = "rl", text = "I study reward hacking and specification gaming in reinforcement learning." },
            },
            top = 2,
        }, "affinity");

        Assert.Equal(0, run.ExitCode);
        var items = run.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["heads", "courts", "same"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["interp", "law", "rl"], items.Select(i => i.GetProperty("reviewers")[0].GetProperty("id").GetString()));
        foreach (var item in items)
        {
            var scores = item.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(2, scores.Count);
            Assert.All(scores, s => Assert.InRange(s, 0, 1));
            Assert.True(scores[0] >= scores[1]);
        }

        var identical = items[2].GetProperty("reviewers")[0];
        Assert.Equal(1, identical.GetProperty("score").GetDouble(), 3);
        Assert.Equal("I study reward hacking and specification gaming in reinforcement learning.", identical.GetProperty("why")[0].GetProperty("reviewer").GetString());
        Assert.Equal("all-MiniLM-L6-v2", run.Json.GetProperty("stats").GetProperty("model").GetString());
        Assert.True(run.Json.GetProperty("stats").GetProperty("embedMs").GetInt64() >= 0);
    }

    [Theory]
    [InlineData("""{"items": [""", "broken JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"reviewers":[{"id":"r","text":"t"}]}""", "items: missing")]
    [InlineData("""{"items":[{"text":"t"}],"reviewers":[{"id":"r","text":"t"}]}""", "items[0].id: missing")]
    [InlineData("""{"items":[{"id":"a","text":""}],"reviewers":[{"id":"r","text":"t"}]}""", "items[0].text: must not be empty")]
    [InlineData("""{"items":[{"id":"a","text":"t"}],"reviewers":[{"id":"r"}]}""", "reviewers[0].text: missing")]
    [InlineData("""{"items":[{"id":"a","text":"t"}],"reviewers":[{"id":"r","text":"t"},{"id":"r","text":"u"}]}""", "reviewers[1].id: duplicate reviewer id \"r\"")]
    [InlineData("""{"items":[{"id":"a","text":"t"}],"reviewers":[{"id":"r","text":"t"}],"top":0}""", "top: must be a whole number of 1 or more (got 0)")]
    [InlineData("""{"items":[{"id":"a","text":"t"}],"reviewers":[{"id":"r","text":"t"}],"top":"two"}""", "top: must be a whole number of 1 or more")]
    public void Bad_input_exits_2_with_one_line_naming_what_is_wrong(string input, string message)
    {
        var run = Cohort.Run(input, "affinity");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void An_unreadable_file_exits_2_naming_it()
    {
        var run = Cohort.RunRaw(["affinity", "/nonexistent/affinity-input.json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read /nonexistent/affinity-input.json", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
