using System.Diagnostics;
using System.Text;

namespace Digest.Tests.TestSupport;

/// <summary>The function app published once per test run (<c>dotnet publish Functions -c Release</c>), as it is deployed.</summary>
public sealed class PublishedFunctionApp : IDisposable
{
    public PublishedFunctionApp()
    {
        Folder = Directory.CreateTempSubdirectory("digest-published-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryRoot.Path, "Functions", "Functions.csproj"), "-c", "Release", "-o", Folder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Tests that publish the function app share one publish, and never publish it twice at once.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedFunctionAppCollection : ICollectionFixture<PublishedFunctionApp>
{
    public const string Name = "Published function app";
}

/// <summary>
/// The published worker started as the Functions host starts it: <c>dotnet Digest.Functions.dll</c> in the app's
/// folder with the host's arguments and only the environment given (nothing inherited but what runs dotnet).
/// </summary>
internal sealed class PublishedWorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PublishedWorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the worker printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static PublishedWorkerProcess Start(string appFolder, Uri host, string workerId, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var inherited = start.Environment.Where(e => e.Key is "PATH" or "HOME" or "DOTNET_ROOT" or "TMPDIR").ToList();
        start.Environment.Clear();
        foreach (var (name, value) in inherited.Concat(environment.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))))
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var requestId = Guid.NewGuid().ToString();
        foreach (var argument in new[]
        {
            Path.Combine(appFolder, "Digest.Functions.dll"),
            "--host", host.Host, "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", host.ToString(), "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", "2147483647",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new PublishedWorkerProcess(Process.Start(start)!);
    }

    public bool HasExited => process.HasExited;

    /// <summary>Waits for the worker to stop by itself; its exit code, or null if it still runs after the wait.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}
