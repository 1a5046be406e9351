using Digest.Tests.TestSupport;
using System.Text.Json;
using Digest.Cli;

namespace Digest.Tests.Cli;

/// <summary>The <c>run</c> command end to end on the project's own samples, with the embedded defaults.</summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private readonly string outFolder = Directory.CreateTempSubdirectory("digest-run-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DigestCli.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> RunSamplesAsync(params string[] extra) =>
        RunAsync(["run", Path.Combine(Samples, "articles"), "--out", outFolder, "--date", "2026-11-20", .. extra]);

    private JsonElement ReadBriefing() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "briefings", "2026-11-20.json"))).RootElement;

    [Fact]
    public async Task Run_Samples_EveryEventIsExactlyOneStory()
    {
        var (exit, output, error) = await RunSamplesAsync();

        Assert.True(exit == 0, output + error);
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples, "expected-stories.json"))).RootElement
            .EnumerateArray()
            .Select(e => e.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal).ToArray())
            .OrderBy(a => a[0], StringComparer.Ordinal)
            .ToArray();
        var actual = ReadBriefing().GetProperty("stories").EnumerateArray()
            .Select(s => s.GetProperty("sources").EnumerateArray().Select(a => a.GetProperty("article").GetString()!).Order(StringComparer.Ordinal).ToArray())
            .OrderBy(a => a[0], StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Run_Samples_WritesTheBriefingInThreeFormsAndOneEmailPerRecipient()
    {
        Directory.CreateDirectory(outFolder);
        File.Copy(Path.Combine(Samples, "subscribers.json"), Path.Combine(outFolder, "subscribers.json"));

        var (exit, output, error) = await RunSamplesAsync("--to", "reader@example.com");

        Assert.True(exit == 0, output + error);
        foreach (var extension in new[] { ".json", ".html", ".txt" })
        {
            Assert.True(new FileInfo(Path.Combine(outFolder, "briefings", "2026-11-20" + extension)).Length > 500, extension);
        }

        // reader@example.com plus the two subscribers in samples/subscribers.json.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml").Length);
        Assert.Contains("Emails:", output);
    }

    [Fact]
    public async Task Run_Twice_GivesTheSameBriefingAndSendsNothingTwice()
    {
        await RunSamplesAsync("--to", "reader@example.com");
        var first = File.ReadAllText(Path.Combine(outFolder, "briefings", "2026-11-20.json"));

        var (exit, output, _) = await RunSamplesAsync("--to", "reader@example.com");

        Assert.Equal(0, exit);
        Assert.Equal(first, File.ReadAllText(Path.Combine(outFolder, "briefings", "2026-11-20.json")));
        Assert.Single(Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml"));
        Assert.Contains("0 written", output);
        Assert.Contains("1 already sent", output);
        Assert.Equal(Directory.GetFiles(Path.Combine(Samples, "articles")).Length,
            Directory.GetFiles(Path.Combine(outFolder, "summaries")).Length);
    }

    [Fact]
    public async Task Run_SameFolderForTheNextDay_DoesNotSendYesterdaysStoriesAgain()
    {
        await RunSamplesAsync("--to", "reader@example.com");

        var (exit, output, _) = await RunAsync("run", Path.Combine(Samples, "articles"), "--out", outFolder, "--date", "2026-11-21", "--to", "reader@example.com");

        Assert.Equal(0, exit);
        Assert.Contains("18 articles left out: they are in the briefing of another day.", output);
        var next = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "briefings", "2026-11-21.json"))).RootElement;
        Assert.Equal(0, next.GetProperty("stories").GetArrayLength());
        Assert.Single(Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml"));
    }

    [Fact]
    public async Task Run_FolderWithBadArticles_SetsThemAsideWithReasonsAndSucceeds()
    {
        var articles = Path.Combine(outFolder, "in");
        Directory.CreateDirectory(articles);
        foreach (var file in Directory.GetFiles(Path.Combine(Samples, "rejects")).Concat(Directory.GetFiles(Path.Combine(Samples, "articles")).Take(3)))
        {
            File.Copy(file, Path.Combine(articles, Path.GetFileName(file)));
        }

        var (exit, output, error) = await RunAsync("run", articles, "--out", Path.Combine(outFolder, "data"), "--date", "2026-11-20");

        Assert.True(exit == 0, output + error);
        var briefing = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "data", "briefings", "2026-11-20.json"))).RootElement;
        var rejected = briefing.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("article").GetString()!, r => r.GetProperty("reason").GetString()!);
        Assert.Equal(Directory.GetFiles(Path.Combine(Samples, "rejects")).Length, rejected.Count);
        Assert.All(rejected.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        Assert.Contains("empty", rejected["empty.txt"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".docx", rejected["notes.docx"], StringComparison.Ordinal);
        Assert.Contains("JSON", rejected["broken.json"], StringComparison.Ordinal);
        Assert.Equal(3, briefing.GetProperty("articleCount").GetInt32());
        Assert.Contains("rejected empty.txt", output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "samples/does-not-exist")]
    [InlineData("run", "{samples}", "--date", "20-11-2026")]
    [InlineData("run", "{samples}", "--to", "not-an-address")]
    [InlineData("run", "{samples}", "--to", "a@example.com\r\nBcc: victim@example.com")]
    [InlineData("run", "{samples}", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task Run_BadArguments_ExitsWithTwoAndSaysWhy(params string[] args)
    {
        var resolved = args.Select(a => a.Replace("{samples}", Path.Combine(Samples, "articles"))).ToArray();

        var (exit, _, error) = await RunAsync(resolved);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.False(Directory.Exists(Path.Combine(outFolder, "briefings")));
    }

    [Fact]
    public async Task Run_TwoProcessesAtOnceOnOneFolder_EveryReaderGetsOneEmail()
    {
        var readers = Enumerable.Range(0, 40).Select(i => $"reader{i:D2}@example.com").ToArray();
        await File.WriteAllTextAsync(Path.Combine(outFolder, "subscribers.json"), JsonSerializer.Serialize(readers.Select(r => new { email = r })));

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StartCliAsync(
            null, "run", Path.Combine(Samples, "articles"), "--out", outFolder, "--date", "2026-11-20", "--to", "editor@example.com")));

        Assert.All(runs, run => Assert.True(run.Exit == 0, run.Output + run.Error));
        var recipients = Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml")
            .Select(eml => File.ReadLines(eml).First(line => line.StartsWith("To: ", StringComparison.Ordinal))[4..].Trim('<', '>', ' '))
            .ToList();
        Assert.Equal(readers.Append("editor@example.com").Order(StringComparer.Ordinal), recipients.Order(StringComparer.Ordinal));
    }

    /// <summary>Runs the command line in a child process, so its settings never reach the other tests running in this one.</summary>
    private static async Task<(int Exit, string Output, string Error)> StartCliAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliAssembly);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error);
    }

    /// <summary>The command line as built in its own project folder, with its own runtime configuration.</summary>
    private static string CliAssembly => Path.Combine(
        Path.GetDirectoryName(FunctionsMetadata.Path)!.Replace(Path.Combine("Functions", "bin"), Path.Combine("Cli", "bin"), StringComparison.Ordinal), "Digest.Cli.dll");

    [Theory]
    [InlineData("Briefing__TimeZone", "Mars/Olympus_Mons", "Briefing:TimeZone")]
    [InlineData("Mail__EditionStories", "0", "EditionStories")]
    [InlineData("Grouping__MinSharedTerms", "0", "MinSharedTerms")]
    [InlineData("Grouping__MaxPublishedApart", "00:00:10", "MaxPublishedApart")]
    [InlineData("Grouping__EventEvidenceSpan", "0", "EventEvidenceSpan")]
    [InlineData("Grouping__EventTermWeight", "1.5", "EventTermWeight")]
    [InlineData("Summarizer__EventTerms", "65", "EventTerms")]
    [InlineData("Subscriptions__SigningKey", "@Microsoft.KeyVault(VaultName=kv;SecretName=x)", "Subscriptions:SigningKey")]
    public async Task Run_BadSetting_StopsBeforeReadingAnythingAndNamesTheSetting(string variable, string value, string named)
    {
        var (exit, _, error) = await StartCliAsync(
            new Dictionary<string, string> { [variable] = value }, "run", Path.Combine(Samples, "articles"), "--out", outFolder);

        Assert.Equal(2, exit);
        Assert.Contains(named, error);
        Assert.False(Directory.Exists(Path.Combine(outFolder, "summaries")));
    }
}
