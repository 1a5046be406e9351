using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Storage;

/// <summary>
/// Chooses Digest's store by configuration: the storage account named by the <c>AzureWebJobsStorage</c> setting
/// (a connection string or identity-based <c>AzureWebJobsStorage__*</c> settings), through the Azure SDK clients
/// registered with <c>AddAzureClients</c>, when it is set; else the local data folder. Every store interface resolves
/// to the same one store.
/// </summary>
public static class StorageServices
{
    /// <summary>Registers <see cref="IDigestStore"/> and each store interface.</summary>
    /// <exception cref="FormatException">The storage settings are present but malformed (the message names the setting).</exception>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var settings = StorageSettings.FromConfiguration(configuration);
        if (settings is null)
        {
            services.AddSingleton<IDigestStore>(sp => new LocalFolderStore(dataFolder, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<LocalFolderStore>()));
        }
        else
        {
            services.AddStorageClients(settings);
            services.AddSingleton(sp => new StorageClients(
                sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<TableServiceClient>()));
            services.AddSingleton<IDigestStore>(sp => new AzureStorageStore(sp.GetRequiredService<StorageClients>(), time: sp.GetRequiredService<TimeProvider>(), logger: sp.GetService<ILoggerFactory>()?.CreateLogger<AzureStorageStore>()));
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
        AzureStorageStore azure => $"storage account {azure.Clients.Blobs.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}",
        LocalFolderStore local => local.Root,
        _ => store.GetType().Name,
    };

    /// <summary>The Blob, Queue and Table service clients of the account, the Azure way, with Digest's client options.</summary>
    private static void AddStorageClients(this IServiceCollection services, StorageSettings settings)
    {
        if (settings.ConnectionString is { } connectionString)
        {
            // Malformed connection strings stop start-up here, with the setting's name, rather than at the first request.
            _ = StorageClients.FromConnectionString(connectionString);
        }

        services.AddAzureClients(clients =>
        {
            if (settings.ConnectionString is { } connection)
            {
                clients.AddBlobServiceClient(connection).ConfigureOptions(StorageClients.Configure);
                clients.AddQueueServiceClient(connection).ConfigureOptions(StorageClients.Configure);
                clients.AddTableServiceClient(connection).ConfigureOptions(StorageClients.Configure);
            }
            else
            {
                clients.UseCredential(settings.Credential!);
                clients.AddBlobServiceClient(settings.BlobServiceUri!).ConfigureOptions(StorageClients.Configure);
                clients.AddQueueServiceClient(settings.QueueServiceUri!).ConfigureOptions(StorageClients.Configure);
                clients.AddTableServiceClient(settings.TableServiceUri!).ConfigureOptions(StorageClients.Configure);
            }
        });
    }
}
