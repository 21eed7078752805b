using Cohort.Core.Accounts;

namespace Cohort.Core.Tests.Accounts;

public class CommonPasswordsTests
{
    private static readonly string[] Ada = ["ada.okafor@example.org", "Ada Okafor"];

    [Theory]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("Password1234")]
    [InlineData("p4ssw0rd2024!")]
    [InlineData("!!Sunshine123")]
    [InlineData("footballfootball")]
    [InlineData("University")]
    [InlineData("cohort2027!")]
    [InlineData("ada.okafor1")]
    [InlineData("Okafor!Okafor!")]
    public void Common_passwords_words_and_ones_own_name_are_guessable(string password) =>
        Assert.True(CommonPasswords.IsGuessable(password, Ada));

    [Theory]
    [InlineData("a long enough passphrase")]
    [InlineData("demo-admin-password")]
    [InlineData("ledger violet harbour")]
    [InlineData("Tr0ub4dor&3 horse")]
    [InlineData("okafor's kettle sings")]
    public void Several_words_together_are_not(string password) =>
        Assert.False(CommonPasswords.IsGuessable(password, Ada));
}
