using Digest.Cli;

namespace Digest.Tests.Cli;

/// <summary><c>run</c> when another day's stored briefing is well-formed JSON of the wrong shape: treated as damaged, today's run goes on.</summary>
public sealed class RunShapeFaultTests : IDisposable
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
    private readonly string outFolder = Directory.CreateTempSubdirectory("digest-run-fault-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DigestCli.InvokeAsync(["run", Articles, "--out", outFolder, "--date", "2026-11-20", .. extra], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Outbox() =>
        Directory.Exists(Path.Combine(outFolder, "outbox")) ? Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml") : [];

    [Theory]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 3, \"stories\": null}")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 3, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"sources\": null}]}")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 3, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"sources\": [null]}]}")]
    public async Task Run_AnotherDaysBriefingHasTheWrongShape_TodaysRunStillComposesAndSends(string json)
    {
        Directory.CreateDirectory(Path.Combine(outFolder, "briefings"));
        await File.WriteAllTextAsync(Path.Combine(outFolder, "briefings", "2026-11-19.json"), json);

        var (exit, output, error) = await RunAsync("--to", "ann@example.com");

        Assert.True(exit == 0, output + error);
        Assert.Single(Outbox());
    }
}
