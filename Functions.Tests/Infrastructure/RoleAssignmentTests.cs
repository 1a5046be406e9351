using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed partial class RoleAssignmentTests
{
    private static ArmTemplate Roles => CompiledBicep.Main.Module("roles");

    /// <summary>The built-in roles Digest needs, with their published role definition ids.</summary>
    private static readonly IReadOnlyDictionary<string, string> Needed = new Dictionary<string, string>
    {
        ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["storageBlobDataContributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["storageBlobDataReader"] = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["keyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
        ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        ["cognitiveServicesUser"] = "a97b65f3-24c7-4388-baec-2e87135dc908",
    };

    private static IEnumerable<ArmResource> AllAssignments() =>
        CompiledBicep.AllResources().Where(r => r.Type == "Microsoft.Authorization/roleAssignments");

    public static TheoryData<string, string> Assignments()
    {
        var data = new TheoryData<string, string>();
        foreach (var assignment in AllAssignments())
        {
            data.Add(assignment.Template.Path, assignment.Name);
        }

        return data;
    }

    private static ArmResource Assignment(string path, string name) =>
        AllAssignments().Single(r => r.Template.Path == path && r.Name == name);

    [Fact]
    public void RoleAssignments_Exist()
    {
        Assert.NotEmpty(Assignments());
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_Name_IsADeterministicGuid(string path, string name)
    {
        Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
        Assert.Contains(Assignment(path, name).String("principalId")![1..^1], name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_PrincipalType_IsSet(string path, string name)
    {
        var type = Assignment(path, name).String("principalType");

        Assert.True(type is "ServicePrincipal" or "User" or "Group" || (type is not null && ArmExpression.IsExpression(type)), $"Role assignment {name} in {path} has principalType '{type}'.");
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void RoleAssignment_Role_ComesFromTheRoleMap(string path, string name)
    {
        var roles = RoleNames(Assignment(path, name));

        Assert.True(roles.Count > 0 && roles.All(Needed.ContainsKey), $"Role assignment {name} in {path} grants '{string.Join(", ", roles)}', not roles of the role map Digest needs.");
    }

    [Fact]
    public void RoleMap_HoldsExactlyTheNeededRolesWithTheirPublishedIds()
    {
        var map = Roles.Variable("roles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        var wrong = Needed.Where(n => !map.TryGetValue(n.Key, out var id) || id != n.Value).Select(n => n.Key)
            .Concat(map.Keys.Where(k => !Needed.ContainsKey(k)))
            .ToArray();

        Assert.True(wrong.Length == 0, $"{Roles.Path}: the role map is missing, misspells or adds roles: {string.Join(", ", wrong)}.");
    }

    [Fact]
    public void CognitiveServicesUser_IsGrantedOnlyWhenLanguageIsOn()
    {
        var grant = Assert.Single(AllAssignments(), r => RoleNames(r).Contains("cognitiveServicesUser"));

        Assert.Equal("[not(empty(parameters('languageName')))]", grant.Condition);
    }

    [Fact]
    public void AppIdentity_StorageBlobRole_IsOwner()
    {
        var app = AllAssignments().Where(r => r.String("principalId") == "[parameters('appPrincipalId')]").ToArray();

        var blobRoles = app.SelectMany(RoleNames).Where(r => r.StartsWith("storageBlob", StringComparison.Ordinal)).Distinct();

        Assert.Equal(["storageBlobDataOwner"], blobRoles);
    }

    private static ArmResource[] OperatorAssignments() =>
        [.. AllAssignments().Where(r => r.String("principalId") == "[parameters('operatorPrincipalId')]")];

    [Fact]
    public void OperatorRoles_PrincipalType_ComesFromTheOperatorPrincipalTypeParameter()
    {
        var operatorType = CompiledBicep.Main.Parameter("operatorPrincipalType");

        Assert.NotEmpty(OperatorAssignments());
        Assert.All(OperatorAssignments(), r => Assert.Equal("[parameters('operatorPrincipalType')]", r.String("principalType")));
        Assert.Equal("User", operatorType.GetProperty("defaultValue").GetString());
        Assert.Contains("ServicePrincipal", operatorType.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[parameters('operatorPrincipalType')]", CompiledBicep.Main.Resources(nested: false).Single(r => r.Name == "roles")
            .Properties.GetProperty("parameters").GetProperty("operatorPrincipalType").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("storageBlobDataContributor", "Microsoft.Storage/storageAccounts/blobServices/containers", "'articles'")]
    [InlineData("storageBlobDataReader", "Microsoft.Storage/storageAccounts/blobServices/containers", "'briefings'")]
    [InlineData("storageBlobDataContributor", "Microsoft.Storage/storageAccounts/blobServices/containers", "parameters('deadLetterContainerName')")]
    [InlineData("storageTableDataContributor", "Microsoft.Storage/storageAccounts/tableServices/tables", "'subscribers'")]
    public void OperatorRole_IsScopedToTheOneContainerOrTableItServes(string role, string scopeType, string scopeName)
    {
        var scope = $"[resourceId('{scopeType}', parameters('storageAccountName'), 'default', {scopeName})]";

        Assert.Contains(OperatorAssignments(), r => RoleNames(r).SequenceEqual([role]) && r.Scope == scope);
    }

    [Fact]
    public void OperatorRoles_NoneIsAccountWide()
    {
        var accountWide = OperatorAssignments()
            .Where(r => r.Scope is null || !(r.Scope.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers',", StringComparison.Ordinal)
                || r.Scope.StartsWith("[resourceId('Microsoft.Storage/storageAccounts/tableServices/tables',", StringComparison.Ordinal)))
            .Select(r => r.Name).ToArray();

        Assert.Equal(4, OperatorAssignments().Length);
        Assert.True(accountWide.Length == 0, $"Operator role assignments on the whole account: {string.Join(", ", accountWide)}.");
        Assert.All(OperatorAssignments(), r => Assert.Equal("[variables('hasOperator')]", r.Condition));
    }

    [Theory]
    [InlineData(true, "5b1f3c2e-0000-4000-8000-000000000002", "5b1f3c2e-0000-4000-8000-000000000002")]
    [InlineData(false, "5b1f3c2e-0000-4000-8000-000000000002", "")]
    public void OperatorRoles_GrantOperatorRolesFalse_PassesNoOperatorSoNoneIsGranted(bool grant, string principal, string expected)
    {
        var operatorId = ArmEvaluator.ModuleParameter(CompiledBicep.Main, "roles", "operatorPrincipalId", new Dictionary<string, object?> { ["grantOperatorRoles"] = grant, ["operatorPrincipalId"] = principal });

        Assert.Equal(expected, operatorId);
        Assert.Equal(grant, ArmEvaluator.Evaluate(Roles.Variable("hasOperator").GetString()!, new Dictionary<string, object?> { ["operatorPrincipalId"] = operatorId }));
        Assert.True(CompiledBicep.Main.Parameter("grantOperatorRoles").GetProperty("defaultValue").GetBoolean());
    }

    [Fact]
    public void OperatorDeadLetterRole_AllowsTheReplayScriptToDeleteWhatItReplayed()
    {
        var deadLetters = Assert.Single(OperatorAssignments(), r => r.Scope?.Contains("parameters('deadLetterContainerName')", StringComparison.Ordinal) == true);
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scripts", "replay-dead-letters.sh"));

        // Storage Blob Data Reader has no delete permission; Contributor has.
        Assert.Equal(["storageBlobDataContributor"], RoleNames(deadLetters));
        Assert.Contains("az storage blob delete", script, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticlesTopic_DeadLetterRole_IsBlobContributorOnTheDeadLetterContainerOnly()
    {
        var grant = Assert.Single(AllAssignments(), r => r.String("principalId") == "[parameters('articlesTopicPrincipalId')]");

        Assert.Equal(["storageBlobDataContributor"], RoleNames(grant));
        Assert.Equal("ServicePrincipal", grant.String("principalType"));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('deadLetterContainerName'))]", grant.Scope);
    }

    /// <summary>The role map keys an assignment grants: <c>variables('roles').x</c>, or those of the array a loop runs over.</summary>
    internal static IReadOnlyList<string> RoleNames(ArmResource assignment)
    {
        var definition = RoleDefinition().Match(assignment.String("roleDefinitionId") ?? "");
        if (!definition.Success)
        {
            return [];
        }

        var role = definition.Groups["role"].Value;
        var text = ArmExpression.VariableName(role.Replace("[copyIndex()]", "", StringComparison.Ordinal)) is { } array
            ? assignment.Template.Variable(array).GetRawText()
            : role;
        return [.. RoleKey().Matches(text).Select(m => m.Groups["key"].Value).Distinct()];
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"variables\('roles'\)\.(?<key>\w+)")]
    private static partial Regex RoleKey();
}
