using System.Text;
using Digest.Articles;
using Digest.Cli;

namespace Digest.Tests.Cli;

/// <summary>
/// A field that reaches a reader as it is (title, outlet, URL) is bounded at intake, with the reason recorded, so a
/// 960 KB &lt;title&gt; cannot make the web page, email or terminal output megabytes long.
/// </summary>
public sealed class RunFieldBoundsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digest-bounds-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Words(int chars)
    {
        string[] words = ["harbor", "council", "ferry", "budget", "vote", "storm", "repairs", "delayed"];
        var text = new StringBuilder(chars + 16);
        for (var i = 0; text.Length < chars; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private static string Page(string title, string outlet, string url) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>{title}</title>
        <meta property="og:site_name" content="{outlet}">
        <meta property="og:url" content="{url}">
        <meta property="article:published_time" content="2026-11-20T09:00:00-05:00">
        </head><body><article>
        <p>The harbor ferry resumed service on Thursday after a three-week repair of its main engine at the Port Calder yard.</p>
        <p>Officials said the council approved the repair budget in a special vote after the October storm damaged the hull.</p>
        <p>Commuters who had driven around the bay for three weeks said the crossing saved them nearly an hour each way.</p>
        </article></body></html>
        """;

    [Fact]
    public async Task Run_HtmlTitleOf960KilobytesOfWords_BriefingPageEmailAndTerminalStaySmall()
    {
        var articles = Path.Combine(root, "articles");
        Directory.CreateDirectory(articles);
        await File.WriteAllTextAsync(Path.Combine(articles, "ferry.html"),
            Page(Words(960 * 1024), Words(50 * 1024), "https://coast.example/" + new string('a', 100 * 1024)));
        var outFolder = Path.Combine(root, "out");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["run", articles, "--out", outFolder, "--date", "2026-11-20", "--to", "reader@example.com"], output, error);

        Assert.True(exit == 0, output.ToString()[..Math.Min(2000, output.ToString().Length)] + error);
        var briefings = Path.Combine(outFolder, "briefings");
        Assert.InRange(new FileInfo(Path.Combine(briefings, "2026-11-20.json")).Length, 1, 8 * 1024);
        Assert.InRange(new FileInfo(Path.Combine(briefings, "2026-11-20.html")).Length, 1, 32 * 1024);
        Assert.InRange(new FileInfo(Path.Combine(briefings, "2026-11-20.txt")).Length, 1, 8 * 1024);
        Assert.InRange(new FileInfo(Assert.Single(Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml"))).Length, 1, 64 * 1024);
        Assert.InRange(output.ToString().Length + error.ToString().Length, 1, 8 * 1024);
    }

    [Fact]
    public void Read_OverlongTitleOutletAndUrl_CutAtAWordOrDroppedWithTheReasonRecorded()
    {
        var page = Page(Words(960 * 1024), Words(50 * 1024), "https://coast.example/" + new string('a', 100 * 1024));

        var article = new ArticleReader(new IntakeOptions()).Read("ferry.html", Encoding.UTF8.GetBytes(page));

        Assert.NotNull(article.Title);
        Assert.InRange(article.Title.Length, 200, 300);
        Assert.EndsWith("…", article.Title);
        Assert.True(Words(960 * 1024).StartsWith(article.Title.TrimEnd('…') + " ", StringComparison.Ordinal), "cut mid-word: " + article.Title);
        Assert.NotNull(article.Outlet);
        Assert.InRange(article.Outlet.Length, 50, 100);
        Assert.Null(article.Url);
        var reasons = article.Dropped.Where(d => d.Kind == DroppedKinds.OverLength).Select(d => d.Text).ToList();
        Assert.Contains(reasons, r => r.StartsWith("title of ", StringComparison.Ordinal) && r.Contains("cut at a word"));
        Assert.Contains(reasons, r => r.StartsWith("outlet of ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("url of ", StringComparison.Ordinal) && r.Contains("dropped"));
        Assert.All(article.Dropped, d => Assert.True(d.Text.Length < 1024));
    }
}
