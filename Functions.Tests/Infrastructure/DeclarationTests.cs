using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed class DeclarationTests
{
    public static TheoryData<string, string> ParametersAndOutputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, template) in CompiledBicep.Files)
        {
            foreach (var parameter in template.Parameters())
            {
                data.Add(path, "param " + parameter.Key);
            }

            foreach (var output in template.Outputs())
            {
                data.Add(path, "output " + output.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParametersAndOutputs))]
    public void Declaration_EveryParameterAndOutput_IsDescribed(string path, string declaration)
    {
        var template = CompiledBicep.Files[path];
        var (kind, name) = (declaration.Split(' ')[0], declaration.Split(' ')[1]);
        var declared = (kind == "param" ? template.Parameters() : template.Outputs()).Single(p => p.Key == name).Value;

        var description = declared.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("description", out var text) ? text.GetString() : null;

        Assert.False(string.IsNullOrWhiteSpace(description), $"{declaration} in {path} has no @description.");
    }

    [Fact]
    public void Main_EveryOutput_IsUpperSnakeCaseForAzd()
    {
        var outputs = CompiledBicep.Main.Outputs().Select(o => o.Key).ToArray();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9_]*$", name));
    }

    [Theory]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("ARTICLES_SYSTEM_TOPIC_NAME")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    public void Main_OutputTheScriptsRead_Exists(string output)
    {
        Assert.Contains(CompiledBicep.Main.Outputs(), o => o.Key == output);
        Assert.True(
            Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "scripts")).Any(f => File.ReadAllText(f).Contains(output, StringComparison.Ordinal))
            || File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Contains(output, StringComparison.Ordinal),
            $"Nothing reads the output {output}.");
    }
}
