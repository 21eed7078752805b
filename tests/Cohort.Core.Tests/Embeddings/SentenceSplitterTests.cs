using Cohort.Core.Embeddings;

namespace Cohort.Core.Tests.Embeddings;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Abbreviations_initials_and_numbers_do_not_end_a_sentence()
    {
        const string text = "I study toy models, e.g. small transformers, i.e. ones we can read, cf. Elhage. Work by J. Smith et al. showed 3.5 times more features. Does it scale? Yes!";

        Assert.Equal(
            ["I study toy models, e.g. small transformers, i.e. ones we can read, cf. Elhage.", "Work by J. Smith et al. showed 3.5 times more features.", "Does it scale?", "Yes!"],
            SentenceSplitter.Split(text));
    }

    [Fact]
    public void Bullets_and_blank_lines_start_units_and_wrapped_lines_join_again()
    {
        const string text = "My plan has three parts:\r\n- train dictionaries\n* label the features\n  automatically\n• 2) check the labels\n\n1. Publish an atlas\nThen stop";

        Assert.Equal(
            ["My plan has three parts:", "train dictionaries", "label the features automatically", "2) check the labels", "Publish an atlas Then stop"],
            SentenceSplitter.Split(text));
    }

    [Fact]
    public void Long_runs_of_words_are_cut_and_a_statement_gives_at_most_the_cap()
    {
        var run = string.Join(' ', Enumerable.Repeat("word", SentenceSplitter.MostWords * 2 + 5));
        Assert.Equal([SentenceSplitter.MostWords, SentenceSplitter.MostWords, 5], SentenceSplitter.Split(run).Select(u => u.Split(' ').Length));

        var many = string.Join(' ', Enumerable.Range(1, SentenceSplitter.MostSentences + 10).Select(i => $"Sentence number {i}."));
        var units = SentenceSplitter.Split(many);
        Assert.Equal(SentenceSplitter.MostSentences, units.Count);
        Assert.Equal("Sentence number 1.", units[0]);
    }

    [Fact]
    public void Text_without_words_gives_no_units()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split(" \n - \n ... \n"));
    }
}
