using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>The real Bicep CLI on every file under <c>infra/</c>: what CI runs before the tests, asserted here too.</summary>
public sealed class BicepCompilationTests
{
    /// <summary>What <c>infra/main.bicepparam</c> needs from the environment (azd sets these from <c>azd env set</c>).</summary>
    internal static IReadOnlyDictionary<string, string?> RequiredEnvironment { get; } = new Dictionary<string, string?>
    {
        ["DIGEST_SENDER_ADDRESS"] = "briefing@example.com",
        ["DIGEST_POSTAL_ADDRESS"] = "Yournewsroom, 1 Harbour Street, Brennport",
        ["SENDGRID_API_KEY"] = "SG.test",
        ["DIGEST_SIGNING_KEY"] = new string('k', 48),
    };

    [Fact]
    public void Build_EveryBicepFile_CompilesWithoutWarnings()
    {
        Assert.Empty(CompiledBicep.Run.Problems);
        Assert.Contains("main.bicep", CompiledBicep.Files.Keys);
        Assert.Equal(
            Directory.EnumerateFiles(RepositoryRoot.Infra, "*.bicep", SearchOption.AllDirectories).Count(),
            CompiledBicep.Files.Count);
    }

    [Fact]
    public void Lint_EveryBicepFile_HasNoWarningsUnderTheDefaultLinter()
    {
        var lint = BicepCli.Run(["lint", "--pattern", "infra/**/*.bicep"]);

        Assert.True(lint.ExitCode == 0 && lint.Problems.Count == 0, $"bicep lint ({lint.ExitCode}):\n{lint.Diagnostics}");
    }

    [Fact]
    public void Repository_HasNoBicepConfigThatRelaxesTheLinter()
    {
        var configs = Directory.EnumerateFiles(RepositoryRoot.Path, "bicepconfig.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.Empty(configs);
    }

    [Fact]
    public void BuildParams_WithTheRequiredEnvironment_GivesEveryRequiredParameterOfMain()
    {
        var parameters = CompiledBicep.BuildParameters(RequiredEnvironment);

        var required = CompiledBicep.Main.Parameters().Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Key);
        Assert.All(required, name => Assert.True(parameters.ContainsKey(name), $"infra/main.bicepparam gives no value for the required parameter {name}."));
    }

    [Theory]
    [InlineData("DIGEST_SENDER_ADDRESS")]
    [InlineData("DIGEST_POSTAL_ADDRESS")]
    [InlineData("SENDGRID_API_KEY")]
    [InlineData("DIGEST_SIGNING_KEY")]
    public void BuildParams_WithoutARequiredVariable_FailsNamingIt(string variable)
    {
        var environment = RequiredEnvironment.ToDictionary(e => e.Key, e => e.Key == variable ? null : e.Value);

        var run = BicepCli.Run(["build-params", "infra/main.bicepparam", "--stdout"], environment);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(variable, run.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void PostalAddress_IsARequiredParameter()
    {
        var postal = CompiledBicep.Main.Parameter("postalAddress");

        Assert.False(postal.TryGetProperty("defaultValue", out _), "postalAddress has a default: bulk email would go out without the postal address the law requires.");
        Assert.Equal(1, postal.GetProperty("minLength").GetInt32());
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10OnFlexConsumption()
    {
        var resources = CompiledBicep.Main.Resources().ToArray();
        var app = Assert.Single(resources, r => r.Type == "Microsoft.Web/sites" && !r.Existing);
        var plan = Assert.Single(resources, r => r.Type == "Microsoft.Web/serverfarms");

        Assert.Equal("dotnet-isolated", app.String("functionAppConfig.runtime.name"));
        Assert.Equal("10.0", app.String("functionAppConfig.runtime.version"));
        Assert.Equal("functionapp,linux", app.Element.GetProperty("kind").GetString());
        Assert.Equal("FlexConsumption", plan.Element.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("FC1", plan.Element.GetProperty("sku").GetProperty("name").GetString());
    }

    [Fact]
    public void FunctionApp_DeploymentPackage_IsReadWithTheUserAssignedIdentity()
    {
        var app = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.Web/sites" && !r.Existing);

        Assert.Equal("blobContainer", app.String("functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", app.String("functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal("[parameters('identityId')]", app.String("functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
    }
}
