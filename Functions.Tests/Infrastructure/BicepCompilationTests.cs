using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>The real Bicep CLI on every file under <c>infra/</c>: what CI runs before the tests, asserted here too.</summary>
public sealed class BicepCompilationTests
{
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
    public void PostalAddress_IsARequiredParameter()
    {
        var postal = CompiledBicep.Main.Parameter("postalAddress");

        Assert.False(postal.TryGetProperty("defaultValue", out _), "postalAddress has a default: bulk email would go out without the postal address the law requires.");
        Assert.Equal(1, postal.GetProperty("minLength").GetInt32());
    }

    [Fact]
    public void InstanceMemoryMB_AllowsOnlyTheFlexConsumptionSizes()
    {
        var memory = CompiledBicep.Main.Parameter("instanceMemoryMB");
        var app = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.Web/sites" && !r.Existing);

        Assert.Equal([512, 2048, 4096], memory.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(2048, memory.GetProperty("defaultValue").GetInt32());
        Assert.Equal("[parameters('instanceMemoryMB')]", app.String("functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
    }

    [Fact]
    public void Location_IsAFlexConsumptionRegionThatAzdOffers()
    {
        var location = CompiledBicep.Main.Parameter("location");
        var allowed = location.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).ToArray();

        Assert.Equal("location", location.GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
        Assert.False(location.TryGetProperty("defaultValue", out _));
        Assert.Contains("westeurope", allowed);
        Assert.Contains("eastus", allowed);
        Assert.All(allowed, region => Assert.Matches("^[a-z]+[0-9]?$", region));
        Assert.DoesNotContain(allowed, region => region.EndsWith("euap", StringComparison.Ordinal));
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
