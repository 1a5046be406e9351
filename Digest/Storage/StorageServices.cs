using Digest.Storage.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Storage;

/// <summary>
/// Chooses Digest's store by configuration: the storage account named by the <c>AzureWebJobsStorage</c> setting
/// (a connection string or identity-based <c>AzureWebJobsStorage__*</c> settings) when it is set, else the local
/// data folder. Every store interface resolves to the same one store.
/// </summary>
public static class StorageServices
{
    /// <summary>Registers <see cref="IDigestStore"/> and each store interface.</summary>
    /// <exception cref="FormatException">The storage settings are present but malformed (the message names the setting).</exception>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var connection = StorageConnection.FromConfiguration(configuration);
        if (connection is null)
        {
            services.AddSingleton<IDigestStore>(sp => new LocalFolderStore(dataFolder, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IDigestStore>(sp => new AzureStorageStore(
                new StorageAccount(connection, new StorageClientOptions { Time = sp.GetRequiredService<TimeProvider>() })));
        }

        services.AddSingleton<ISummaryStore>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<IBriefingStore>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<ISubscriberStore>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<ISubscriberDirectory>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<IArticleStore>(sp => sp.GetRequiredService<IDigestStore>());
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<IDigestStore>());
        return services;
    }

    /// <summary>Where the store keeps things, for messages: the account's blob endpoint or the local folder.</summary>
    public static string Describe(IDigestStore store) => store switch
    {
        AzureStorageStore azure => $"storage account {azure.Account.Blobs.Endpoint}",
        LocalFolderStore local => local.Root,
        _ => store.GetType().Name,
    };
}
