using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Where a storage account's services are and how to sign in to them, read the way the Azure Functions host reads
/// <c>AzureWebJobsStorage</c>: either a connection string (<c>UseDevelopmentStorage=true</c>, an account name and key,
/// or explicit <c>BlobEndpoint=</c>/<c>QueueEndpoint=</c>/<c>TableEndpoint=</c>), or identity-based settings
/// <c>NAME__accountName</c> / <c>NAME__blobServiceUri</c> / <c>NAME__queueServiceUri</c> / <c>NAME__tableServiceUri</c>
/// with <c>NAME__credential</c> and <c>NAME__clientId</c>.
/// </summary>
public sealed record StorageConnection
{
    /// <summary>The setting name the Functions host uses for its own storage account.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>The token scope of Azure Storage (Blob, Queue and Table).</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    /// <summary>Azurite's well-known development account (published in the Azurite and Azure Storage docs).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(Uri? blob, Uri? queue, Uri? table, StorageSharedKey? sharedKey, TokenCredential? token)
    {
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        SharedKey = sharedKey;
        Token = token;
    }

    public Uri? BlobEndpoint { get; }

    public Uri? QueueEndpoint { get; }

    public Uri? TableEndpoint { get; }

    /// <summary>The account key, when the connection signs requests with Shared Key.</summary>
    public StorageSharedKey? SharedKey { get; }

    /// <summary>The identity, when the connection uses bearer tokens (managed identity or DefaultAzureCredential).</summary>
    public TokenCredential? Token { get; }

    /// <summary>
    /// Reads the connection named <paramref name="name"/> from configuration: the value of <c>NAME</c> as a connection
    /// string, else the identity-based <c>NAME__*</c> settings. Null when neither is set.
    /// </summary>
    /// <exception cref="FormatException">The settings are present but incomplete or malformed.</exception>
    public static StorageConnection? FromConfiguration(IConfiguration configuration, string name = DefaultSettingName)
    {
        var value = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Parse(value);
        }

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", name);
        var queue = ServiceUri(section, "queueServiceUri", name);
        var table = ServiceUri(section, "tableServiceUri", name);
        if (account is null && blob is null && queue is null && table is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(account))
        {
            blob ??= new Uri($"https://{account}.blob.core.windows.net");
            queue ??= new Uri($"https://{account}.queue.core.windows.net");
            table ??= new Uri($"https://{account}.table.core.windows.net");
        }

        return new StorageConnection(blob, queue, table, sharedKey: null, Credential(section, name));
    }

    /// <summary>A connection that signs in with <paramref name="credential"/> (bearer tokens for <see cref="TokenScope"/>).</summary>
    public static StorageConnection WithCredential(Uri? blobEndpoint, Uri? queueEndpoint, Uri? tableEndpoint, TokenCredential credential) =>
        new(blobEndpoint, queueEndpoint, tableEndpoint, sharedKey: null, credential);

    /// <summary>Parses a storage connection string.</summary>
    /// <exception cref="FormatException">The string is malformed or lacks the account name or key.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Storage connection string part '{Redact(part)}' is not KEY=VALUE.");
            }

            parts[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p).GetLeftPart(UriPartial.Authority) : "http://127.0.0.1";
            return new StorageConnection(
                new Uri($"{proxy}:10000/{DevelopmentAccountName}"),
                new Uri($"{proxy}:10001/{DevelopmentAccountName}"),
                new Uri($"{proxy}:10002/{DevelopmentAccountName}"),
                new StorageSharedKey(DevelopmentAccountName, DevelopmentAccountKey),
                token: null);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with SharedAccessSignature are not supported; use an account key or identity-based settings.");
        }

        if (!parts.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw new FormatException("Storage connection string has no AccountName (or UseDevelopmentStorage=true).");
        }

        if (!parts.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            throw new FormatException($"Storage connection string for account '{accountName}' has no AccountKey.");
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string key, string service) => parts.TryGetValue(key, out var explicitEndpoint)
            ? ParseUri(explicitEndpoint, key)
            : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        return new StorageConnection(
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"),
            new StorageSharedKey(accountName, accountKey),
            token: null);
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string name) =>
        section[key] is { Length: > 0 } value ? ParseUri(value, $"{name}__{key}") : null;

    private static Uri ParseUri(string value, string setting) =>
        Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"Storage setting {setting} '{value}' is not an absolute http(s) URI.");

    private static TokenCredential Credential(IConfigurationSection section, string name)
    {
        var credential = section["credential"];
        var clientId = section["clientId"];
        if (string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        if (!string.IsNullOrWhiteSpace(credential))
        {
            throw new FormatException($"Storage setting {name}__credential '{credential}' is not supported; use 'managedidentity' or leave it unset.");
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        });
    }

    private static string Redact(string part) => part.Length > 12 ? part[..12] + "..." : part;
}
