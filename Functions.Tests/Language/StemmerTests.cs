using Digest.Language;

namespace Digest.Tests.Language;

public class StemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("cats", "cat")]
    [InlineData("running", "run")]
    [InlineData("hopping", "hop")]
    [InlineData("hoped", "hope")]
    [InlineData("agreed", "agre")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("generously", "generous")]
    [InlineData("consignment", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("knackered", "knacker")]
    [InlineData("cried", "cri")]
    [InlineData("cry", "cri")]
    [InlineData("says", "say")]
    [InlineData("ability", "abil")]
    [InlineData("electricity", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("sensational", "sensat")]
    [InlineData("generate", "generat")]
    [InlineData("communism", "communism")]
    [InlineData("arsenal", "arsenal")]
    public void Stem_StandardPorter2Examples_MatchReferenceStems(string word, string stem)
    {
        Assert.Equal(stem, Stemmer.Stem(word));
    }

    [Theory]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("succeeded", "succeed")]
    [InlineData("proceeding", "proceed")]
    public void Stem_ExceptionalForms_UseTheirFixedStems(string word, string stem)
    {
        Assert.Equal(stem, Stemmer.Stem(word));
    }

    [Fact]
    public void Stem_InflectionsOfOneWord_ShareAStem()
    {
        var stems = new[] { "flood", "floods", "flooded", "flooding" }.Select(Stemmer.Stem).Distinct();

        Assert.Equal(["flood"], stems);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("1.2")]
    [InlineData("2019")]
    [InlineData("café")]
    [InlineData("u.s")]
    public void Stem_ShortWordsNumbersAndNonAsciiWords_ComeBackUnchanged(string word)
    {
        Assert.Equal(word, Stemmer.Stem(word));
    }
}
