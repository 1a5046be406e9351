using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed class ApiVersionTests
{
    /// <summary>Resource types whose newest generally available API version is older than 2024.</summary>
    private static readonly IReadOnlyDictionary<string, string> OlderGenerallyAvailable = new Dictionary<string, string>
    {
        ["Microsoft.Authorization/roleAssignments"] = "2022-04-01",
        ["Microsoft.Insights/components"] = "2020-02-02",
    };

    public static TheoryData<string, string> Declarations()
    {
        var data = new TheoryData<string, string>();
        // One case per template and declaration: a module that declares several resources of one type is checked once.
        foreach (var (path, declaration) in CompiledBicep.AllResources().Where(r => !r.IsModule)
            .Select(r => (r.Template.Path, $"{r.Type}@{r.ApiVersion}")).Distinct())
        {
            data.Add(path, declaration);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Resource_ApiVersion_IsGenerallyAvailableFrom2024OrTheNewestThereIs(string path, string declaration)
    {
        var (type, version) = (declaration[..declaration.IndexOf('@')], declaration[(declaration.IndexOf('@') + 1)..]);

        Assert.False(version.Contains("preview", StringComparison.Ordinal), $"{path} uses preview API version {declaration}.");
        Assert.True(
            string.CompareOrdinal(version, "2024-01-01") >= 0 || OlderGenerallyAvailable.GetValueOrDefault(type) == version,
            $"{path} uses API version {declaration}, older than 2024.");
    }

    [Fact]
    public void Resources_OfOneType_UseOneApiVersion()
    {
        var mixed = CompiledBicep.AllResources().Where(r => !r.IsModule)
            .GroupBy(r => r.Type)
            .Where(g => g.Select(r => r.ApiVersion).Distinct().Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.ApiVersion).Distinct())})")
            .ToArray();

        Assert.True(mixed.Length == 0, $"Resource types declared with different API versions: {string.Join("; ", mixed)}.");
    }
}
