namespace Digest.Tests.Cli;

/// <summary><c>run</c> when another day's stored briefing is well-formed JSON of the wrong shape: treated as damaged, today's run goes on.</summary>
public sealed class RunShapeFaultTests : IDisposable
{
    private readonly SampleRunFolder run = new();
    private string outFolder => run.Folder;

    public void Dispose() => run.Dispose();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] extra) => run.RunAsync(extra);

    private string[] Outbox() => run.Outbox();

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
