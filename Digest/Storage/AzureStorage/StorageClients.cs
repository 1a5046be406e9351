using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// The Azure SDK's Blob, Queue and Table service clients of one account. In the apps they come from
/// <c>AddAzureClients</c> (<see cref="StorageServices.AddDigestStorage"/>); <see cref="FromConnectionString"/> builds
/// the same clients for tools and tests.
/// </summary>
public sealed record StorageClients(BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables)
{
    /// <summary>
    /// The one retry mechanism for storage: the SDK's exponential retry of transient failures (408, 429, 5xx and
    /// connection failures), tuned to ride out a storage restart of a few seconds, with a short connect timeout so a
    /// stopped account fails in seconds rather than minutes.
    /// </summary>
    public static void Configure(ClientOptions options)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.Transport = SharedTransport;
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.ApplicationId = "digest";
        if (options is QueueClientOptions queue)
        {
            // The Functions host reads and writes queue messages base64-encoded (host.json messageEncoding).
            queue.MessageEncoding = QueueMessageEncoding.Base64;
        }
    }

    /// <summary>Clients for the account of a connection string (Azurite: <c>UseDevelopmentStorage=true</c>).</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static StorageClients FromConnectionString(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions();
        var tableOptions = new TableClientOptions();
        Configure(blobOptions);
        Configure(queueOptions);
        Configure(tableOptions);
        try
        {
            return new StorageClients(
                new BlobServiceClient(connectionString, blobOptions),
                new QueueServiceClient(connectionString, queueOptions),
                new TableServiceClient(connectionString, tableOptions));
        }
        catch (Exception malformed) when (malformed is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"The storage connection string (the AzureWebJobsStorage setting or --storage) is not valid: {malformed.Message}", malformed);
        }
    }

    private static HttpPipelineTransport SharedTransport { get; } = new HttpClientTransport(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(3),
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        MaxConnectionsPerServer = 64,
    });
}
