using Digest.Summaries.Screening;

namespace Digest.Tests.Summaries;

public class DatelineTests
{
    [Theory]
    [InlineData("WASHINGTON (AP) \u2014 The Senate passed the bill.", "The Senate passed the bill.")]
    [InlineData("LONDON, March 3 (Reuters) - Shares fell sharply.", "Shares fell sharply.")]
    [InlineData("NEW YORK \u2013 \u201CWe are ready,\u201D the mayor said.", "\u201CWe are ready,\u201D the mayor said.")]
    [InlineData("\u2014 Mike Glass threw for three touchdowns.", "Mike Glass threw for three touchdowns.")]
    public void StripPrefix_LeadWithDateline_KeepsTheSentenceOnly(string sentence, string expected)
    {
        Assert.Equal(expected, Dateline.StripPrefix(sentence));
    }

    [Theory]
    [InlineData("NASA said Tuesday \u2014 In a statement, officials agreed.")]
    [InlineData("US stocks fell \u2014 the worst day this year.")]
    [InlineData("The plan \u2014 which passed 7-2 \u2014 starts in May.")]
    public void StripPrefix_SentenceWithoutDateline_IsUnchanged(string sentence)
    {
        Assert.Equal(sentence, Dateline.StripPrefix(sentence));
    }
}
