using Digest.Cli;
using Digest.Tests.Mail;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Cli;

/// <summary><c>run</c> when the mail service refuses or cannot be reached: "Run failed:" with the reason and what a rerun does, never a stack trace.</summary>
public sealed class RunMailFaultTests : IDisposable
{
    private static readonly string Articles = Path.Combine(AppContext.BaseDirectory, "samples", "articles");
    private readonly string outFolder = Directory.CreateTempSubdirectory("digest-run-fault-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    public static TheoryData<string, int> SendGridFailures => new()
    {
        { "server error", 500 },
        { "throttled", 429 },
        { "bad request", 400 },
    };

    [Theory]
    [MemberData(nameof(SendGridFailures))]
    public async Task Run_SendGridRefuses_SaysRunFailedWithTheReasonAndWhatARerunDoes(string what, int status)
    {
        await using var sendGrid = await LocalSendGrid.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            sendGrid.Then(status, LocalSendGrid.Errors(what), ("Retry-After", "0"));
        }

        var (exit, output, error) = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["Mail__Sender"] = "sendgrid",
                ["Mail__SendGrid__ApiKey"] = LocalSendGrid.ApiKey,
                ["Mail__SendGrid__BaseUrl"] = sendGrid.BaseUrl,
                ["Mail__SendGrid__MaxAttempts"] = "1",
                ["Mail__SendGrid__MaxRateLimitWaits"] = "0",
            },
            "run", Articles, "--out", outFolder, "--date", "2026-11-20", "--to", "ann@example.com");

        AssertClearMailFailure(exit, output, error);
    }

    [Fact]
    public async Task Run_SmtpRelayUnreachable_SaysRunFailedWithTheReasonAndWhatARerunDoes()
    {
        var (exit, output, error) = await CliProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["Mail__Sender"] = "smtp",
                ["Mail__Smtp__Host"] = "127.0.0.1",
                ["Mail__Smtp__Port"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail__Smtp__UseStartTls"] = "false",
                ["Mail__Smtp__MaxAttempts"] = "1",
            },
            "run", Articles, "--out", outFolder, "--date", "2026-11-20", "--to", "ann@example.com");

        AssertClearMailFailure(exit, output, error);
    }

    private static void AssertClearMailFailure(int exit, string output, string error)
    {
        Assert.True(exit == 1, $"exit {exit}: {output}{error}");
        Assert.StartsWith("Run failed:", error);
        Assert.Contains("rerun", error);
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("ann@example.com", error);
    }
}
