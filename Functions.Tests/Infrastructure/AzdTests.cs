using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>azd's project file, the hooks it runs and what it hands a CI pipeline.</summary>
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
    [InlineData("predeploy", "predeploy")]
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

    /// <summary>The items of a list under <c>pipeline:</c> in azure.yaml (<c>variables</c> or <c>secrets</c>).</summary>
    private static IReadOnlyList<string> PipelineList(string name) =>
        [.. Section("pipeline").SkipWhile(l => l.Trim() != name + ":").Skip(1).TakeWhile(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal)).Select(l => l.Trim()[2..].Trim())];

    private static string Workflow => File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", "azure-dev.yml"));

    /// <summary>Variables azd or the pipeline itself provides: not copied from the environment by azd pipeline config.</summary>
    private static readonly string[] ProvidedByAzd = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID", "AZURE_RESOURCE_GROUP", "AZURE_PRINCIPAL_TYPE"];

    [Fact]
    public void AzureYaml_Pipeline_CarriesEveryVariableOfTheParametersFileSecretsAsSecrets()
    {
        var secureParameters = CompiledBicep.Main.Parameters().Where(p => p.Value.GetProperty("type").GetString() == "securestring").Select(p => p.Key).ToHashSet();
        var variableOf = AzdParametersFile.Values().ToDictionary(p => p.Key, p => AzdParametersFile.Reference(p.Value)!.Value.Variable);
        var secrets = variableOf.Where(p => secureParameters.Contains(p.Key)).Select(p => p.Value).ToHashSet();
        var others = variableOf.Values.Where(v => !secrets.Contains(v) && !ProvidedByAzd.Contains(v)).ToHashSet();

        Assert.NotEmpty(secrets);
        Assert.Equal(secrets.Order(StringComparer.Ordinal), PipelineList("secrets").Order(StringComparer.Ordinal));
        Assert.Equal(others.Order(StringComparer.Ordinal), PipelineList("variables").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Workflow_PassesEveryPipelineVariableAndSecretToAzd()
    {
        var workflow = Workflow;

        Assert.All(PipelineList("variables"), v => Assert.Contains($"{v}: ${{{{ vars.{v} }}}}", workflow, StringComparison.Ordinal));
        Assert.All(PipelineList("secrets"), v => Assert.Contains($"{v}: ${{{{ secrets.{v} }}}}", workflow, StringComparison.Ordinal));
        Assert.Contains("AZD_INITIAL_ENVIRONMENT_CONFIG: ${{ secrets.AZD_INITIAL_ENVIRONMENT_CONFIG }}", workflow, StringComparison.Ordinal);
        Assert.Contains("run: azd up --no-prompt", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_SignsInBothAzdAndAzWithTheFederatedCredentialAndSaysItIsAServicePrincipal()
    {
        var lines = Workflow.Split('\n').Select(l => l.Trim()).ToArray();
        var azdLogin = Array.FindIndex(lines, l => l.StartsWith("run: azd auth login", StringComparison.Ordinal) && l.Contains("--federated-credential-provider github", StringComparison.Ordinal));
        var azLogin = Array.FindIndex(lines, l => l.StartsWith("uses: azure/login@", StringComparison.Ordinal));
        var up = Array.FindIndex(lines, l => l == "run: azd up --no-prompt");

        Assert.Contains("id-token: write", lines);
        Assert.Contains("AZURE_PRINCIPAL_TYPE: ServicePrincipal", lines);
        Assert.True(azdLogin >= 0 && azLogin >= 0 && azdLogin < up && azLogin < up, "The workflow must sign in azd (--federated-credential-provider github) and az (azure/login) before azd up.");
        Assert.Contains("subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}", lines);
        Assert.DoesNotContain(lines, l => l.Contains("client-secret", StringComparison.Ordinal) || l.Contains("creds:", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^  [a-z][\w-]*:\s*$")]
    private static partial Regex ServiceName();
}
