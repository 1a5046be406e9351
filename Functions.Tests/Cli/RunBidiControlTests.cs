using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Articles;
using Digest.Cli;
using MimeKit;

namespace Digest.Tests.Cli;

/// <summary>
/// Bidi controls (U+202E and the others that reorder text) in a headline or outlet never reach a reader: intake
/// removes them from every field and records it, so the briefing JSON, HTML, text and email carry none.
/// </summary>
public sealed class RunBidiControlTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private static readonly char[] Controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    private readonly string root = Directory.CreateTempSubdirectory("digest-bidi-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static bool HasControl(string text) => text.IndexOfAny(Controls) >= 0;

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Run_HeadlineAndOutletWithRightToLeftOverride_NoBidiControlInJsonHtmlTextOrEmail()
    {
        var articles = Path.Combine(root, "articles");
        Directory.CreateDirectory(articles);
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "articles")))
        {
            File.Copy(file, Path.Combine(articles, Path.GetFileName(file)));
        }

        // Literal controls, an HTML entity and a JSON escape: each must be removed after it is decoded.
        var html = Path.Combine(articles, "brennport-budget-brennport-courier.html");
        await File.WriteAllTextAsync(html, (await File.ReadAllTextAsync(html))
            .Replace("<title>Council passes", "<title>Council \u202Egnp.exe\u202C passes", StringComparison.Ordinal)
            .Replace("content=\"Council passes", "content=\"Council &#x202E;gnp.exe&#x202C; passes", StringComparison.Ordinal)
            .Replace("content=\"Brennport Courier\"", "content=\"Brennport \u2067Courier\u2069\u200F\"", StringComparison.Ordinal));
        var json = Path.Combine(articles, "brennport-budget-metro-wire.json");
        await File.WriteAllTextAsync(json, (await File.ReadAllTextAsync(json))
            .Replace("\"Metro Wire\"", "\"Metro \\u202eWire\\u202c\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Brennport council", "\"title\": \"Brennport \\u202Dcouncil\\u061c", StringComparison.Ordinal));
        var outFolder = Path.Combine(root, "out");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["run", articles, "--out", outFolder, "--date", "2026-11-20", "--to", "reader@example.com"], output, error);

        Assert.True(exit == 0, output.ToString() + error);
        var briefing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, "briefings", "2026-11-20.json"))).RootElement;
        var jsonStrings = Strings(briefing).ToList();
        Assert.Contains("Brennport Courier", jsonStrings);
        Assert.Contains("Metro Wire", jsonStrings);
        Assert.DoesNotContain(jsonStrings, HasControl);
        Assert.False(HasControl(WebUtility.HtmlDecode(await File.ReadAllTextAsync(Path.Combine(outFolder, "briefings", "2026-11-20.html")))));
        Assert.False(HasControl(await File.ReadAllTextAsync(Path.Combine(outFolder, "briefings", "2026-11-20.txt"))));
        Assert.False(HasControl(output.ToString() + error));
        var eml = Assert.Single(Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml"));
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Contains("Brennport Courier", message.TextBody);
        Assert.False(HasControl(message.Subject ?? string.Empty));
        Assert.False(HasControl(message.TextBody ?? string.Empty));
        Assert.False(HasControl(WebUtility.HtmlDecode(message.HtmlBody ?? string.Empty)));
    }

    [Fact]
    public void Read_TitleOutletAndBodyWithBidiControls_RemovesThemAndRecordsHowMany()
    {
        var text = "{\"title\": \"Harbor \\u202Egnp.exe\\u202C ferry resumes\", \"source\": \"Coast \\u2066Daily\\u2069\", \"url\": \"https://coast.example/\\u200Ef\", " +
            "\"body\": \"The harbor ferry \\u200Fresumed service on Monday after a three-week repair of its main engine at the Port Calder yard.\\n\\nOfficials said the schedule would return to normal by the end of the week.\"}";

        var article = new ArticleReader(new IntakeOptions()).Read("ferry.json", Encoding.UTF8.GetBytes(text));

        Assert.Equal("Harbor gnp.exe ferry resumes", article.Title);
        Assert.Equal("Coast Daily", article.Outlet);
        Assert.Equal("https://coast.example/f", article.Url);
        Assert.DoesNotContain(article.Paragraphs, HasControl);
        var recorded = Assert.Single(article.Dropped, d => d.Kind == DroppedKinds.BidiControl);
        Assert.StartsWith("6 bidi control characters", recorded.Text);
    }
}
