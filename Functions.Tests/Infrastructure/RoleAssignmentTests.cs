using System.Text.RegularExpressions;

namespace Digest.Tests.Infrastructure;

public sealed partial class RoleAssignmentTests
{
    private static readonly BicepFile Roles = BicepFile.Load("modules/roles.bicep");

    /// <summary>The built-in roles Digest needs, with their published role definition ids.</summary>
    private static readonly IReadOnlyDictionary<string, string> Needed = new Dictionary<string, string>
    {
        ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["storageBlobDataContributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["keyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
        ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        ["cognitiveServicesUser"] = "a97b65f3-24c7-4388-baec-2e87135dc908",
    };

    public static TheoryData<string, string> Assignments()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in BicepFile.LoadAll())
        {
            foreach (var assignment in file.Resources().Where(r => r.Type == "Microsoft.Authorization/roleAssignments"))
            {
                data.Add(file.Path, assignment.Symbol);
            }
        }

        return data;
    }

    private static BicepResource Assignment(string path, string symbol) =>
        BicepFile.LoadAll().Single(f => f.Path == path).Resources().Single(r => r.Symbol == symbol);

    [Fact]
    public void RoleAssignments_Exist()
    {
        Assert.NotEmpty(Assignments());
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_Name_IsADeterministicGuid(string path, string symbol)
    {
        var name = Assignment(path, symbol).Property("name");

        Assert.True(name is not null && name.StartsWith("guid(", StringComparison.Ordinal), $"Role assignment '{symbol}' in {path} is named '{name}', not guid(...).");
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_PrincipalType_IsSet(string path, string symbol)
    {
        var type = Assignment(path, symbol).Property("principalType");

        Assert.True(type is "'ServicePrincipal'" or "'User'" or "'Group'", $"Role assignment '{symbol}' in {path} has principalType '{type}'.");
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_Role_ComesFromTheRoleMap(string path, string symbol)
    {
        var definition = Assignment(path, symbol).Property("roleDefinitionId");
        var role = RoleDefinition().Match(definition ?? "") is { Success: true } match ? match.Groups["role"].Value : null;

        Assert.True(role is not null, $"Role assignment '{symbol}' in {path} has roleDefinitionId '{definition}', not subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ...).");
        var roles = RoleNames(role);
        Assert.True(roles.Count > 0 && roles.All(Needed.ContainsKey), $"Role assignment '{symbol}' in {path} grants '{role}', which is not one of the roles Digest needs.");
    }

    [Fact]
    public void RoleMap_HoldsExactlyTheNeededRolesWithTheirPublishedIds()
    {
        var map = Roles.ObjectVariable("roles").ToDictionary(p => p.Key, p => p.Value.Trim('\''));

        var wrong = Needed.Where(n => !map.TryGetValue(n.Key, out var id) || id != n.Value).Select(n => n.Key)
            .Concat(map.Keys.Where(k => !Needed.ContainsKey(k)))
            .ToArray();

        Assert.True(wrong.Length == 0, $"{Roles.Path}: the role map is missing, misspells or adds roles: {string.Join(", ", wrong)}.");
    }

    [Fact]
    public void CognitiveServicesUser_IsGrantedOnlyWhenLanguageIsOn()
    {
        var grant = Assert.Single(Roles.Resources(), r => r.Type == "Microsoft.Authorization/roleAssignments" && r.Body.Contains("roles.cognitiveServicesUser", StringComparison.Ordinal));

        Assert.Equal("!empty(languageName)", grant.Condition);
    }

    /// <summary>The role map keys an assignment's role expression stands for: <c>roles.x</c>, or a loop over an array of them.</summary>
    private static IReadOnlyList<string> RoleNames(string expression)
    {
        if (expression.StartsWith("roles.", StringComparison.Ordinal))
        {
            return [expression["roles.".Length..]];
        }

        var loop = Regex.Match(Roles.Text, $@"\[\s*for\s+{Regex.Escape(expression)}\s+in\s+(?<array>\w+)\s*:");
        if (!loop.Success)
        {
            return [];
        }

        var array = Roles.Text[Roles.Text.IndexOf("var " + loop.Groups["array"].Value, StringComparison.Ordinal)..];
        array = array[..array.IndexOf("\n\n", StringComparison.Ordinal)];
        return [.. Regex.Matches(array, @"roles\.(\w+)").Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions',\s*(?<role>[\w.]+)\)$")]
    private static partial Regex RoleDefinition();
}
