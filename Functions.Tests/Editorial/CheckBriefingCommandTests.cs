using System.Text.Json;
using Digest.Briefings;
using Digest.Cli;
using Digest.Cli.Editorial;

namespace Digest.Tests.Editorial;

/// <summary><c>check-briefing</c>: counts each kind of problem in a briefing, and the samples have none.</summary>
public sealed class CheckBriefingCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private readonly string folder = Directory.CreateTempSubdirectory("digest-check-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Exit, string Output)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await DigestCli.InvokeAsync(args, output, new StringWriter());
        return (exit, output.ToString());
    }

    private static Story Story(string headline, string[] summary, params string[] outlets) => new()
    {
        Headline = headline,
        Summary = summary,
        Sources = outlets.Select((o, i) => new StorySource { Article = $"a{i}.txt", Outlet = o, Title = null }).ToArray(),
    };

    [Fact]
    public void Check_BriefingWithEachProblem_FindsEachKind()
    {
        var briefing = new Briefing
        {
            Date = new DateOnly(2026, 11, 20),
            ArticleCount = 4,
            Stories =
            [
                Story("Port Calder, Oregon (Wire) -- Overnight storms knock out power", ["Storms knocked out power to 41,000 homes in Port Calder overnight."], "a0"),
                Story("The president said he was open to the possibility of meeting",
                    ["That is how long it took, he said, for the hay barn to burn.", "Here's what you need to know about the new budget.",
                     "In this photo released by the county, the barn burns on Wednesday night."], "Harbor Times"),
                Story("Freight train derails near Port Calder",
                    ["Twenty-three cars of an Allard & Western Railway freight train jumped the tracks near Port Calder.", "Twenty-three cars of the freight train left the tracks near Port Calder on Thursday."],
                    "Cascade Wire"),
                Story("A fire destroyed a hay barn and killed 14 dairy calves at the Hollis family farm…", ["A fire destroyed a hay barn."], "Valley Ledger"),
            ],
        };

        var kinds = BriefingCheck.Check(briefing).Select(f => f.Kind).ToList();

        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.SourceName));
        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.HeadlineDateline));
        Assert.Equal(2, kinds.Count(k => k == BriefingCheck.HeadlineCut));
        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.Dangling));
        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.PageText));
        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.Caption));
        Assert.Equal(1, kinds.Count(k => k == BriefingCheck.NearDuplicate));
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("editorial")]
    public async Task CheckBriefing_SamplesDay_FindsNothing(string samples)
    {
        var (runExit, _) = await InvokeAsync("run", Path.Combine(Samples, samples), "--out", folder, "--date", "2026-11-20");
        Assert.Equal(DigestCli.Success, runExit);

        var (exit, output) = await InvokeAsync("check-briefing", Path.Combine(folder, "briefings", "2026-11-20.json"), "--list", "--strict");

        Assert.True(exit == DigestCli.Success, output);
        Assert.Contains("headlines flagged: 0 (0.0%); story sentences flagged: 0 (0.0%); total findings: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EditorialSamples_EveryEventIsOneStoryWithNamedOutlets()
    {
        var (exit, _) = await InvokeAsync("run", Path.Combine(Samples, "editorial"), "--out", folder, "--date", "2026-11-20");
        Assert.Equal(DigestCli.Success, exit);
        var briefing = JsonSerializer.Deserialize<Briefing>(File.ReadAllText(Path.Combine(folder, "briefings", "2026-11-20.json")), DigestJson.Options)!;

        Assert.Equal(
            ["barn-fire-dunmore.txt", "derailment-cascade-wire.txt|derailment-coastline-daily.html|derailment-valley-ledger.md", "fire-chief-harbor-times.md|fire-chief-metro-wire.txt"],
            briefing.Stories.Select(s => string.Join('|', s.Sources.Select(x => x.Article).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        var outlets = briefing.Stories.SelectMany(s => s.Sources).ToDictionary(s => s.Article, s => s.Outlet);
        Assert.Equal("Cascade Wire", outlets["derailment-cascade-wire.txt"]);
        Assert.Equal("Coastline Daily", outlets["derailment-coastline-daily.html"]);
        Assert.Equal("Valley Ledger", outlets["derailment-valley-ledger.md"]);
        Assert.Equal("Harbor Times", outlets["fire-chief-harbor-times.md"]);
        Assert.Equal("Metro Wire", outlets["fire-chief-metro-wire.txt"]);
        Assert.DoesNotContain("barn-fire", outlets["barn-fire-dunmore.txt"], StringComparison.Ordinal);
        var derailment = briefing.Stories.Single(s => s.Sources.Count == 3);
        Assert.Equal("Freight train derails near Port Calder, spilling wheat into Millrace Creek", derailment.Headline);
    }

    [Fact]
    public async Task CheckBriefing_NotABriefing_IsBadArguments()
    {
        var file = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(file, "{ not json");

        var (exit, _) = await InvokeAsync("check-briefing", file);

        Assert.Equal(DigestCli.BadArguments, exit);
    }
}
