using System.Diagnostics;
using System.Globalization;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// The deploy scripts run against stand-ins for <c>az</c>, <c>dotnet</c> and <c>curl</c> on PATH that log every
/// call with its arguments, so the sign-in check, the subscription on every call, the waits and the retries are checked
/// without Azure.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private const string Subscription = "11111111-2222-4333-8444-555555555555";

    private readonly string _bin = Path.Combine(Path.GetTempPath(), "digest-deploy-" + Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string> _environment = new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = Subscription,
        ["AZURE_RESOURCE_GROUP"] = "rg-digest-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-digest-test",
        ["ARTICLES_SYSTEM_TOPIC_NAME"] = "evgt-articles-test",
        ["AZURE_STORAGE_ACCOUNT_NAME"] = "stdigesttest",
        ["ARTICLES_DEAD_LETTER_CONTAINER"] = "articles-deadletter",
        ["DIGEST_DEPLOY_PAUSE_SECONDS"] = "0",
        ["DIGEST_WAIT_SECONDS"] = "0",
        ["DIGEST_DEPLOY_ATTEMPTS"] = "4",
        ["DIGEST_WAIT_ATTEMPTS"] = "4",
    };

    public DeployScriptTests()
    {
        Directory.CreateDirectory(_bin);
        Tool("dotnet", """echo "dotnet $*" >> "$FAKE_LOG" """);
        Tool("curl", """echo "curl $*" >> "$FAKE_LOG"; cat > /dev/null""");
        FakeAz();
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private string Log => Path.Combine(_bin, "calls.log");

    private void Tool(string name, string body)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The hooks' POSIX scripts are tested on Linux.");
        }

        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// An <c>az</c> that logs its arguments. <c>account show</c> fails when <paramref name="signedIn"/> is false; the
    /// Key Vault reference status read number n answers <paramref name="referenceStatuses"/>[n] (the last one after
    /// that) for Mail__SendGrid__ApiKey, Subscriptions__SigningKey being resolved; <c>function list</c> counts
    /// <paramref name="functions"/>; the first <paramref name="keyFailures"/> key lists and
    /// <paramref name="deployFailures"/> zip deploys fail.
    /// </summary>
    private void FakeAz(bool signedIn = true, string[]? referenceStatuses = null, int functions = 0, int keyFailures = 0, int deployFailures = 0, bool referencesReadable = true)
    {
        var statuses = string.Join(' ', referenceStatuses ?? ["Resolved"]);
        Tool("az", $$"""
            echo "az $*" >> "$FAKE_LOG"
            count() { grep -c -- "$1" "$FAKE_LOG"; }
            site="/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/rg/providers/Microsoft.Web/sites/app/config/configreferences/appsettings"
            case "$*" in
              "account show"*)
                {{(signedIn ? "" : "echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1")}} ;;
              "rest --method get"*)
                {{(referencesReadable ? "" : "echo \"ERROR: (AuthorizationFailed)\" >&2; exit 1")}}
                n=$(count "rest --method get"); i=0; status=""
                for s in {{statuses}}; do i=$((i + 1)); status=$s; [ "$i" -ge "$n" ] && break; done
                printf '%s\t%s\n' "$site/Mail__SendGrid__ApiKey" "$status" "$site/Subscriptions__SigningKey" Resolved ;;
              "functionapp function list"*) echo {{functions}} ;;
              "functionapp keys list"*)
                if [ "$(count "keys list")" -le {{keyFailures}} ]; then echo "ERROR: Encountered an error (ServiceUnavailable) from host runtime." >&2; exit 1; fi
                echo "fake-key" ;;
              "functionapp deployment source config-zip"*)
                if [ "$(count "config-zip")" -le {{deployFailures}} ]; then echo "ERROR: Status Code: 403" >&2; exit 1; fi ;;
              "functionapp show"*) echo "func-digest-test.azurewebsites.net" ;;
              "storage blob list"*) echo "topic/articles-created/2026/01/02/03/event-1.json" ;;
              "storage blob download"*)
                file=$(echo "$*" | sed 's/.*--file \([^ ]*\).*/\1/')
                echo '[{"id":"1","subject":"/blobServices/default/containers/articles/blobs/a.txt","deadLetterReason":"TimeToLiveExceeded"}]' > "$file" ;;
            esac
            exit 0
            """);
    }

    private (int ExitCode, string[] Calls, string Output) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = Log;
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"{script} did not finish");
        var calls = File.Exists(Log) ? File.ReadAllLines(Log) : [];
        return (process.ExitCode, calls, output.Result + error.Result);
    }

    private static string Kind(string call) =>
        call.StartsWith("dotnet run --project Cli -- package", StringComparison.Ordinal) ? "package"
        : call.StartsWith("az account show", StringComparison.Ordinal) ? "signed-in"
        : call.StartsWith("az rest --method post", StringComparison.Ordinal) ? "refresh"
        : call.StartsWith("az rest --method get", StringComparison.Ordinal) ? "references"
        : call.Contains("config-zip", StringComparison.Ordinal) ? "deploy"
        : call.Contains("functionapp restart", StringComparison.Ordinal) ? "restart"
        : call.Contains("function list", StringComparison.Ordinal) ? "list"
        : call.Contains("keys list", StringComparison.Ordinal) ? "keys"
        : call;

    public static TheoryData<string> AzScripts() =>
        ["predeploy.sh", "deploy-code.sh", "subscribe-articles.sh", "replay-dead-letters.sh", "wait-for-key-vault-references.sh"];

    [Theory]
    [MemberData(nameof(AzScripts))]
    public void Script_EveryAzCall_NamesAzdsSubscription(string script)
    {
        _environment["AZURE_SUBSCRIPTION_ID"] = Subscription;

        var (exitCode, calls, output) = Run(script, script == "replay-dead-letters.sh" ? ["--delete"] : []);

        var az = calls.Where(c => c.StartsWith("az ", StringComparison.Ordinal)).ToArray();
        var without = az.Where(c => !(c.Contains($" --subscription {Subscription} ", StringComparison.Ordinal)
            || (c.StartsWith("az rest ", StringComparison.Ordinal) && c.Contains($"https://management.azure.com/subscriptions/{Subscription}/", StringComparison.Ordinal)))).ToArray();
        Assert.True(exitCode == 0, output);
        Assert.True(az.Length >= 2, $"{script} made {az.Length} az calls.");
        Assert.True(without.Length == 0, $"{script} calls az without azd's subscription: {string.Join(" | ", without)}");
        Assert.StartsWith("signed-in", Kind(az[0]), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AzScripts))]
    public void Script_AzNotSignedInToTheSubscription_StopsBeforeAnythingElseSayingHowToSignIn(string script)
    {
        FakeAz(signedIn: false);

        var (exitCode, calls, output) = Run(script);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(["signed-in"], calls.Select(Kind));
        Assert.Contains($"subscription {Subscription}", output, StringComparison.Ordinal);
        Assert.Contains("az login", output, StringComparison.Ordinal);
        Assert.Contains("--federated-token", output, StringComparison.Ordinal);
        Assert.Contains("azure/login", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AzScripts))]
    public void Script_WithoutTheSubscriptionVariable_StopsNamingIt(string script)
    {
        _environment.Remove("AZURE_SUBSCRIPTION_ID");

        var (exitCode, calls, output) = Run(script);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain(calls, c => c.StartsWith("az ", StringComparison.Ordinal));
        Assert.Contains("AZURE_SUBSCRIPTION_ID", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predeploy_FirstDeploymentWhileTheStorageRoleApplies_WaitsForItAndDeploysNothingItself()
    {
        FakeAz(functions: 0, keyFailures: 2);

        var (exitCode, calls, output) = Run("predeploy.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["signed-in", "signed-in", "refresh", "references", "list", "keys", "keys", "keys"], calls.Select(Kind));
        Assert.DoesNotContain(calls, c => Kind(c) is "deploy" or "package" or "restart");
    }

    [Fact]
    public void Predeploy_AppAlreadyRunningFunctions_ChecksTheReferencesAndLeavesTheDeployToAzd()
    {
        FakeAz(functions: 8);

        var (exitCode, calls, output) = Run("predeploy.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["signed-in", "signed-in", "refresh", "references", "list"], calls.Select(Kind));
    }

    [Fact]
    public void Predeploy_StorageRoleNeverApplies_FailsAfterItsAttemptsSayingWhatToDo()
    {
        FakeAz(functions: 0, keyFailures: 100);

        var (exitCode, calls, output) = Run("predeploy.sh");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(4, calls.Count(c => Kind(c) == "keys"));
        Assert.Contains("after 4 attempts", output, StringComparison.Ordinal);
        Assert.Contains("azd deploy again", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Predeploy_KeyVaultReferenceResolvedOnTheThirdRead_RefreshesUntilResolvedThenGoesOn()
    {
        FakeAz(referenceStatuses: ["AccessToKeyVaultDenied", "AccessToKeyVaultDenied", "Resolved"], functions: 8);

        var (exitCode, calls, output) = Run("predeploy.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["signed-in", "signed-in", "refresh", "references", "refresh", "references", "refresh", "references", "list"], calls.Select(Kind));
        Assert.Contains("Mail__SendGrid__ApiKey (AccessToKeyVaultDenied)", output, StringComparison.Ordinal);
        Assert.All(calls.Where(c => Kind(c) == "refresh"), c => Assert.Contains(
            $"--url https://management.azure.com/subscriptions/{Subscription}/resourceGroups/rg-digest-test/providers/Microsoft.Web/sites/func-digest-test/config/configreferences/appsettings/refresh?api-version=2022-03-01",
            c,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Predeploy_KeyVaultReferenceNeverResolves_FailsNamingItBeforeAnyDeploy()
    {
        FakeAz(referenceStatuses: ["AccessToKeyVaultDenied"], functions: 0);

        var (exitCode, calls, output) = Run("predeploy.sh");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(4, calls.Count(c => Kind(c) == "refresh"));
        Assert.DoesNotContain(calls, c => Kind(c) is "list" or "keys" or "deploy");
        Assert.Contains("not resolved after 4 attempts: Mail__SendGrid__ApiKey (AccessToKeyVaultDenied)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscriptions__SigningKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitForKeyVaultReferences_StatusNeverReadable_FailsAfterItsAttemptsSayingSo()
    {
        FakeAz(referencesReadable: false);

        var (exitCode, calls, output) = Run("wait-for-key-vault-references.sh");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(4, calls.Count(c => Kind(c) == "references"));
        Assert.Contains("not resolved after 4 attempts: (their status could not be read)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployCode_ForbiddenTwiceWhileRolesApply_WaitsForReferencesRetriesThenRestartsTheApp()
    {
        FakeAz(deployFailures: 2);

        var (exitCode, calls, output) = Run("deploy-code.sh");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["signed-in", "package", "signed-in", "refresh", "references", "deploy", "deploy", "deploy", "restart"], calls.Select(Kind));
        Assert.Contains("--name func-digest-test", calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void DeployCode_FailingEveryAttempt_StopsWithoutRestartAndFails()
    {
        FakeAz(deployFailures: 100);
        _environment["DIGEST_DEPLOY_ATTEMPTS"] = "3";

        var (exitCode, calls, output) = Run("deploy-code.sh");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(3, calls.Count(c => Kind(c) == "deploy"));
        Assert.DoesNotContain(calls, c => Kind(c) == "restart");
        Assert.Contains("failed 3 times", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayDeadLetters_WithDelete_PostsEachEventThenDeletesTheBlob()
    {
        var (exitCode, calls, output) = Run("replay-dead-letters.sh", "--delete");

        var post = Array.FindIndex(calls, c => c.StartsWith("curl ", StringComparison.Ordinal));
        var delete = Array.FindIndex(calls, c => c.StartsWith("az storage blob delete", StringComparison.Ordinal));
        Assert.True(exitCode == 0, output);
        Assert.True(post >= 0 && delete > post, string.Join('\n', calls));
        Assert.Contains("--name topic/articles-created/2026/01/02/03/event-1.json", calls[delete], StringComparison.Ordinal);
        Assert.Contains("functionName=Host.Functions.SummarizeArticle&code=fake-key", calls[post], StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayDeadLetters_WithoutDelete_KeepsTheBlob()
    {
        var (exitCode, calls, output) = Run("replay-dead-letters.sh");

        Assert.True(exitCode == 0, output);
        Assert.Contains(calls, c => c.StartsWith("curl ", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.StartsWith("az storage blob delete", StringComparison.Ordinal));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "Replayed {0} dead-letter blobs", 1), output, StringComparison.Ordinal);
    }
}
