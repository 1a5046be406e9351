using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// The mail sender chosen in Azure (<c>mailSender</c>): which secret main.bicep stores in Key Vault and which missing
/// value stops the deployment, read from the compiled template's expressions evaluated as Azure would.
/// </summary>
public sealed class MailSenderTests
{
    private static object? Passed(string module, string parameter, IReadOnlyDictionary<string, object?> parameters) =>
        ArmEvaluator.ModuleParameter(CompiledBicep.Main, module, parameter, parameters);

    private static Dictionary<string, object?> MainParameters(string mailSender, string sendGridApiKey = "", string smtpHost = "", string smtpUserName = "", string smtpPassword = "") => new()
    {
        ["mailSender"] = mailSender,
        ["sendGridApiKey"] = sendGridApiKey,
        ["smtpHost"] = smtpHost,
        ["smtpUserName"] = smtpUserName,
        ["smtpPassword"] = smtpPassword,
    };

    /// <summary>The condition of the Key Vault secret of this name (its resource in the keyvault module).</summary>
    private static string? SecretCondition(string secret)
    {
        var vault = CompiledBicep.Main.Module("keyVault");
        return vault.Resources().Single(r => r.Type == "Microsoft.KeyVault/vaults/secrets" && ArmExpression.Resolve(vault, r.Name).EndsWith("/" + secret, StringComparison.Ordinal)).Condition;
    }

    private static bool Stored(string secret, string parameter, object? value) =>
        ArmEvaluator.Evaluate(SecretCondition(secret)!, new Dictionary<string, object?> { [parameter] = value }) is true;

    [Fact]
    public void MailSecrets_AreOptionalParametersOfMain()
    {
        foreach (var name in new[] { "sendGridApiKey", "smtpPassword" })
        {
            var declared = CompiledBicep.Main.Parameter(name);
            Assert.Equal("securestring", declared.GetProperty("type").GetString());
            Assert.Equal("", declared.GetProperty("defaultValue").GetString());
        }
    }

    [Fact]
    public void SendGrid_WithItsKey_StoresTheKeyAndNoSmtpPassword()
    {
        var parameters = MainParameters("sendgrid", sendGridApiKey: "SG.key", smtpPassword: "left-over");

        var key = Passed("keyVault", "sendGridApiKey", parameters);
        var password = Passed("keyVault", "smtpPassword", parameters);

        Assert.Equal("SG.key", key);
        Assert.Equal("", password);
        Assert.True(Stored("sendgrid-api-key", "sendGridApiKey", key));
        Assert.False(Stored("smtp-password", "smtpPassword", password));
    }

    [Fact]
    public void SendGrid_WithoutItsKey_StopsTheDeploymentNamingTheVariable()
    {
        var failure = Assert.Throws<ArmFailException>(() => Passed("keyVault", "sendGridApiKey", MainParameters("sendgrid")));

        Assert.Contains("SENDGRID_API_KEY", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_WithoutASendGridKey_NeedsNoneAndStoresNone()
    {
        var parameters = MainParameters("smtp", smtpHost: "smtp.example.com", smtpUserName: "digest", smtpPassword: "relay-password");

        var key = Passed("keyVault", "sendGridApiKey", parameters);
        var password = Passed("keyVault", "smtpPassword", parameters);

        Assert.Equal("", key);
        Assert.False(Stored("sendgrid-api-key", "sendGridApiKey", key));
        Assert.Equal("relay-password", password);
        Assert.True(Stored("smtp-password", "smtpPassword", password));
        Assert.Equal("smtp.example.com", Passed("functionApp", "smtpHost", parameters));
        Assert.Equal("digest", Passed("functionApp", "smtpUserName", parameters));
    }

    [Fact]
    public void Smtp_WithoutHost_StopsTheDeploymentNamingTheVariable()
    {
        var failure = Assert.Throws<ArmFailException>(() => Passed("functionApp", "smtpHost", MainParameters("smtp")));

        Assert.Contains("DIGEST_SMTP_HOST", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_UserNameWithoutPassword_StopsTheDeploymentNamingTheVariable()
    {
        var failure = Assert.Throws<ArmFailException>(() => Passed("keyVault", "smtpPassword", MainParameters("smtp", smtpHost: "smtp.example.com", smtpUserName: "digest")));

        Assert.Contains("DIGEST_SMTP_PASSWORD", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_WithoutUserName_NeedsNoPassword()
    {
        var parameters = MainParameters("smtp", smtpHost: "smtp.example.com");

        Assert.Equal("", Passed("keyVault", "smtpPassword", parameters));
        Assert.Equal("", Passed("functionApp", "smtpUserName", parameters));
    }

    [Fact]
    public void SendGrid_SmtpSettingsGivenByMistake_AreNotPassedOn()
    {
        var parameters = MainParameters("sendgrid", sendGridApiKey: "SG.key", smtpHost: "smtp.example.com", smtpUserName: "digest");

        Assert.Equal("", Passed("functionApp", "smtpHost", parameters));
        Assert.Equal("", Passed("functionApp", "smtpUserName", parameters));
    }
}
