namespace Digest.Tests.Infrastructure;

public sealed class KeyVaultReferenceTests
{
    private static IReadOnlyList<string> CreatedSecrets() =>
    [
        .. BicepFile.LoadAll().SelectMany(file => file.Resources())
            .Where(r => r.Type == "Microsoft.KeyVault/vaults/secrets" && !r.Existing)
            .Select(r => r.Property("name")!.Trim('\'')),
    ];

    public static TheoryData<string> References() =>
    [
        .. DeployedAppSettings.Read(BicepFile.Load(DeployedAppSettings.File))
            .Where(s => s.KeyVaultSecretName is not null)
            .Select(s => s.Name),
    ];

    [Theory]
    [MemberData(nameof(References))]
    public void KeyVaultReference_EverySetting_PointsToASecretTheBicepCreates(string setting)
    {
        var secret = DeployedAppSettings.Read(BicepFile.Load(DeployedAppSettings.File)).Single(s => s.Name == setting).KeyVaultSecretName;

        Assert.True(CreatedSecrets().Contains(secret!), $"{setting} refers to Key Vault secret '{secret}', which no Bicep file creates (created: {string.Join(", ", CreatedSecrets())}).");
    }

    [Fact]
    public void KeyVault_EverySecret_IsReferencedByAnAppSetting()
    {
        var referenced = DeployedAppSettings.Read(BicepFile.Load(DeployedAppSettings.File)).Select(s => s.KeyVaultSecretName).ToHashSet();

        var unreferenced = CreatedSecrets().Where(s => !referenced.Contains(s)).ToArray();

        Assert.True(unreferenced.Length == 0, $"Key Vault secrets no app setting refers to: {string.Join(", ", unreferenced)}.");
    }

    [Fact]
    public void KeyVault_Vault_UsesRbacAuthorization()
    {
        var vault = Assert.Single(BicepFile.Load("modules/keyvault.bicep").Resources(), r => r.Type == "Microsoft.KeyVault/vaults");

        Assert.Equal("true", vault.Property("enableRbacAuthorization"));
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_ResolveWithTheUserAssignedIdentity()
    {
        var app = Assert.Single(BicepFile.Load(DeployedAppSettings.File).Resources(), r => r.Type == "Microsoft.Web/sites");

        Assert.Equal("identityId", app.Property("keyVaultReferenceIdentity"));
    }
}
