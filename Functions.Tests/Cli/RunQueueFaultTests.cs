using System.Text.Json;

namespace Digest.Tests.Cli;

/// <summary><c>run</c> with a queued email job that cannot be used: it is set aside as poison with its reason, and every other reader is sent.</summary>
public sealed class RunQueueFaultTests : IDisposable
{
    private readonly SampleRunFolder run = new();
    private string outFolder => run.Folder;

    public void Dispose() => run.Dispose();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] extra) => run.RunAsync(extra);

    private string[] Outbox() => run.Outbox();

    [Theory]
    [InlineData("{\"id\": \"00000000000000000001-bad\", \"body\": \"this is not a job\", \"dequeueCount\": 0, \"visibleAt\": \"2026-11-01T00:00:00+00:00\"}", "not an email job")]
    [InlineData("{\"id\": \"00000000000000000001-bad\", \"body\": \"{\\\"date\\\": \\\"2026-11-20\\\", \\\"batch\\\": 7, \\\"recipients\\\": null}\", \"dequeueCount\": 0, \"visibleAt\": \"2026-11-01T00:00:00+00:00\"}", "no recipients")]
    [InlineData("{\"id\": \"00000000000000000001-bad\", \"body\": \"{\\\"date\\\": \\\"1999-01-01\\\", \\\"batch\\\": 7, \\\"recipients\\\": [\\\"x@example.com\\\"]}\", \"dequeueCount\": 0, \"visibleAt\": \"2026-11-01T00:00:00+00:00\"}", "not stored")]
    [InlineData("{\"id\": \"00000000000000000001-bad\", \"bo", "damaged")]
    [InlineData("{\"id\": null, \"body\": null, \"dequeueCount\": 0, \"visibleAt\": \"2026-11-01T00:00:00+00:00\"}", "damaged")]
    public async Task Run_QueuedJobThatCannotBeUsed_IsSetAsideWithItsReasonAndEveryOtherReaderIsSent(string jobFile, string reason)
    {
        var readers = new[] { "ann@example.com", "bob@example.com", "cy@example.com" };
        await File.WriteAllTextAsync(Path.Combine(outFolder, "subscribers.json"), JsonSerializer.Serialize(readers.Select(r => new { email = r })));
        var jobs = Directory.CreateDirectory(Path.Combine(outFolder, "queues", "email-jobs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(jobs, "00000000000000000001-bad.json"), jobFile);

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, output + error);
        Assert.Equal(3, Outbox().Length);
        Assert.Contains("set aside", output);
        Assert.Contains(reason, output);
        Assert.False(File.Exists(Path.Combine(jobs, "00000000000000000001-bad.json")));
        var poison = Assert.Single(Directory.GetFiles(Path.Combine(outFolder, "queues", "email-jobs-poison"), "*.json"));
        Assert.Contains(reason, await File.ReadAllTextAsync(poison));

        var next = await RunAsync("--to", "dee@example.com");
        Assert.True(next.Exit == 0, next.Output + next.Error);
        Assert.Equal(4, Outbox().Length);
    }
}
