using Cohort.Matching.Text;

namespace Cohort.Matching.Tests.Text;

public class EnglishTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(102, "102nd")]
    [InlineData(111, "111th")]
    public void Ordinals_follow_English_suffix_rules(int n, string expected) => Assert.Equal(expected, English.Ordinal(n));

    [Fact]
    public void Lists_join_the_last_item_with_and()
    {
        Assert.Equal("a", English.List(["a"]));
        Assert.Equal("a and b", English.List(["a", "b"]));
        Assert.Equal("a, b and c", English.List(["a", "b", "c"]));
    }

    [Fact]
    public void Long_lists_count_what_they_leave_out() =>
        Assert.Equal("1, 2 and 3 more", English.ShortList(["1", "2", "3", "4", "5"], shown: 2));

    [Fact]
    public void A_noun_takes_the_article_its_first_letter_asks_for()
    {
        Assert.Equal("a fellow", new Noun("fellow", "fellows").WithArticle);
        Assert.Equal("an intern", new Noun("intern", "interns").WithArticle);
        Assert.Equal(["fellow", "fellows", "fellows"], new[] { 1, 2, 0 }.Select(n => new Noun("fellow", "fellows").For(n)));
    }
}
