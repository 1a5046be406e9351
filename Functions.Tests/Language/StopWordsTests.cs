using Digest.Language;

namespace Digest.Tests.Language;

public class StopWordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    [InlineData("said")]
    [InlineData("would")]
    [InlineData("don't")]
    [InlineData("tuesday")]
    public void Contains_FunctionAndNewsroomWords_IsTrue(string word)
    {
        Assert.True(StopWords.Contains(word));
    }

    [Theory]
    [InlineData("flood")]
    [InlineData("council")]
    [InlineData("billion")]
    [InlineData("u.s")]
    public void Contains_ContentWords_IsFalse(string word)
    {
        Assert.False(StopWords.Contains(word));
    }

    [Fact]
    public void Contains_UpperCaseWord_IsFalseBecauseCallersPassLowerCase()
    {
        Assert.False(StopWords.Contains("The"));
    }
}
