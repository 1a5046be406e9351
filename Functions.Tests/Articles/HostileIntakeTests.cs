using System.Text;
using Digest.Articles;
using Digest.Benchmarks;
using Digest.Cli;
using Digest.Summaries;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Articles;

/// <summary>
/// Intake and the built-in summarizer on input as large or as deeply nested as the size limit allows: every file
/// gets a summary or a specific reason, in every command. (Time and memory are measured by <c>bench hostile</c>.)
/// </summary>
public class HostileIntakeTests
{
    private const int Limit = 2 * 1024 * 1024;

    private static ArticleReader CreateReader() => new(new IntakeOptions());

    private static BuiltInSummarizer CreateSummarizer() =>
        new(new SummarizerOptions(), new ManualTime(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero)));

    private static async Task<ArticleSummary> SummarizeAsync(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.InRange(bytes.Length, 1, Limit);
        return await CreateSummarizer().SummarizeAsync(CreateReader().Read(name, bytes));
    }

    [Fact]
    public async Task Summarize_ArticleAtTheSizeLimitOfDistinctSentences_IsSummarizedFromItsOpening()
    {
        var text = HostileInput.DistinctSentences(Limit);

        var summary = await SummarizeAsync("long.txt", text);

        Assert.Equal(3, summary.Sentences.Count);
        // Only the first usable sentences are ranked: every pick is from the opening of the article.
        var opening = text[..(text.Length / 20)];
        Assert.All(summary.Sentences, s => Assert.Contains(s, opening, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_OneSentenceRepeatedToTheSizeLimit_GivesThatSentenceOnce()
    {
        var summary = await SummarizeAsync("repeated.txt", HostileInput.RepeatedSentence(Limit));

        Assert.Equal(["The council approved the harbor budget after a long debate on Tuesday evening."], summary.Sentences);
    }

    [Fact]
    public async Task Summarize_OneLineOfMarkdownNearTheSizeLimit_IsSummarized()
    {
        var summary = await SummarizeAsync("one-line.md", HostileInput.OneLineMarkdown(1_900_000));

        Assert.Equal(3, summary.Sentences.Count);
    }

    [Fact]
    public async Task Summarize_ShortSentencesToTheSizeLimit_IsSummarized()
    {
        var text = "Short\n\n" + string.Concat(Enumerable.Repeat("The mayor spoke at noon today. ", (Limit - 100) / 31));

        var summary = await SummarizeAsync("short.txt", text);

        Assert.NotEmpty(summary.Sentences);
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    [InlineData(10_000, true)]
    public void Read_ParagraphInsideDeeplyNestedDivs_IsFound(int depth, bool closed)
    {
        var article = CreateReader().Read("deep.html", Encoding.UTF8.GetBytes(HostileInput.DeepHtml(depth, closed)));

        Assert.Equal([HostileInput.Paragraph], article.Paragraphs);
        Assert.Equal("Deep page", article.Title);
    }

    [Fact]
    public void Read_JsonBodyOfDeeplyNestedHtml_IsFound()
    {
        var json = "{\"title\": \"Deep\", \"body\": \"" + HostileInput.DeepHtml(100_000).Replace("\"", "'", StringComparison.Ordinal) + "\"}";

        var article = CreateReader().Read("deep.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal([HostileInput.Paragraph], article.Paragraphs);
    }

    [Fact]
    public void Read_PageWhoseOnlyTextIsInsideDeepLinks_SaysTheNestingWasIgnored()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<ul><li>", 50_000)) + "<p>" + HostileInput.Paragraph + "</p></body></html>";

        var rejected = Assert.Throws<ArticleRejectedException>(() => CreateReader().Read("lists.html", Encoding.UTF8.GetBytes(html)));

        Assert.Equal(RejectionCode.MalformedHtml, rejected.Code);
        Assert.Contains("nested deeper than 128 levels were ignored", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageOfMoreElementsThanRead_KeepsTheArticleAtItsStart()
    {
        var html = "<html><head><title>Many</title></head><body><article><p>" + HostileInput.Paragraph + "</p></article>" +
                   string.Concat(Enumerable.Repeat("<p>x", 300_000)) + "</body></html>";

        var article = CreateReader().Read("many.html", Encoding.UTF8.GetBytes(html));

        Assert.Contains(HostileInput.Paragraph, article.Paragraphs);
        Assert.True(article.Paragraphs.Count < 100_000);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("quote")]
    public void Read_MarkdownNested1300Deep_RejectsAsTooDeeplyNested(string kind)
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() =>
            CreateReader().Read("deep.md", Encoding.UTF8.GetBytes(HostileInput.DeepMarkdown(kind, 1300))));

        Assert.Equal(RejectionCode.TooDeeplyNested, rejected.Code);
        Assert.Null(rejected.InnerException);
        Assert.StartsWith("the Markdown is nested too deeply to read", rejected.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brackets")]
    [InlineData("emphasis")]
    public void Read_MarkdownBrackets1300Deep_IsReadOrRejectedWithAReason(string kind)
    {
        try
        {
            var article = CreateReader().Read("deep.md", Encoding.UTF8.GetBytes(HostileInput.DeepMarkdown(kind, 1300)));
            Assert.NotEmpty(article.Paragraphs);
        }
        catch (ArticleRejectedException rejected)
        {
            Assert.Equal(RejectionCode.TooDeeplyNested, rejected.Code);
        }
    }

    [Theory]
    [InlineData(65)]
    [InlineData(1300)]
    [InlineData(500_000)]
    public void Read_JsonNestedDeeperThan64_RejectsAsTooDeeplyNested(int depth)
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => CreateReader().Read("deep.json", Encoding.UTF8.GetBytes(HostileInput.DeepJson(depth))));

        Assert.Equal(RejectionCode.TooDeeplyNested, rejected.Code);
        Assert.StartsWith("the JSON nests arrays or objects more than 64 levels deep", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_DeeplyNestedFiles_PrintsTheirReasonsAndNoStackTrace()
    {
        using var folder = new TempFolder();
        var markdown = folder.Write("deep.md", HostileInput.DeepMarkdown("list", 1300));
        var json = folder.Write("deep.json", HostileInput.DeepJson(1300));
        var html = folder.Write("deep.html", HostileInput.DeepHtml(100_000));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["extract", markdown, json, html], output, error);

        Assert.Equal(DigestCli.Failure, exit);
        Assert.Contains("deep.md: rejected: the Markdown is nested too deeply to read", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("deep.json: rejected: the JSON nests arrays or objects more than 64 levels deep", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(HostileInput.Paragraph, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FolderOfHostileArticles_SummarizesOrRejectsEachWithItsReasonAndWritesTheBriefing()
    {
        using var folder = new TempFolder();
        folder.Write("long.txt", HostileInput.DistinctSentences(Limit));
        folder.Write("repeated.txt", HostileInput.RepeatedSentence(Limit));
        folder.Write("one-line.md", HostileInput.OneLineMarkdown(1_900_000));
        folder.Write("deep.html", HostileInput.DeepHtml(100_000, closed: false));
        folder.Write("deep-list.md", HostileInput.DeepMarkdown("list", 1300));
        folder.Write("deep.json", HostileInput.DeepJson(1300));
        var data = Path.Combine(folder.Path, "..", Path.GetFileName(folder.Path) + "-data");
        var output = new StringWriter();

        try
        {
            var exit = await DigestCli.InvokeAsync(["run", folder.Path, "--out", data, "--date", "2026-11-20"], output, new StringWriter());

            Assert.True(exit == DigestCli.Success, output.ToString());
            Assert.True(File.Exists(Path.Combine(data, "briefings", "2026-11-20.json")), output.ToString());
            Assert.Contains("long.txt: summarized", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("repeated.txt: summarized", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("one-line.md: summarized", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("deep.html: summarized", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("deep-list.md: rejected: the Markdown is nested too deeply to read", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("deep.json: rejected: the JSON nests arrays or objects more than 64 levels deep", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
