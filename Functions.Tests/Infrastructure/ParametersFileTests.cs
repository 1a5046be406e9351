using System.Text.Json;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary><c>infra/main.parameters.json</c> held against the compiled <c>infra/main.bicep</c>, read as azd reads it.</summary>
public sealed class ParametersFileTests
{
    /// <summary>What a first <c>azd up</c> needs in the environment besides what azd sets itself.</summary>
    internal static IReadOnlyDictionary<string, string?> RequiredEnvironment { get; } = new Dictionary<string, string?>
    {
        ["AZURE_ENV_NAME"] = "digest-test",
        ["AZURE_LOCATION"] = "westeurope",
        ["DIGEST_SENDER_ADDRESS"] = "briefing@example.com",
        ["DIGEST_POSTAL_ADDRESS"] = "Yournewsroom, 1 Harbour Street, Brennport",
        ["SENDGRID_API_KEY"] = "SG.test",
        ["DIGEST_SIGNING_KEY"] = new string('k', 48),
    };

    private static Dictionary<string, string?> Environment(params (string Name, string? Value)[] changes)
    {
        var environment = RequiredEnvironment.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }

        return environment;
    }

    [Fact]
    public void ParametersFile_EveryParameter_IsAParameterOfMain()
    {
        var declared = CompiledBicep.Main.Parameters().Select(p => p.Key).ToHashSet();

        var unknown = AzdParametersFile.Values().Keys.Where(p => !declared.Contains(p)).ToArray();

        Assert.True(unknown.Length == 0, $"main.parameters.json sets parameters main.bicep does not declare: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void ParametersFile_EveryParameterOfMain_IsReadFromAnEnvironmentVariable()
    {
        var values = AzdParametersFile.Values();

        var unset = CompiledBicep.Main.Parameters().Select(p => p.Key).Where(p => !values.TryGetValue(p, out var v) || AzdParametersFile.Reference(v) is null).ToArray();

        Assert.True(unset.Length == 0, $"main.parameters.json does not read these main.bicep parameters from one environment variable, so azd cannot set them: {string.Join(", ", unset)}.");
    }

    [Fact]
    public void ParametersFile_Defaults_AreMainsDefaultsAndRequiredParametersHaveNone()
    {
        var wrong = new List<string>();
        foreach (var (name, declared) in CompiledBicep.Main.Parameters())
        {
            var (variable, fileDefault) = AzdParametersFile.Reference(AzdParametersFile.Values()[name])!.Value;
            var mainDefault = declared.TryGetProperty("defaultValue", out var d)
                ? d.ValueKind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", JsonValueKind.Number => d.GetRawText(), _ => d.GetString() }
                : null;
            if (fileDefault != mainDefault)
            {
                wrong.Add($"{name} (${{{variable}}}: file default '{fileDefault ?? "none"}', main.bicep default '{mainDefault ?? "none"}')");
            }
        }

        Assert.True(wrong.Count == 0, $"main.parameters.json and main.bicep disagree on defaults: {string.Join("; ", wrong)}.");
    }

    [Fact]
    public void ParametersFile_WithTheRequiredVariables_GivesValuesMainAccepts()
    {
        var values = AzdParametersFile.Substitute(RequiredEnvironment);

        Assert.Empty(AzdParametersFile.Problems(values));
        Assert.Equal("sendgrid", values["mailSender"]);
        Assert.Equal("true", values["grantOperatorRoles"]);
    }

    [Theory]
    [InlineData("DIGEST_SENDER_ADDRESS", "senderAddress")]
    [InlineData("DIGEST_POSTAL_ADDRESS", "postalAddress")]
    [InlineData("DIGEST_SIGNING_KEY", "subscriptionSigningKey")]
    [InlineData("AZURE_LOCATION", "location")]
    public void ParametersFile_WithoutARequiredVariable_LeavesItsParameterForAzdToAskFor(string variable, string parameter)
    {
        var problems = AzdParametersFile.Problems(AzdParametersFile.Substitute(Environment((variable, null))));

        Assert.Contains(problems, p => p.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "User")]
    [InlineData("", "User")]
    [InlineData("ServicePrincipal", "ServicePrincipal")]
    public void ParametersFile_OperatorPrincipalType_IsUserUnlessThePipelineSaysServicePrincipal(string? value, string expected)
    {
        var values = AzdParametersFile.Substitute(Environment(("AZURE_PRINCIPAL_TYPE", value)));

        Assert.Equal(expected, values["operatorPrincipalType"]);
        Assert.Empty(AzdParametersFile.Problems(values));
    }

    /// <summary>Settings an operator may want to change, each with the azd environment variable that sets it.</summary>
    public static TheoryData<string, string, string> SettableThroughAzd() => new()
    {
        { "AZURE_PRINCIPAL_TYPE", "operatorPrincipalType", "ServicePrincipal" },
        { "DIGEST_OPERATOR_ROLES", "grantOperatorRoles", "false" },
        { "DIGEST_MAIL_SENDER", "mailSender", "smtp" },
        { "DIGEST_SMTP_HOST", "smtpHost", "smtp.example.com" },
        { "DIGEST_SMTP_PORT", "smtpPort", "2525" },
        { "DIGEST_SMTP_USER_NAME", "smtpUserName", "digest" },
        { "DIGEST_SMTP_PASSWORD", "smtpPassword", "relay-password" },
        { "DIGEST_INSTANCE_MEMORY_MB", "instanceMemoryMB", "4096" },
        { "DIGEST_MAXIMUM_INSTANCES", "maximumInstanceCount", "100" },
        { "DIGEST_LANGUAGE_LOCATION", "languageLocation", "swedencentral" },
        { "DIGEST_LANGUAGE_SKU", "languageSku", "F0" },
        { "DIGEST_SUMMARIZER_PROVIDER", "summarizerProvider", "language-abstractive" },
        { "DIGEST_LOG_RETENTION_DAYS", "logRetentionInDays", "90" },
        { "DIGEST_POSTAL_ADDRESS", "postalAddress", "2 Quay Road, Brennport" },
        { "DIGEST_EXTRA_APP_SETTINGS", "extraAppSettings", """{"Briefing__Cutoff":"05:30"}""" },
        { "DIGEST_BRIEFING_SCHEDULE", "briefingSchedule", "0 30 6 * * *" },
    };

    [Theory]
    [MemberData(nameof(SettableThroughAzd))]
    public void ParametersFile_AzdEnvironmentVariable_SetsItsParameter(string variable, string parameter, string value)
    {
        var values = AzdParametersFile.Substitute(Environment((variable, value)));

        Assert.Equal(value, values[parameter]);
        Assert.Empty(AzdParametersFile.Problems(values));
    }

    [Theory]
    [InlineData("DIGEST_INSTANCE_MEMORY_MB", "1024", "instanceMemoryMB")]
    [InlineData("DIGEST_INSTANCE_MEMORY_MB", "8192", "instanceMemoryMB")]
    [InlineData("AZURE_LOCATION", "westindia", "location")]
    [InlineData("DIGEST_MAIL_SENDER", "outbox", "mailSender")]
    [InlineData("AZURE_PRINCIPAL_TYPE", "Device", "operatorPrincipalType")]
    [InlineData("DIGEST_OPERATOR_ROLES", "no", "grantOperatorRoles")]
    public void ParametersFile_ValueMainDoesNotAllow_IsRejectedNamingTheParameter(string variable, string value, string parameter)
    {
        var problems = AzdParametersFile.Problems(AzdParametersFile.Substitute(Environment((variable, value))));

        Assert.Contains(problems, p => p.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_DeploySection_NamesEveryVariableTheParametersFileReads()
    {
        var deploy = FunctionBindingsTests.DeploySection();

        Assert.NotEmpty(AzdParametersFile.Variables());
        Assert.All(AzdParametersFile.Variables(), v => Assert.True(deploy.Contains($"`{v}`", StringComparison.Ordinal), $"README's Deploy section does not describe `{v}`."));
    }
}
