namespace Digest.Storage.AzureStorage;

/// <summary>The Blob, Queue and Table clients of one storage account, built from one <see cref="StorageConnection"/>.</summary>
public sealed class StorageAccount
{
    public StorageAccount(StorageConnection connection, StorageClientOptions? options = null)
    {
        options ??= new StorageClientOptions();
        Connection = connection;
        Blobs = new BlobClient(new StorageService(Required(connection.BlobEndpoint, "blob"), connection, SharedKeyFlavor.BlobAndQueue, options));
        Queues = new QueueClient(new StorageService(Required(connection.QueueEndpoint, "queue"), connection, SharedKeyFlavor.BlobAndQueue, options));
        Tables = new TableClient(new StorageService(Required(connection.TableEndpoint, "table"), connection, SharedKeyFlavor.Table, options));
    }

    public StorageConnection Connection { get; }

    public BlobClient Blobs { get; }

    public QueueClient Queues { get; }

    public TableClient Tables { get; }

    private static Uri Required(Uri? endpoint, string service) =>
        endpoint ?? throw new FormatException($"The storage settings give no {service} endpoint (set accountName or {service}ServiceUri).");
}
