using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// The deploy scripts read as text, both the POSIX ones (also dry-run in <see cref="DeployScriptTests"/>) and their
/// PowerShell twins, which cannot run here: every <c>az</c> command names azd's subscription, and each script checks
/// that az can use it before its first az command.
/// </summary>
public sealed partial class ScriptLintTests
{
    /// <summary>The scripts that call az, besides the sign-in helpers themselves.</summary>
    public static TheoryData<string> Scripts() =>
    [
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "scripts"))
            .Where(f => f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".ps1", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !f.StartsWith("azure-cli.", StringComparison.Ordinal) && AzCalls(f).Count > 0)
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Scripts_ThatCallAz_AreEveryDeployScript()
    {
        Assert.Equal(
            ["deploy-code.ps1", "deploy-code.sh", "predeploy.ps1", "predeploy.sh", "replay-dead-letters.sh", "subscribe-articles.ps1", "subscribe-articles.sh", "wait-for-key-vault-references.ps1", "wait-for-key-vault-references.sh"],
            Scripts());
    }

    /// <summary>The script's commands: comment lines dropped, continuation lines (<c>\</c> or a backtick) joined.</summary>
    private static IReadOnlyList<string> Commands(string script)
    {
        var commands = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "scripts", script)))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') && current.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\') || line.EndsWith('`'))
            {
                current += line[..^1] + " ";
                continue;
            }

            commands.Add(current + line);
            current = "";
        }

        return commands;
    }

    /// <summary>Every az invocation of the script: <c>az</c> where a command starts, not in a message.</summary>
    private static IReadOnlyList<(int Line, string Call)> AzCalls(string script) =>
        [.. Commands(script).SelectMany((command, line) => AzCall().Matches(command).Select(m => (line, m.Groups["call"].Value)))];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_EveryAzCommand_NamesAzdsSubscription(string script)
    {
        var powerShell = script.EndsWith(".ps1", StringComparison.Ordinal);
        var subscription = powerShell ? "--subscription $env:AZURE_SUBSCRIPTION_ID" : "--subscription \"$AZURE_SUBSCRIPTION_ID\"";
        var url = powerShell ? "https://management.azure.com/subscriptions/$env:AZURE_SUBSCRIPTION_ID/" : "https://management.azure.com/subscriptions/$AZURE_SUBSCRIPTION_ID/";
        var text = string.Join('\n', Commands(script));

        var referencesUrl = text.Contains((powerShell ? "$references = \"" : "references=\"") + url, StringComparison.Ordinal);

        var without = AzCalls(script).Where(c => c.Call.StartsWith("rest ", StringComparison.Ordinal)
            ? !(c.Call.Contains("--url \"$references", StringComparison.Ordinal) && referencesUrl)
            : !c.Call.Contains(subscription, StringComparison.Ordinal)).Select(c => c.Call).ToArray();

        Assert.True(without.Length == 0, $"{script}: az commands without azd's subscription: {string.Join(" | ", without)}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_UsingAz_ChecksTheSignInBeforeItsFirstAzCommand(string script)
    {
        var calls = AzCalls(script);
        var check = script.EndsWith(".ps1", StringComparison.Ordinal) ? "Assert-AzureCli" : "require_azure_cli";
        var line = Commands(script).ToList().FindIndex(c => c == check);

        Assert.True(line >= 0 && line < calls.Min(c => c.Line), $"{script} does not call {check} before its first az command.");
    }

    [Fact]
    public void Scripts_AzCommands_AreFoundByTheLint()
    {
        Assert.Contains(AzCalls("predeploy.ps1"), c => c.Call.StartsWith("functionapp keys list", StringComparison.Ordinal));
        Assert.Contains(AzCalls("wait-for-key-vault-references.ps1"), c => c.Call.StartsWith("rest --method post", StringComparison.Ordinal));
        Assert.Contains(AzCalls("subscribe-articles.ps1"), c => c.Call.StartsWith("deployment group create", StringComparison.Ordinal));
        Assert.Contains(AzCalls("deploy-code.ps1"), c => c.Call.StartsWith("functionapp deployment source config-zip", StringComparison.Ordinal));
        Assert.DoesNotContain(AzCalls("azure-cli.sh"), c => c.Call.StartsWith("login", StringComparison.Ordinal));
    }

    [Fact]
    public void PowerShellHooks_FollowThePosixOnes()
    {
        foreach (var (posix, windows) in new[] { ("predeploy.sh", "predeploy.ps1"), ("deploy-code.sh", "deploy-code.ps1"), ("subscribe-articles.sh", "subscribe-articles.ps1"), ("wait-for-key-vault-references.sh", "wait-for-key-vault-references.ps1") })
        {
            static string[] Verbs(string script) => [.. AzCalls(script).Select(c => string.Join(' ', c.Call.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !w.StartsWith('-')))).Distinct().Order(StringComparer.Ordinal)];

            Assert.Equal(Verbs(posix), Verbs(windows));
        }
    }

    // az at the start of a command: line start, after $( or a keyword, an operator or an assignment.
    [GeneratedRegex(@"(?:^|\$\(|\b(?:until|if|while|then|do)\s+|!\s+|&&\s+|\|\|\s+|=\s*)az\s+(?<call>[a-z].*?)(?=\s*(?:\)\s*)?(?:&&|\|\||;|\|)|\)\s*$|$)")]
    private static partial Regex AzCall();
}
