using Digest.Cli;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Cli;

/// <summary><c>run</c> when a delivery claim cannot be written (a full disk): a named error, and a rerun with space sends each reader once.</summary>
public sealed class RunDiskFullTests : IDisposable
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
    private readonly string outFolder = Directory.CreateTempSubdirectory("digest-run-fault-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    private string[] Outbox() =>
        Directory.Exists(Path.Combine(outFolder, "outbox")) ? Directory.GetFiles(Path.Combine(outFolder, "outbox"), "*.eml") : [];

    private static string QuoteForShell(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [Fact]
    public async Task Run_ClaimCannotBeWrittenOnAFullDisk_FailsNamingItAndARerunWithSpaceSendsEachReaderOnce()
    {
        // A real full file system: a 4 KiB tmpfs on <out>/deliveries (in a private mount namespace), filled up.
        var deliveries = Path.Combine(outFolder, "deliveries");
        Directory.CreateDirectory(deliveries);
        var run = $"$CLI run {QuoteForShell(Articles)} --out {QuoteForShell(outFolder)} --date 2026-11-20 --to a@example.com --to b@example.com";
        var script = $"""
            mount -t tmpfs -o size=4k tmpfs {QuoteForShell(deliveries)} || exit 90
            dd if=/dev/zero of={QuoteForShell(deliveries)}/filler bs=4096 count=1 2>/dev/null
            {run} >{QuoteForShell(outFolder)}/full.out 2>{QuoteForShell(outFolder)}/full.err; echo "full=$?"
            {run} >{QuoteForShell(outFolder)}/again.out 2>{QuoteForShell(outFolder)}/again.err; echo "again=$?"
            rm {QuoteForShell(deliveries)}/filler
            {run} >{QuoteForShell(outFolder)}/freed.out 2>{QuoteForShell(outFolder)}/freed.err; echo "freed=$?"
            """;

        var (exit, output, error) = await CliProcess.ShellAsync(script, null, "unshare", "--user", "--map-root-user", "--mount");

        Assert.True(exit == 0, output + error);
        string Read(string name) => File.ReadAllText(Path.Combine(outFolder, name));
        Assert.Contains("full=1", output);
        Assert.StartsWith("Run failed:", Read("full.err"));
        Assert.Contains("claim", Read("full.err"));
        Assert.Contains("No space left", Read("full.err"));
        Assert.DoesNotContain("   at ", Read("full.err"));
        Assert.DoesNotContain("another run", Read("full.out"));
        Assert.Contains("again=1", output);
        Assert.StartsWith("Run failed:", Read("again.err"));
        Assert.Contains("freed=0", output);
        Assert.Contains("2 written", Read("freed.out"));
        var recipients = Outbox().Select(eml => File.ReadLines(eml).First(l => l.StartsWith("To: ", StringComparison.Ordinal))[4..].Trim('<', '>', ' ')).Order(StringComparer.Ordinal);
        Assert.Equal(["a@example.com", "b@example.com"], recipients);
    }
}
