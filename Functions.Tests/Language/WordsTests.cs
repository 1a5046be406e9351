using Digest.Language;

namespace Digest.Tests.Language;

public class WordsTests
{
    public static TheoryData<string, string[]> Tokenizations => new()
    {
        { "The Council voted.", ["the", "council", "voted"] },
        { "It will cost $1.2 billion.", ["it", "will", "cost", "1.2", "billion"] },
        { "Prices rose 3.5% in May.", ["prices", "rose", "3.5", "in", "may"] },
        { "About 1,200 people came.", ["about", "1200", "people", "came"] },
        { "The Giants won 7-2.", ["the", "giants", "won", "7", "2"] },
        { "a state-owned bank", ["a", "state", "owned", "bank"] },
        { "the company's profit", ["the", "company", "profit"] },
        { "the company\u2019s profit", ["the", "company", "profit"] },
        { "They don\u2019t know O'Brien.", ["they", "don't", "know", "o'brien"] },
        { "the U.S. and the U.K.", ["the", "u.s", "and", "the", "u.k"] },
        { "at 9 a.m. sharp", ["at", "9", "a.m", "sharp"] },
        { "Café owners in São Paulo", ["café", "owners", "in", "são", "paulo"] },
        { "visit example.com today", ["visit", "example", "com", "today"] },
        { "\"Quoted,\" (bracketed) — dashed", ["quoted", "bracketed", "dashed"] },
    };

    [Theory]
    [MemberData(nameof(Tokenizations))]
    public void Tokenize_NewsText_GivesLowerCaseWordTokens(string text, string[] expected)
    {
        Assert.Equal(expected, Words.Tokenize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— … !?")]
    public void Tokenize_NoLettersOrDigits_GivesNoTokens(string text)
    {
        Assert.Empty(Words.Tokenize(text));
    }

    [Theory]
    [InlineData("The state-owned bank lost $1.2 billion.", 6)]
    [InlineData("  Two   words  ", 2)]
    [InlineData("A — dash is not a word", 6)]
    [InlineData("", 0)]
    public void Count_Text_CountsWhitespaceSeparatedWords(string text, int expected)
    {
        Assert.Equal(expected, Words.Count(text));
    }
}
