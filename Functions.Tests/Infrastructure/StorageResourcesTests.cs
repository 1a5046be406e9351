using Digest.Tests.TestSupport;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Infrastructure;

public sealed class StorageResourcesTests
{
    private static ArmTemplate Storage => CompiledBicep.Main.Module("storage");

    private static IReadOnlyList<string> Names(string variable) => [.. Storage.Variable(variable).EnumerateArray().Select(n => n.GetString()!)];

    public static TheoryData<string, string> AppResources()
    {
        var data = new TheoryData<string, string>();
        foreach (var container in StorageNames.Containers)
        {
            data.Add("containerNames", container);
        }

        foreach (var queue in StorageNames.Queues)
        {
            data.Add("queueNames", queue);
        }

        foreach (var table in StorageNames.Tables)
        {
            data.Add("tableNames", table);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AppResources))]
    public void Storage_EveryNameTheAppUses_IsCreated(string variable, string name)
    {
        Assert.True(Names(variable).Contains(name), $"{Storage.Path} does not create '{name}' (var {variable}), which StorageNames uses.");
    }

    [Theory]
    [InlineData("containerNames")]
    [InlineData("queueNames")]
    [InlineData("tableNames")]
    public void Storage_EveryCreatedName_IsOneTheAppUses(string variable)
    {
        var used = StorageNames.Containers.Concat(StorageNames.Queues).Concat(StorageNames.Tables).ToHashSet();

        var unused = Names(variable).Where(name => !used.Contains(name)).ToArray();

        Assert.True(unused.Length == 0, $"{Storage.Path} creates names StorageNames does not know (var {variable}): {string.Join(", ", unused)}.");
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames")]
    public void Storage_NameList_IsWhatTheLoopCreates(string type, string variable)
    {
        var loop = Assert.Single(Storage.Resources(), r => r.Type == type && r.CopyCount is not null);

        Assert.Contains($"variables('{variable}')", loop.CopyCount, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_Containers_IncludeTheDeploymentPackageContainer()
    {
        var containers = Assert.Single(Storage.Resources(), r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers" && r.CopyCount is not null);

        Assert.Equal("[length(concat(variables('containerNames'), createArray(parameters('deploymentContainerName'), variables('deadLetterContainerName'))))]", containers.CopyCount);
    }

    [Theory]
    [InlineData("allowSharedKeyAccess", "false")]
    [InlineData("allowBlobPublicAccess", "false")]
    [InlineData("minimumTlsVersion", "\"TLS1_2\"")]
    [InlineData("supportsHttpsTrafficOnly", "true")]
    [InlineData("defaultToOAuthAuthentication", "true")]
    public void StorageAccount_SecuritySetting_IsLockedDown(string property, string expected)
    {
        var account = Assert.Single(Storage.Resources(), r => r.Type == "Microsoft.Storage/storageAccounts" && !r.Existing);

        Assert.Equal(expected, account.Property(property)?.GetRawText());
    }
}
