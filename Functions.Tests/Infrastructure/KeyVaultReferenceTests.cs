using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed class KeyVaultReferenceTests
{
    private static IReadOnlyList<string> CreatedSecrets() =>
    [
        .. CompiledBicep.AllResources()
            .Where(r => r.Type == "Microsoft.KeyVault/vaults/secrets" && !r.Existing)
            .Select(r => ArmExpression.Resolve(r.Template, r.Name).Split('/')[^1]),
    ];

    public static TheoryData<string> References() =>
    [
        .. DeployedAppSettings.Read().Where(s => s.KeyVaultSecretName is not null).Select(s => s.Name),
    ];

    [Fact]
    public void KeyVaultReferences_Exist()
    {
        Assert.NotEmpty(References());
    }

    [Theory]
    [MemberData(nameof(References))]
    public void KeyVaultReference_EverySetting_PointsToASecretTheBicepCreates(string setting)
    {
        var secret = DeployedAppSettings.Read().Single(s => s.Name == setting).KeyVaultSecretName;

        Assert.True(CreatedSecrets().Contains(secret!), $"{setting} refers to Key Vault secret '{secret}', which no Bicep file creates (created: {string.Join(", ", CreatedSecrets())}).");
    }

    [Fact]
    public void KeyVault_EverySecret_IsReferencedByAnAppSetting()
    {
        var referenced = DeployedAppSettings.Read().Select(s => s.KeyVaultSecretName).ToHashSet();

        var unreferenced = CreatedSecrets().Where(s => !referenced.Contains(s)).ToArray();

        Assert.True(unreferenced.Length == 0, $"Key Vault secrets no app setting refers to: {string.Join(", ", unreferenced)}.");
    }

    [Fact]
    public void KeyVault_Vault_UsesRbacAuthorization()
    {
        var vault = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.KeyVault/vaults" && !r.Existing);

        Assert.True(vault.Property("enableRbacAuthorization")?.GetBoolean());
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_ResolveWithTheUserAssignedIdentity()
    {
        var app = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.Web/sites" && !r.Existing);

        Assert.Equal("[parameters('identityId')]", app.String("keyVaultReferenceIdentity"));
        Assert.Contains(app.Element.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject(), p => p.Name.Contains("parameters('identityId')", StringComparison.Ordinal));
    }
}
