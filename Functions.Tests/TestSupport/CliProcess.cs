using System.Diagnostics;

namespace Digest.Tests.TestSupport;

/// <summary>
/// The command line in a child process, so its settings (environment variables) never reach the other tests running
/// in this one, and a crash shows as the user would see it (exit code, standard error).
/// </summary>
internal static class CliProcess
{
    /// <summary>The command line as built in its own project folder, with its own runtime configuration.</summary>
    public static string Assembly => Path.Combine(
        Path.GetDirectoryName(FunctionsMetadata.Path)!.Replace(Path.Combine("Functions", "bin"), Path.Combine("Cli", "bin"), StringComparison.Ordinal), "Digest.Cli.dll");

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        return await StartAsync(start, environment);
    }

    /// <summary>Runs <paramref name="script"/> with <c>sh -c</c>; <c>$CLI</c> is the command line.</summary>
    public static async Task<(int Exit, string Output, string Error)> ShellAsync(string script, IReadOnlyDictionary<string, string>? environment = null, params string[] prefix)
    {
        var start = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Skip(1).Concat(prefix.Length > 0 ? ["sh"] : Array.Empty<string>()))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["CLI"] = "dotnet " + Assembly;
        return await StartAsync(start, environment);
    }

    private static async Task<(int Exit, string Output, string Error)> StartAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment)
    {
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error);
    }
}
