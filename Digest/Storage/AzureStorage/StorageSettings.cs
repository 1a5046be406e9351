using Azure.Core;
using Azure.Identity;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Which storage account Digest uses, read the way the Azure Functions host reads <c>AzureWebJobsStorage</c>: either
/// a connection string (handed to the Azure SDK as it is), or identity-based settings <c>NAME__accountName</c> /
/// <c>NAME__blobServiceUri</c> / <c>NAME__queueServiceUri</c> / <c>NAME__tableServiceUri</c> with
/// <c>NAME__credential</c> and <c>NAME__clientId</c>.
/// </summary>
public sealed record StorageSettings(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, Uri? TableServiceUri, TokenCredential? Credential)
{
    /// <summary>The setting name the Functions host uses for its own storage account.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>Azurite's development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>
    /// The settings named <paramref name="name"/>: the value of <c>NAME</c> as a connection string, else the
    /// identity-based <c>NAME__*</c> settings. Null when neither is set (Digest then uses its local folder).
    /// </summary>
    /// <exception cref="FormatException">The settings are present but incomplete or malformed; the message names the setting.</exception>
    public static StorageSettings? FromConfiguration(IConfiguration configuration, string name = DefaultSettingName)
    {
        var value = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return new StorageSettings(value.Trim(), null, null, null, null);
        }

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", name);
        var queue = ServiceUri(section, "queueServiceUri", name);
        var table = ServiceUri(section, "tableServiceUri", name);
        if (string.IsNullOrWhiteSpace(account) && blob is null && queue is null && table is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(account))
        {
            blob ??= new Uri($"https://{account}.blob.core.windows.net");
            queue ??= new Uri($"https://{account}.queue.core.windows.net");
            table ??= new Uri($"https://{account}.table.core.windows.net");
        }

        foreach (var (uri, service) in new[] { (blob, "blob"), (queue, "queue"), (table, "table") })
        {
            if (uri is null)
            {
                throw new FormatException($"Storage setting {name}__{service}ServiceUri is missing: set {name}__accountName or all three service URIs.");
            }
        }

        return new StorageSettings(null, blob, queue, table, CreateCredential(section, name));
    }

    /// <summary>Where the blobs are, for messages (never the key).</summary>
    public string Describe() => BlobServiceUri?.GetLeftPart(UriPartial.Path) ?? "the account of the AzureWebJobsStorage connection string";

    private static Uri? ServiceUri(IConfigurationSection section, string key, string name) =>
        section[key] is not { Length: > 0 } value ? null
        : Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new FormatException($"Storage setting {name}__{key} '{value}' is not an absolute http(s) URI.");

    private static TokenCredential CreateCredential(IConfigurationSection section, string name)
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
}
