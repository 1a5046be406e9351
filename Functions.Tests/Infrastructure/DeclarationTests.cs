using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed partial class DeclarationTests
{
    public static TheoryData<string, string> ParametersAndOutputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in BicepFile.LoadAll())
        {
            foreach (Match declaration in Declaration().Matches(file.Text))
            {
                data.Add(file.Path, declaration.Groups["kind"].Value + " " + declaration.Groups["name"].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParametersAndOutputs))]
    public void Declaration_EveryParameterAndOutput_IsDescribed(string path, string declaration)
    {
        var lines = BicepFile.LoadAll().Single(f => f.Path == path).Text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(declaration + " ", StringComparison.Ordinal));

        // Decorators run from the declaration up to the blank line before it; @allowed([...]) spans several lines.
        var decorators = lines[..index].Reverse().TakeWhile(l => l.Trim().Length > 0 && !Declaration().IsMatch(l)).ToArray();

        Assert.True(decorators.Any(d => d.StartsWith("@description('", StringComparison.Ordinal)), $"{declaration} in {path} has no @description.");
    }

    [Fact]
    public void Main_EveryOutput_IsUpperSnakeCaseForAzd()
    {
        var outputs = Declaration().Matches(BicepFile.Load("main.bicep").Text).Where(m => m.Groups["kind"].Value == "output").Select(m => m.Groups["name"].Value).ToArray();

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
        var main = BicepFile.Load("main.bicep").Text;

        Assert.Matches($@"(?m)^output {output} string = ", main);
        Assert.True(
            Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "scripts")).Any(f => File.ReadAllText(f).Contains("$" + "{" + output, StringComparison.Ordinal))
            || File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Contains(output, StringComparison.Ordinal),
            $"Nothing reads the output {output}.");
    }

    [GeneratedRegex(@"(?m)^(?<kind>param|output)\s+(?<name>\w+)")]
    private static partial Regex Declaration();
}
