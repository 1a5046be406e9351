using Digest.Briefings;
using Digest.Briefings.Rendering;

namespace Digest.Tests.Briefings.Rendering;

/// <summary>Briefings for rendering and mail tests: an ordinary day, a hostile one, and a long one.</summary>
internal static class SampleBriefings
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "<img src=x onerror=alert(1)>";

    public static BriefingLinks EmailLinks { get; } = new(
        "https://digest.example.org/api/briefings/2026-11-20",
        "https://digest.example.org/api/unsubscribe?token=abc123",
        "You are receiving this email because you subscribed to the Digest daily briefing.",
        "Digest, 1 Harbor Road, Port Town");

    public static BriefingLinks WebLinks { get; } = EmailLinks with { UnsubscribeUrl = null };

    public static Briefing Typical() => new()
    {
        Date = new DateOnly(2026, 11, 20),
        ArticleCount = 3,
        Stories =
        [
            new Story
            {
                Headline = "Harbor bridge reopens after repairs",
                Summary = ["The harbor bridge reopened on Friday after six weeks of repairs.", "Traffic is expected to return to normal by Monday."],
                Sources =
                [
                    new StorySource { Article = "bridge-times.md", Outlet = "Harbor Times", Title = "Bridge reopens", Url = "https://harbortimes.example/bridge" },
                    new StorySource { Article = "bridge-daily.txt", Outlet = "Coast Daily", Title = "Six weeks on, the bridge is back" },
                ],
            },
            new Story
            {
                Headline = "Library extends opening hours",
                Summary = ["The city library will open until 9 p.m. on weekdays from December."],
                Sources = [new StorySource { Article = "library.html", Outlet = "Town Crier", Title = "Late nights at the library", Url = "https://towncrier.example/library?id=7&ref=rss" }],
            },
        ],
        Rejected = [new RejectedArticle("scan.pdf", "PDF files are not supported; upload the article as text, Markdown, HTML or JSON.")],
    };

    public static Briefing Hostile() => new()
    {
        Date = new DateOnly(2026, 11, 20),
        ArticleCount = 1,
        Stories =
        [
            new Story
            {
                Headline = $"{Script} Council votes",
                Summary = [$"{ImageOnError} The council voted 5 to 2.", "Quotes \" and 'apostrophes' & ampersands stay text."],
                Sources =
                [
                    new StorySource { Article = "a.html", Outlet = "Evil <b>Outlet</b>", Title = "\" onmouseover=\"alert(1)", Url = "javascript:alert(1)" },
                    new StorySource { Article = "b.html", Outlet = "Data Outlet", Title = "data", Url = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" },
                    new StorySource { Article = "c.html", Outlet = "Quote Outlet", Title = "quote", Url = "https://quote.example/a?x=\"><script>alert(1)</script>" },
                ],
            },
        ],
        Rejected = [new RejectedArticle($"{Script}.txt", ImageOnError)],
    };

    /// <summary>A long day, the same the mail benchmark uses: four long sentences and six sources with long URLs per story.</summary>
    public static Briefing Large(int stories = 10) => Digest.Benchmarks.MailBench.LongDay(stories);
}
