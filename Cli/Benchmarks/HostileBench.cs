using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Digest.Cli;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench hostile</c>: wall time and whole-process peak memory of <c>run</c> on one hostile article — as large as
/// the size limit allows, or nested as deeply as the bytes allow — each in a fresh process pinned to one core.
/// </summary>
internal static class HostileBench
{
    private const int Limit = 2 * 1024 * 1024;

    /// <summary>The cases: file name and content.</summary>
    private static readonly (string Name, Func<string> Content)[] Cases =
    [
        ("limit-distinct.txt", () => HostileInput.DistinctSentences(Limit)),
        ("limit-repeated.txt", () => HostileInput.RepeatedSentence(Limit)),
        ("limit-short-sentences.txt", () => "Short\n\n" + string.Concat(Enumerable.Repeat("The mayor spoke at noon today. ", (Limit - 100) / 31))),
        ("one-line.md", () => HostileInput.OneLineMarkdown(1_900_000)),
        ("deep-100k-divs.html", () => HostileInput.DeepHtml(100_000)),
        ("deep-100k-unclosed.html", () => HostileInput.DeepHtml(100_000, closed: false)),
        ("deep-limit-divs.html", () => HostileInput.DeepHtml((Limit - 300) / 11)),
        ("limit-tiny-paragraphs.html", () => "<html><body>" + string.Concat(Enumerable.Repeat("<p>x", (Limit - 100) / 4)) + "</body></html>"),
        ("deep-1300-list.md", () => HostileInput.DeepMarkdown("list", 1300)),
        ("deep-1300.json", () => HostileInput.DeepJson(1300)),
    ];

    public static Command Create(TextWriter output)
    {
        var command = new Command("hostile", "Time and peak memory of run on one huge or deeply nested article, each in a fresh process.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var folder = Directory.CreateTempSubdirectory("digest-hostile-");
            try
            {
                await output.WriteLineAsync("run on one hostile article (fresh process, one core; wall time and whole-process peak working set):");
                foreach (var (name, content) in Cases)
                {
                    var input = Directory.CreateDirectory(Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(name)));
                    var bytes = Encoding.UTF8.GetBytes(content());
                    await File.WriteAllBytesAsync(Path.Combine(input.FullName, name), bytes, cancellationToken);
                    var result = await ChildAsync(["bench", "hostile-child", "--folder", input.FullName], cancellationToken);
                    await output.WriteLineAsync($"  {name,-28} {bytes.Length,10:N0} bytes  {result}");
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            return DigestCli.Success;
        });
        return command;
    }

    /// <summary>The hidden command each fresh process runs: <c>run</c> on the folder, then its own time and peak memory.</summary>
    public static Command CreateChild(TextWriter output)
    {
        var folder = new Option<string>("--folder") { Required = true };
        var child = new Command("hostile-child", "Used by bench hostile: runs on one folder and prints time and peak memory.") { folder };
        child.Hidden = true;
        child.SetAction(async (parse, _) =>
        {
            BenchCommand.PinToOneCore();
            var input = parse.GetValue(folder)!;
            var log = new StringWriter();
            var stopwatch = Stopwatch.StartNew();
            var exit = await DigestCli.InvokeAsync(["run", input, "--out", input + "-data", "--date", "2026-11-20"], log, log);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var outcome = log.ToString().Split('\n').FirstOrDefault(l => l.Contains("[1/1]", StringComparison.Ordinal))?.Trim() ?? $"exit {exit}";
            outcome = outcome[(outcome.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{seconds,5:F2} s, peak {process.PeakWorkingSet64 / (1024.0 * 1024),4:N0} MB  {(outcome.Length > 70 ? outcome[..70] + "…" : outcome)}"));
            return exit;
        });
        return child;
    }

    /// <summary>Runs this program again with <paramref name="arguments"/> and returns what it printed.</summary>
    public static async Task<string> ChildAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HostileBench).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var result = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var problems = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode == 0 ? (await result).Trim() : $"failed ({child.ExitCode}): {(await result).Trim()} {(await problems).Trim()}";
    }
}
