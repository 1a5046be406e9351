using Digest.Cli;

namespace Digest.Tests.Editorial;

/// <summary><c>check-briefing</c> on JSON of the wrong shape: named as not a briefing, never a crash.</summary>
public sealed class CheckBriefingShapeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-check-shape-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": null}", "stories")]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": [null]}", "stories[0]")]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": [{\"headline\": null, \"summary\": [\"S.\"], \"sources\": []}]}", "stories[0].headline")]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": null, \"sources\": []}]}", "stories[0].summary")]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"sources\": [{\"article\": \"a.txt\", \"outlet\": null}]}]}", "stories[0].sources[0].outlet")]
    [InlineData("{\"date\": \"2026-11-20\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"citations\": null, \"sources\": []}]}", "stories[0].citations")]
    public async Task CheckBriefing_WellFormedJsonOfTheWrongShape_IsNamedNotABriefingWithoutACrash(string json, string field)
    {
        var file = Path.Combine(folder, "2026-11-20.json");
        await File.WriteAllTextAsync(file, json);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["check-briefing", file], output, error);

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("not a readable briefing", error.ToString());
        Assert.Contains(field, error.ToString());
        Assert.DoesNotContain("Exception", error.ToString() + output);
    }
}
