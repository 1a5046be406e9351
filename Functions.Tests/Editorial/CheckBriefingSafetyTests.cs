using System.Diagnostics;
using System.Text.Json;
using Digest.Briefings;
using Digest.Cli;

namespace Digest.Tests.Editorial;

/// <summary>
/// <c>check-briefing</c> reads its files as <c>run</c> does (no pipes, devices or links, a size limit) and prints
/// briefing text and file names escaped, so a briefing cannot hang it or drive the terminal.
/// </summary>
public sealed class CheckBriefingSafetyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-check-safe-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DigestCli.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CheckBriefingList_HeadlineAndFileNameWithEscapeSequences_PrintsThemEscaped()
    {
        var briefing = new Briefing
        {
            Date = new DateOnly(2026, 11, 20),
            ArticleCount = 1,
            Stories =
            [
                new Story
                {
                    // A datelined headline is a finding, so --list prints it.
                    Headline = "Port Calder, Oregon (Wire) -- Storms \u001b[2J\u001b]0;owned\u0007cut power\r\u202Egnp.exe",
                    Summary = ["Storms knocked out power to 41,000 homes in Port Calder overnight."],
                    Sources = [new StorySource { Article = "a.txt", Outlet = "a0", Title = null }],
                },
            ],
        };
        var file = Path.Combine(folder, "brief\u001b[31m\nfake.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(briefing, DigestJson.Options));

        var (exit, output, error) = await InvokeAsync("check-briefing", "--list", file);

        Assert.Equal(DigestCli.Success, exit);
        Assert.Contains("headline-dateline", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u001b', output + error);
        Assert.DoesNotContain('\u0007', output + error);
        Assert.DoesNotContain('\r', output + error);
        Assert.DoesNotContain('\u202E', output + error);
        Assert.Contains("\\e[2J", output);
        Assert.Contains("brief\\e[31m\\nfake.json", output);
    }

    [Fact]
    public async Task CheckBriefing_NamedPipe_IsRefusedWithAReasonInsteadOfHanging()
    {
        var pipe = Path.Combine(folder, "2026-11-20.json");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [pipe]) { RedirectStandardError = true })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.True(mkfifo.ExitCode == 0, mkfifo.StandardError.ReadToEnd());
        }

        var run = Task.Run(() => InvokeAsync("check-briefing", "--list", pipe));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1)));
        if (finished != run)
        {
            // Unblock the reader so the test process does not hang, then fail.
            await using (new FileStream(pipe, FileMode.Open, FileAccess.Write))
            {
            }

            Assert.Fail("check-briefing waited on a named pipe");
        }

        var (exit, _, error) = await run;
        Assert.NotEqual(DigestCli.Success, exit);
        Assert.Contains("named pipe", error);
        Assert.Contains("2026-11-20.json", error);
    }
}
