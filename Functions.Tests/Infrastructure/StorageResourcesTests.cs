using Digest.Tests.TestSupport;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Infrastructure;

public sealed class StorageResourcesTests
{
    private static readonly BicepFile Storage = BicepFile.Load("modules/storage.bicep");

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
        Assert.True(Storage.StringArray(variable).Contains(name), $"{Storage.Path} does not create '{name}' (var {variable}), which StorageNames uses.");
    }

    [Theory]
    [InlineData("containerNames")]
    [InlineData("queueNames")]
    [InlineData("tableNames")]
    public void Storage_EveryCreatedName_IsOneTheAppUses(string variable)
    {
        var used = StorageNames.Containers.Concat(StorageNames.Queues).Concat(StorageNames.Tables).ToHashSet();

        var unused = Storage.StringArray(variable).Where(name => !used.Contains(name)).ToArray();

        Assert.True(unused.Length == 0, $"{Storage.Path} creates names StorageNames does not know (var {variable}): {string.Join(", ", unused)}.");
    }

    [Fact]
    public void Storage_EveryQueueAndContainerABindingUses_IsCreated()
    {
        var properties = FunctionsMetadata.All.SelectMany(f => f.Bindings).SelectMany(b => b.Properties).ToArray();
        var queues = properties.Where(p => p.Key == "queueName").Select(p => (string)p.Value);
        var containers = properties.Where(p => p.Key == "path").Select(p => ((string)p.Value).Split('/')[0]);

        var missing = queues.Except(Storage.StringArray("queueNames")).Concat(containers.Except(Storage.StringArray("containerNames"))).ToArray();

        Assert.True(missing.Length == 0, $"{Storage.Path} does not create what the functions' bindings use: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Storage_Containers_IncludeTheDeploymentPackageContainer()
    {
        var containers = Assert.Single(Storage.Resources(), r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains("concat(containerNames, [deploymentContainerName])", containers.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("allowSharedKeyAccess", "false")]
    [InlineData("allowBlobPublicAccess", "false")]
    [InlineData("minimumTlsVersion", "'TLS1_2'")]
    [InlineData("supportsHttpsTrafficOnly", "true")]
    public void StorageAccount_SecuritySetting_IsLockedDown(string property, string expected)
    {
        var account = Assert.Single(Storage.Resources(), r => r.Type == "Microsoft.Storage/storageAccounts" && !r.Existing);

        Assert.Equal(expected, account.Property(property));
    }
}
