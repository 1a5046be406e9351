using System.Text;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Mail;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Web;

/// <summary>The web edition: every story in rank order, the top ones in full and the rest listed, a page at a time.</summary>
public class BriefingEditionPagesTests
{
    private static readonly DateOnly Date = new(2026, 11, 20);
    private static readonly HtmlParser Parser = new();

    private static Briefing Day(int count) => new()
    {
        Date = Date,
        ArticleCount = count * 2,
        Stories =
        [
            .. Enumerable.Range(1, count).Select(n => new Story
            {
                Headline = $"Headline of story {n}",
                Summary = [$"What happened in story {n}, told in one sentence.", $"Why story {n} matters, in another."],
                Citations = [0, 1],
                Sources =
                [
                    new StorySource { Article = $"{n}-a.html", Outlet = "Harbor Times", Url = $"https://harbor.example/{n}" },
                    new StorySource { Article = $"{n}-b.html", Outlet = "Metro Wire", Url = $"https://wire.example/{n}" },
                ],
            }),
        ],
    };

    private static async Task<(int Status, string Html)> GetAsync(Briefing briefing, string? page)
    {
        var pages = new BriefingPages(
            new OneBriefingStore(briefing),
            Options.Create(new BriefingOptions()),
            Options.Create(new MailOptions { PublicBaseUrl = "https://digest.example.org" }),
            new ManualTime(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero)));
        var result = await pages.InvokeAsync("2026-11-20", page, CancellationToken.None);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task FirstPage_ShowsTheEmailsStoriesInFullThenListsTheNextInRankOrder()
    {
        var (status, html) = await GetAsync(Day(450), page: null);
        var document = Parser.ParseDocument(html);

        Assert.Equal(200, status);
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"Headline of story {n}"), document.QuerySelectorAll("h2[id^=story-]").Select(h => h.TextContent));
        var listed = document.QuerySelectorAll("li[id^=story-]").ToArray();
        Assert.Equal(BriefingPages.StoriesPerPage, listed.Length);
        Assert.Equal("story-13", listed[0].Id);
        Assert.StartsWith("Headline of story 13", listed[0].TextContent);
        Assert.Contains("Harbor Times", listed[0].TextContent);
        Assert.DoesNotContain("What happened in story 13", html);
        Assert.Equal("https://digest.example.org/api/briefings/2026-11-20?page=2", document.QuerySelector("a[rel=next][href*='page=']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task LaterPages_ListTheFollowingStoriesAndTheLastEndsTheBriefing()
    {
        var (_, second) = await GetAsync(Day(450), "2");
        var (_, third) = await GetAsync(Day(450), "3");

        var secondIds = Parser.ParseDocument(second).QuerySelectorAll("li[id^=story-]").Select(li => li.Id).ToArray();
        var thirdIds = Parser.ParseDocument(third).QuerySelectorAll("li[id^=story-]").Select(li => li.Id).ToArray();
        Assert.Equal(Enumerable.Range(213, 200).Select(n => $"story-{n}"), secondIds);
        Assert.Equal(Enumerable.Range(413, 38).Select(n => $"story-{n}"), thirdIds);
        Assert.Empty(Parser.ParseDocument(third).QuerySelectorAll("a[rel=next][href*='page=']"));
        Assert.NotNull(Parser.ParseDocument(third).QuerySelector("a[rel=prev][href$='page=2']"));
    }

    [Fact]
    public async Task EveryPage_OfA40000StoryDay_StaysLight()
    {
        var day = Day(40_000);

        var (_, first) = await GetAsync(day, null);
        var (_, middle) = await GetAsync(day, "100");
        var (lastStatus, last) = await GetAsync(day, "200");

        foreach (var page in new[] { first, middle, last })
        {
            Assert.True(Encoding.UTF8.GetByteCount(page) < 250 * 1024, $"{Encoding.UTF8.GetByteCount(page)} bytes");
        }

        Assert.Equal(200, lastStatus);
        Assert.Contains("story-40000", last);
    }

    [Theory]
    [InlineData("0", 400)]
    [InlineData("two", 400)]
    [InlineData("4", 404)]
    public async Task PageOutsideTheBriefing_IsRefusedWithAPlainPage(string page, int expected)
    {
        var (status, html) = await GetAsync(Day(450), page);

        Assert.Equal(expected, status);
        Assert.Contains("No such page", html);
    }

    private sealed class OneBriefingStore(Briefing briefing) : IBriefingStore
    {
        public Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default) =>
            Task.FromResult(date == briefing.Date ? briefing : null);

        public Task<IReadOnlyList<DateOnly>> ListBriefingDatesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DateOnly>>([briefing.Date]);

        public Task SaveAsync(StoredBriefing stored, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<EmailJob>?> FindFanOutPlanAsync(DateOnly date, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<EmailJob>> SaveFanOutPlanAsync(DateOnly date, IReadOnlyList<EmailJob> jobs, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
