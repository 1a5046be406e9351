using System.Diagnostics;
using System.Text.Json;
using Digest.Cli;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Cli;

/// <summary>
/// <c>run</c> and <c>upload</c> over an articles folder holding what an unlucky operator or an attacker could put
/// there, made for real: links out of the folder, dangling and looping links, a named pipe, a link to a device, a
/// sparse file of 1.5 GB and one over 2 GB, names with control characters. Each is skipped with its reason and the
/// run finishes with its briefing.
/// </summary>
public sealed class ArticleFolderTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
    private readonly TempFolder root = new();

    public void Dispose() => root.Dispose();

    private string Articles => Path.Combine(root.Path, "in");

    private string Data => Path.Combine(root.Path, "data");

    /// <summary>A folder with three sample articles and every kind of hostile entry this system can make.</summary>
    private void GivenAHostileFolder()
    {
        Directory.CreateDirectory(Articles);
        foreach (var name in new[] { "brennport-budget-harbor-times.txt", "kessing-bay-storm-ridgeline-post.txt", "selkie-launch-valley-ledger.json" })
        {
            File.Copy(Path.Combine(Samples, name), Path.Combine(Articles, name));
        }

        var outside = Path.Combine(root.Path, "outside.txt");
        File.Copy(Path.Combine(Samples, "halvorsen-pinecrest-merger-metro-wire.txt"), outside);
        File.CreateSymbolicLink(Path.Combine(Articles, "outside-link.txt"), outside);
        File.CreateSymbolicLink(Path.Combine(Articles, "dangling.txt"), Path.Combine(root.Path, "nothing-here.txt"));
        File.CreateSymbolicLink(Path.Combine(Articles, "loop-a.txt"), Path.Combine(Articles, "loop-b.txt"));
        File.CreateSymbolicLink(Path.Combine(Articles, "loop-b.txt"), Path.Combine(Articles, "loop-a.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Articles, "elsewhere"), root.Path);
        File.CreateSymbolicLink(Path.Combine(Articles, "zero.txt"), "/dev/zero");
        Make("mkfifo", Path.Combine(Articles, "pipe.txt"));
        using (var sparse = File.Create(Path.Combine(Articles, "sparse.txt")))
        {
            sparse.SetLength(1_500L * 1024 * 1024);
        }

        using (var huge = File.Create(Path.Combine(Articles, "huge.md")))
        {
            huge.SetLength(2_200L * 1024 * 1024);
        }

        File.Copy(Path.Combine(Samples, "coastal-cup-final-ridgeline-post.md"), Path.Combine(Articles, "esc\u001b[2Jcleared\nfake line.md"));
    }

    private static void Make(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
    }

    private static async Task<(int Exit, string Output)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var invocation = DigestCli.InvokeAsync(args, output, error);
        // A run that hangs on a pipe fails the test instead of hanging it.
        var finished = await Task.WhenAny(invocation, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == invocation, "the command did not finish: " + output);
        return (await invocation, output + error.ToString());
    }

    [Fact]
    public async Task Run_HostileFolder_SkipsEachBadEntryWithItsReasonAndWritesTheBriefing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        GivenAHostileFolder();

        var (exit, output) = await InvokeAsync("run", Articles, "--out", Data, "--date", "2026-11-20", "--to", "reader@example.com");

        Assert.True(exit == DigestCli.Success, output);
        Assert.Contains("outside-link.txt: skipped: a symbolic link to '", output, StringComparison.Ordinal);
        Assert.Contains("dangling.txt: skipped: a dangling symbolic link", output, StringComparison.Ordinal);
        Assert.Contains("loop-a.txt: skipped: a symbolic link that loops", output, StringComparison.Ordinal);
        Assert.Contains("loop-b.txt: skipped: a symbolic link that loops", output, StringComparison.Ordinal);
        Assert.Contains("elsewhere: skipped: a symbolic link to '", output, StringComparison.Ordinal);
        Assert.Contains("zero.txt: skipped: a symbolic link to '/dev/zero': links are not followed", output, StringComparison.Ordinal);
        Assert.Contains("pipe.txt: skipped: a named pipe (FIFO), not a regular file", output, StringComparison.Ordinal);
        Assert.Contains("sparse.txt: skipped: the file is 1,572,864,000 bytes, over the 2,097,152-byte limit; it was not read", output, StringComparison.Ordinal);
        Assert.Contains("huge.md: skipped: the file is 2,306,867,200 bytes, over the 2,097,152-byte limit; it was not read", output, StringComparison.Ordinal);
        Assert.Contains("esc\\e[2Jcleared\\nfake line.md: summarized", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("Articles read:  4 (4 summarized, 0 already summarized, 0 rejected), 9 skipped", output, StringComparison.Ordinal);

        var briefing = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "briefings", "2026-11-20.json"))).RootElement;
        var articles = briefing.GetProperty("stories").EnumerateArray()
            .SelectMany(s => s.GetProperty("sources").EnumerateArray().Select(a => a.GetProperty("article").GetString()))
            .ToList();
        Assert.Equal(4, articles.Count);
        Assert.DoesNotContain("outside-link.txt", articles);
        Assert.DoesNotContain(File.ReadAllText(Path.Combine(root.Path, "outside.txt"))[..40], File.ReadAllText(Path.Combine(Data, "briefings", "2026-11-20.txt")), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(Data, "outbox")));
    }

    [Fact]
    public async Task Run_CharacterDeviceInTheFolder_IsSkippedUnread()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return; // Only root can make a device node.
        }

        Directory.CreateDirectory(Articles);
        File.Copy(Path.Combine(Samples, "brennport-budget-harbor-times.txt"), Path.Combine(Articles, "budget.txt"));
        Make("mknod", Path.Combine(Articles, "zero.txt"), "c", "1", "5");

        var (exit, output) = await InvokeAsync("run", Articles, "--out", Data, "--date", "2026-11-20");

        Assert.True(exit == DigestCli.Success, output);
        Assert.Contains("zero.txt: skipped: a character device, not a regular file", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Data, "briefings", "2026-11-20.json")));
    }

    [Fact]
    public async Task Upload_HostileFolder_UploadsTheRegularFilesAndSkipsTheRest()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        GivenAHostileFolder();

        var (exit, output) = await InvokeAsync("upload", Articles, "--out", Data);

        Assert.True(exit == DigestCli.Success, output);
        Assert.Contains("outside-link.txt: skipped: a symbolic link to '", output, StringComparison.Ordinal);
        Assert.Contains("pipe.txt: skipped: a named pipe (FIFO)", output, StringComparison.Ordinal);
        Assert.Contains("huge.md: skipped: the file is 2,306,867,200 bytes", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("Uploaded 3,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileAtTheLimit_IsReadWholeAndOneByteOverIsNot()
    {
        Directory.CreateDirectory(Articles);
        File.WriteAllBytes(Path.Combine(Articles, "at.txt"), new byte[1024]);
        File.WriteAllBytes(Path.Combine(Articles, "over.txt"), new byte[1025]);
        var entries = ArticleFolder.List(new DirectoryInfo(Articles));

        var at = await ArticleFolder.ReadAsync(entries.Single(e => e.Name == "at.txt"), 1024, CancellationToken.None);
        var over = await ArticleFolder.ReadAsync(entries.Single(e => e.Name == "over.txt"), 1024, CancellationToken.None);

        Assert.Equal(1024, at.Content!.Length);
        Assert.Null(over.Content);
        Assert.Equal("the file is 1,025 bytes, over the 1,024-byte limit; it was not read", over.Skipped);
    }

    [Theory]
    [InlineData("plain name.txt", "plain name.txt")]
    [InlineData("a\u001b[31mred.txt", "a\\e[31mred.txt")]
    [InlineData("two\nlines\r.txt", "two\\nlines\\r.txt")]
    [InlineData("bell\u0007.txt", "bell\\x07.txt")]
    [InlineData("csi\u009b.txt", "csi\\x9b.txt")]
    [InlineData("txt.\u202eexe", "txt.\\u202eexe")]
    public void Safe_ControlCharacters_AreShownEscaped(string name, string shown) => Assert.Equal(shown, TerminalText.Safe(name));
}
