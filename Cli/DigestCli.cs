using System.CommandLine;
using Digest.Benchmarks;

namespace Digest.Cli;

/// <summary>The operator commands. Exit codes: 0 success, 1 failure, 2 bad arguments.</summary>
public static class DigestCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Digest: turns uploaded news articles into one daily briefing.")
        {
            RunCommand.Create(output, error),
            UploadCommand.Create(output, error),
            ExtractCommand.Create(output, error),
            EvaluateExtractionCommand.Create(output, error),
            EvaluateGroupingCommand.Create(output, error),
            BenchCommand.Create(output, error),
            StorageBenchCommand.Create(output, error),
            PackageCommand.Create(output, error),
            Editorial.CheckBriefingCommand.Create(output, error),
            ServeCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Try 'digest --help'.");
            return BadArguments;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
