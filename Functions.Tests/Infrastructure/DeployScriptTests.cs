using System.Diagnostics;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// The deploy hooks run against stand-ins for <c>az</c> and <c>dotnet</c> that log their arguments, so the retry,
/// restart and first-deploy decisions are checked without Azure.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "digest-deploy-" + Guid.NewGuid().ToString("N"));

    public DeployScriptTests()
    {
        Directory.CreateDirectory(_bin);
        Tool("dotnet", """echo "dotnet $*" >> "$FAKE_LOG" """);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private string Log => Path.Combine(_bin, "calls.log");

    private void Tool(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The hooks' POSIX scripts are tested on Linux.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>An <c>az</c> whose zip deploy fails the first <paramref name="failures"/> times, and whose function list has <paramref name="functions"/> entries.</summary>
    private void FakeAz(int failures, int functions = 0) => Tool("az", $$"""
        echo "az $*" >> "$FAKE_LOG"
        case "$*" in
          *"deployment source config-zip"*)
            n=$(grep -c "config-zip" "$FAKE_LOG")
            if [ "$n" -le {{failures}} ]; then echo "ERROR: Status Code: 403" >&2; exit 1; fi ;;
          *"function list"*) echo {{functions}} ;;
        esac
        exit 0
        """);

    private (int ExitCode, string[] Calls, string Output) Run(string script, int attempts = 4)
    {
        var start = new ProcessStartInfo("sh", Path.Combine(RepositoryRoot.Path, "scripts", script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = Log;
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-digest-test";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-digest-test";
        start.Environment["DIGEST_DEPLOY_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DIGEST_DEPLOY_PAUSE_SECONDS"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{script} did not finish");
        var calls = File.Exists(Log) ? File.ReadAllLines(Log) : [];
        return (process.ExitCode, calls, output.Result + error.Result);
    }

    private static string Kind(string call) =>
        call.StartsWith("dotnet run --project Cli -- package", StringComparison.Ordinal) ? "package"
        : call.Contains("config-zip", StringComparison.Ordinal) ? "deploy"
        : call.Contains("functionapp restart", StringComparison.Ordinal) ? "restart"
        : call.Contains("function list", StringComparison.Ordinal) ? "list"
        : call;

    [Fact]
    public void DeployCode_ForbiddenTwiceWhileRolesApply_RetriesThenRestartsTheApp()
    {
        FakeAz(failures: 2);

        var (exitCode, calls, output) = Run("deploy-code.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["package", "deploy", "deploy", "deploy", "restart"], calls.Select(Kind));
        Assert.Contains("--name func-digest-test", calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void DeployCode_FailingEveryAttempt_StopsWithoutRestartAndFails()
    {
        FakeAz(failures: 100);

        var (exitCode, calls, output) = Run("deploy-code.sh", attempts: 3);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(["package", "deploy", "deploy", "deploy"], calls.Select(Kind));
        Assert.Contains("failed 3 times", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstDeploy_AppWithoutFunctions_DeploysWithRetries()
    {
        FakeAz(failures: 1, functions: 0);

        var (exitCode, calls, output) = Run("first-deploy.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["list", "package", "deploy", "deploy", "restart"], calls.Select(Kind));
    }

    [Fact]
    public void FirstDeploy_AppAlreadyRunningFunctions_LeavesTheDeployToAzd()
    {
        FakeAz(failures: 0, functions: 8);

        var (exitCode, calls, output) = Run("first-deploy.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["list"], calls.Select(Kind));
    }
}
