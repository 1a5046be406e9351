using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>azd's project file, the parameters it passes, and the hooks it runs.</summary>
public sealed partial class AzdTests
{
    private static string AzureYaml => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "azure.yaml"));

    /// <summary>The lines of a top-level section of azure.yaml (<c>services:</c>, <c>hooks:</c>), indented.</summary>
    private static IReadOnlyList<string> Section(string name) =>
        [.. AzureYaml.Split('\n').SkipWhile(l => l.TrimEnd() != name + ":").Skip(1).TakeWhile(l => l.Length == 0 || l.StartsWith(' ')).Where(l => l.Trim().Length > 0)];

    /// <summary>The one service of azure.yaml: its name and its <c>key: value</c> lines.</summary>
    private static (string Name, IReadOnlyDictionary<string, string> Values) Service()
    {
        var lines = Section("services");
        var name = Assert.Single(lines, l => ServiceName().IsMatch(l)).Trim().TrimEnd(':');
        return (name, lines.Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim().Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim()));
    }

    [Fact]
    public void AzureYaml_Service_IsTheFunctionAppProjectOnAFunctionHost()
    {
        var (_, values) = Service();

        Assert.Equal("function", values["host"]);
        Assert.Equal("dotnet", values["language"]);
        var project = Path.Combine(RepositoryRoot.Path, values["project"]);
        var csproj = Assert.Single(Directory.GetFiles(project, "*.csproj"));
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", File.ReadAllText(csproj), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_AzdServiceNameTag_IsTheServiceOfAzureYaml()
    {
        var app = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.Web/sites" && !r.Existing);
        var passed = CompiledBicep.Main.Resources(nested: false).Single(r => r.Name == "functionApp")
            .Properties.GetProperty("parameters").GetProperty("serviceName").GetProperty("value").GetString();

        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', parameters('serviceName')))]", app.Element.GetProperty("tags").GetString());
        Assert.Equal("[variables('serviceName')]", passed);
        Assert.Equal(Service().Name, CompiledBicep.Main.Variable("serviceName").GetString());
    }

    [Theory]
    [InlineData("predeploy", "first-deploy")]
    [InlineData("postdeploy", "subscribe-articles")]
    public void AzureYaml_Hook_RunsItsScriptOnPosixAndWindows(string hook, string script)
    {
        var lines = Section("hooks").SkipWhile(l => l.Trim() != hook + ":").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToArray();

        Assert.Contains(lines, l => l.Trim() == $"run: ./scripts/{script}.sh");
        Assert.Contains(lines, l => l.Trim() == $"run: ./scripts/{script}.ps1");
        Assert.Contains(lines, l => l.Trim() == "shell: pwsh");
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "scripts", script + ".sh")));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "scripts", script + ".ps1")));
    }

    [Fact]
    public void AzureYaml_EventGridSubscription_RunsAfterDeployNotAfterProvision()
    {
        Assert.DoesNotContain(Section("hooks"), l => l.Trim() == "postprovision:");
    }

    [Fact]
    public void ShellScripts_HaveLfEndingsKeptByGitAttributes()
    {
        var attributes = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitattributes"));
        var withCarriageReturns = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "scripts"), "*.sh")
            .Where(f => File.ReadAllText(f).Contains('\r', StringComparison.Ordinal)).ToArray();

        Assert.Contains(attributes, l => Regex.IsMatch(l, @"^\*\.sh\s+.*\beol=lf\b"));
        Assert.Empty(withCarriageReturns);
    }

    /// <summary>Settings an operator may want to change, each with the azd environment variable that sets it.</summary>
    private static readonly (string Variable, string Parameter, string Value)[] SettableThroughAzd =
    [
        ("AZURE_PRINCIPAL_TYPE", "operatorPrincipalType", "ServicePrincipal"),
        ("DIGEST_INSTANCE_MEMORY_MB", "instanceMemoryMB", "4096"),
        ("DIGEST_MAXIMUM_INSTANCES", "maximumInstanceCount", "100"),
        ("DIGEST_LANGUAGE_LOCATION", "languageLocation", "swedencentral"),
        ("DIGEST_LANGUAGE_SKU", "languageSku", "F0"),
        ("DIGEST_SUMMARIZER_PROVIDER", "summarizerProvider", "language-abstractive"),
        ("DIGEST_LOG_RETENTION_DAYS", "logRetentionInDays", "90"),
        ("DIGEST_POSTAL_ADDRESS", "postalAddress", "2 Quay Road, Brennport"),
        ("DIGEST_EXTRA_APP_SETTINGS", "extraAppSettings", """{"Briefing__Cutoff":"05:30"}"""),
    ];

    [Fact]
    public void BuildParams_AzdEnvironmentVariables_SetTheirParameters()
    {
        var environment = BicepCompilationTests.RequiredEnvironment.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (variable, _, value) in SettableThroughAzd)
        {
            environment[variable] = value;
        }

        var parameters = CompiledBicep.BuildParameters(environment);

        Assert.All(SettableThroughAzd, setting =>
        {
            var actual = parameters[setting.Parameter];
            Assert.Equal(setting.Value, actual.ValueKind == System.Text.Json.JsonValueKind.String ? actual.GetString() : System.Text.Json.JsonSerializer.Serialize(actual));
        });
    }

    [Fact]
    public void BuildParams_OperatorPrincipalType_DefaultsToUser()
    {
        var environment = BicepCompilationTests.RequiredEnvironment.ToDictionary(e => e.Key, e => e.Value);
        environment["AZURE_PRINCIPAL_TYPE"] = null;

        Assert.Equal("User", CompiledBicep.BuildParameters(environment)["operatorPrincipalType"].GetString());
    }

    [Fact]
    public void BuildParams_EveryParameterOfMain_CanBeSetThroughAzd()
    {
        var parameters = CompiledBicep.BuildParameters(BicepCompilationTests.RequiredEnvironment);

        var unset = CompiledBicep.Main.Parameters().Select(p => p.Key).Where(p => !parameters.ContainsKey(p)).ToArray();

        Assert.True(unset.Length == 0, $"infra/main.bicepparam does not read these main.bicep parameters from the environment, so azd cannot set them: {string.Join(", ", unset)}.");
    }

    [Fact]
    public void Readme_DeploySection_NamesEveryVariableMainBicepparamReads()
    {
        var variables = EnvironmentVariable().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Infra, "main.bicepparam"))).Select(m => m.Groups["name"].Value).Distinct().ToArray();
        var deploy = FunctionBindingsTests.DeploySection();

        Assert.NotEmpty(variables);
        Assert.All(variables, v => Assert.True(deploy.Contains($"`{v}`", StringComparison.Ordinal), $"README's Deploy section does not describe `{v}`."));
    }

    [GeneratedRegex(@"^  [a-z][\w-]*:\s*$")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"readEnvironmentVariable\('(?<name>\w+)'")]
    private static partial Regex EnvironmentVariable();
}
