using Digest.Cli;

namespace Digest.Tests.Cli;

/// <summary>
/// A temporary <c>--out</c> folder for <c>run</c> on the bundled samples (date 2026-11-20), with what the run prints
/// and the emails it writes.
/// </summary>
internal sealed class SampleRunFolder : IDisposable
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");

    public string Folder { get; } = Directory.CreateTempSubdirectory("digest-run-fault-").FullName;

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DigestCli.InvokeAsync(["run", Articles, "--out", Folder, "--date", "2026-11-20", .. extra], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The .eml files written so far.</summary>
    public string[] Outbox() =>
        Directory.Exists(System.IO.Path.Combine(Folder, "outbox")) ? Directory.GetFiles(System.IO.Path.Combine(Folder, "outbox"), "*.eml") : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
