using System.Text.Json;
using Digest.Articles;
using Digest.Briefings;
using Digest.Briefings.Grouping;
using Digest.Summaries;

namespace Digest.Tests.Briefings;

/// <summary>
/// The day in <c>samples/hard-cases</c>, through intake, the summarizer and the composer: reports that share a topic
/// but tell different happenings stay apart, and one happening told very differently is one story.
/// </summary>
public class HardCaseGroupingTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "samples", "hard-cases");

    private static async Task<ArticleSummary[]> SummarizeAsync()
    {
        var reader = new ArticleReader(new IntakeOptions());
        var summarizer = new BuiltInSummarizer(new SummarizerOptions(), TimeProvider.System);
        var summaries = new List<ArticleSummary>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "articles")).Order(StringComparer.Ordinal))
        {
            summaries.Add(await summarizer.SummarizeAsync(reader.Read(Path.GetFileName(file), await File.ReadAllBytesAsync(file))));
        }

        return [.. summaries];
    }

    private static async Task<string[][]> StoriesAsync()
    {
        var briefing = new BriefingComposer(new StoryGrouper(new GroupingOptions()), new StoryWriter())
            .Compose(new DateOnly(2026, 11, 20), await SummarizeAsync(), []);
        return Sorted(briefing.Stories.Select(s => s.Sources.Select(x => x.Article)));
    }

    private static string[][] Sorted(IEnumerable<IEnumerable<string>> groups) =>
        groups.Select(g => g.Order(StringComparer.Ordinal).ToArray()).OrderBy(g => g[0], StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Compose_HardCaseDay_EveryEventIsExactlyOneStory()
    {
        var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Folder, "labels.json")))!;
        var expected = Sorted(labels.GroupBy(l => l.Value).Select(g => g.Select(l => l.Key)));

        Assert.Equal(expected, await StoriesAsync());
    }

    [Fact]
    public async Task Compose_TwoMissileTestsOfOneCountryAMonthApart_StayTwoStories()
    {
        var stories = await StoriesAsync();

        Assert.Contains(stories, s => s.SequenceEqual(["missile-test-october-harbor-times.md", "missile-test-october-metro-wire.json"]));
        Assert.Contains(stories, s => s.SequenceEqual(["missile-test-november-capital-bulletin.md", "missile-test-november-coastline-daily.json"]));
    }

    [Fact]
    public async Task Compose_TwoDeathsInOneCityOnOneDay_StayTwoStories()
    {
        var stories = await StoriesAsync();

        Assert.Contains(stories, s => s.SequenceEqual(["millbrook-house-fire-ridgeline-post.json", "millbrook-house-fire-valley-ledger.md"]));
        Assert.Contains(stories, s => s.SequenceEqual(["millbrook-cyclist-harbor-times.json", "millbrook-cyclist-metro-wire.md"]));
    }

    [Fact]
    public async Task Compose_OneEventToldAsNewsAndAsAFeature_IsOneStory()
    {
        var stories = await StoriesAsync();

        Assert.Contains(stories, s => s.SequenceEqual(["pellham-bridge-closed-northfield-gazette.md", "pellham-bridge-closed-ridgeline-post.json"]));
    }

    [Fact]
    public async Task Group_ReportsOfOneEventPublishedFurtherApartThanTheLimit_AreNeverOneStory()
    {
        // The same two October reports, one of them re-dated a week later: alike as they are, a week apart is two happenings.
        var october = (await SummarizeAsync()).Where(s => s.Article.StartsWith("missile-test-october", StringComparison.Ordinal)).ToArray();
        october[1] = october[1] with { PublishedAt = october[0].PublishedAt!.Value.AddDays(7) };

        var together = new StoryGrouper(new GroupingOptions()).Group([october[0], october[1] with { PublishedAt = october[0].PublishedAt!.Value.AddHours(2) }]);
        var apart = new StoryGrouper(new GroupingOptions()).Group(october);

        Assert.Single(together);
        Assert.Equal(2, apart.Count);
    }
}
