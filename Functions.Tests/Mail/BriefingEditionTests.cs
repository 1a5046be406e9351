using System.Text;
using AngleSharp.Html.Parser;
using Digest.Briefings;
using Digest.Mail;
using Digest.Tests.Briefings.Rendering;

namespace Digest.Tests.Mail;

/// <summary>The email carries an edition of the briefing: its top stories within Gmail's clipping size, the rest on the web.</summary>
public class BriefingEditionTests
{
    private const string Recipient = "reader@example.com";

    private static int HtmlBytes(EmailMessage message) => Encoding.UTF8.GetByteCount(message.HtmlBody);

    private static string Text(EmailMessage message) => new HtmlParser().ParseDocument(message.HtmlBody).Body!.TextContent;

    private static string[] Headlines(EmailMessage message) =>
        new HtmlParser().ParseDocument(message.HtmlBody).QuerySelectorAll("h2[id^=story-]").Select(h => h.TextContent).ToArray();

    /// <summary>A day of <paramref name="count"/> stories; <paramref name="sources"/> sources and long sentences each.</summary>
    private static Briefing Day(int count, int sources = 6, int sentenceRepeats = 1) => new()
    {
        Date = new DateOnly(2026, 11, 20),
        ArticleCount = count * sources,
        Stories =
        [
            .. Enumerable.Range(1, count).Select(n => new Story
            {
                Headline = $"Story {n}: the harbor authority decides on ferries",
                Summary = [.. Enumerable.Range(1, 4).Select(s => string.Concat(Enumerable.Repeat($"Sentence {s} of story {n} says what was decided and who pays. ", sentenceRepeats)))],
                Citations = [0, 1, 2, 3],
                Sources =
                [
                    .. Enumerable.Range(1, sources).Select(k => new StorySource
                    {
                        Article = $"s{n}-{k}.html",
                        Outlet = $"Outlet {k}",
                        Title = $"Title of article {k} about story {n}",
                        Url = $"https://outlet{k}.example/news/2026/11/20/story-{n}-{new string('x', 80)}",
                    }),
                ],
            }),
        ],
    };

    [Fact]
    public void Build_300StoryDay_CarriesTheTop12WithinTheBudgetAndSaysHowManyMoreTheWebHas()
    {
        var message = MailTestSupport.Builder().Build(Day(300), Recipient, MailTestSupport.SentAt);

        Assert.True(HtmlBytes(message) <= BriefingEmailBuilder.MaxHtmlBytes, $"{HtmlBytes(message)} bytes");
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"Story {n}: the harbor authority decides on ferries"), Headlines(message));
        var more = new HtmlParser().ParseDocument(message.HtmlBody).QuerySelectorAll("a").Single(a => a.TextContent == "288 more stories in today's web edition");
        Assert.Equal("https://digest.example.org/api/briefings/2026-11-20#story-13", more.GetAttribute("href"));
        Assert.Contains(MailTestSupport.UnsubscribeUrl(Recipient), message.HtmlBody);
    }

    [Fact]
    public void Build_300StoryDay_TextPartFollowsTheEmail()
    {
        var message = MailTestSupport.Builder().Build(Day(300), Recipient, MailTestSupport.SentAt);

        Assert.Contains("12. Story 12: the harbor authority decides on ferries", message.TextBody);
        Assert.DoesNotContain("Story 13:", message.TextBody);
        Assert.Contains("288 more stories in today's web edition:", message.TextBody);
        Assert.Contains(MailTestSupport.UnsubscribeUrl(Recipient), message.TextBody);
    }

    [Fact]
    public void Build_EditionStoriesSetting_ChoosesHowManyStoriesTheEmailCarries()
    {
        var message = MailTestSupport.Builder(o => o.EditionStories = 3).Build(Day(10), Recipient, MailTestSupport.SentAt);

        Assert.Equal(3, Headlines(message).Length);
        Assert.Contains("7 more stories in today's web edition", Text(message));
    }

    [Fact]
    public void Build_DayWithFewerStoriesThanTheEdition_CarriesThemAllWithoutAMoreLine()
    {
        var message = MailTestSupport.Builder().Build(Day(5), Recipient, MailTestSupport.SentAt);

        Assert.Equal(5, Headlines(message).Length);
        Assert.DoesNotContain("in today's web edition", Text(message));
        Assert.DoesNotContain("in today's web edition", message.TextBody);
    }

    [Fact]
    public void Build_StoriesTooLargeForTwelve_LeavesStoriesToTheWebUntilTheEmailFitsWithItsFooter()
    {
        // Each story has 300 sources and long sentences: twelve of them would be far past the budget.
        var message = MailTestSupport.Builder().Build(Day(40, sources: 300, sentenceRepeats: 25), Recipient, MailTestSupport.SentAt);

        var carried = Headlines(message).Length;
        Assert.InRange(carried, 1, 11);
        Assert.True(HtmlBytes(message) <= BriefingEmailBuilder.MaxHtmlBytes, $"{HtmlBytes(message)} bytes");
        Assert.Contains($"{40 - carried} more stories in today's web edition", Text(message));
        Assert.Contains(MailTestSupport.UnsubscribeUrl(Recipient), message.HtmlBody);
        Assert.Contains("and 292 more", message.HtmlBody);
    }

    [Fact]
    public void BuildBatch_EveryReaderGetsTheUnsubscribeLinkWithinTheBudget()
    {
        var batch = MailTestSupport.Builder().BuildBatch(Day(300, sources: 300, sentenceRepeats: 25), ["a@example.com", "b@example.com"], MailTestSupport.SentAt);

        foreach (var recipient in batch.Recipients)
        {
            var message = batch.MessageFor(recipient);
            Assert.True(HtmlBytes(message) <= BriefingEmailBuilder.MaxHtmlBytes, $"{HtmlBytes(message)} bytes");
            Assert.Contains(MailTestSupport.UnsubscribeUrl(recipient.To.Address), message.HtmlBody);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Builder_EditionStoriesOutOfRange_IsRefused(int stories)
    {
        var refused = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => MailTestSupport.Builder(o => o.EditionStories = stories));

        Assert.Contains("EditionStories", refused.Message);
    }
}
