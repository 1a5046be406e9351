using Digest.Storage;

namespace Digest.Tests;

public class SafeNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("a/b/c.txt")]
    [InlineData("..")]
    public void ToFileName_PathLikeName_StaysOneFileName(string name)
    {
        var fileName = SafeNames.ToFileName(name);

        Assert.DoesNotContain('/', fileName);
        Assert.DoesNotContain('\\', fileName);
        Assert.False(fileName.StartsWith('.'), fileName);
        Assert.Equal(fileName, Path.GetFileName(Path.Combine("/data", fileName)));
    }

    [Fact]
    public void ToFileName_NamesThatLookAlike_StayDistinct()
    {
        Assert.NotEqual(SafeNames.ToFileName("a b.txt"), SafeNames.ToFileName("a_b.txt"));
    }
}
