using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Azure.Core;

namespace Digest.Storage.AzureStorage;

/// <summary>A blob as read back: its bytes, content type, ETag and metadata.</summary>
public sealed record BlobDownload(string Name, byte[] Content, string? ContentType, string ETag, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A blob in a listing.</summary>
public sealed record BlobItem(string Name, long Length, string? ETag, DateTimeOffset? LastModified = null);

/// <summary>
/// The Blob service operations Digest needs (Blob REST API): create a container, put block blobs with content type
/// and metadata (optionally create-only), get, list by prefix across pages, delete. Metadata values are stored
/// percent-encoded (UTF-8) because HTTP headers carry only ASCII; they are decoded when read.
/// </summary>
public sealed class BlobClient
{
    private const int DefaultPageSize = 5000;
    private readonly StorageService service;

    internal BlobClient(StorageService service) => this.service = service;

    public Uri Endpoint => service.Endpoint;

    /// <summary>Creates the container unless it exists. Returns true when it was created.</summary>
    public async Task<bool> CreateContainerIfMissingAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, ResourceNames.Container(container) + "?restype=container");
        var response = await service.SendAsync(message, $"Create container '{container}'", cancellationToken, 409);
        return response.Status != 409;
    }

    /// <summary>Deletes the container and every blob in it. Returns false when it did not exist.</summary>
    public async Task<bool> DeleteContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Delete, ResourceNames.Container(container) + "?restype=container");
        var response = await service.SendAsync(message, $"Delete container '{container}'", cancellationToken, 404);
        return response.Status != 404;
    }

    /// <summary>
    /// Writes a block blob. With <paramref name="overwrite"/> false the write is create-only (<c>If-None-Match: *</c>):
    /// if the blob exists a <see cref="StorageException"/> with <see cref="StorageFailure.Conflict"/> and code
    /// <c>BlobAlreadyExists</c> is thrown and the existing blob is untouched. Returns the new ETag.
    /// </summary>
    public async Task<string> PutAsync(
        string container, string name, byte[] content, string contentType,
        IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = true, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, BlobPath(container, name));
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", contentType);
        if (!overwrite)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }

        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue("x-ms-meta-" + MetadataKey(key), Uri.EscapeDataString(value));
        }

        request.Content = RequestContent.Create(content);
        var response = await service.SendAsync(message, $"Put blob '{name}' in '{container}'", cancellationToken);
        return response.Headers.ETag?.ToString() ?? string.Empty;
    }

    /// <summary>Reads a blob; null when the blob does not exist (a missing container still throws).</summary>
    public async Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Get, BlobPath(container, name));
        var response = await service.SendAsync(message, $"Get blob '{name}' from '{container}'", cancellationToken, 404);
        if (response.Status == 404)
        {
            return IsCode(response, "BlobNotFound")
                ? null
                : throw new StorageException(StorageFailure.NotFound, 404, ErrorCode(response), $"Get blob '{name}' failed: 404 {ErrorCode(response)} (container '{container}').");
        }

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..].ToLowerInvariant()] = Uri.UnescapeDataString(header.Value);
            }
        }

        return new BlobDownload(name, response.Content.ToArray(), response.Headers.ContentType, response.Headers.ETag?.ToString() ?? string.Empty, metadata);
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in name order, following NextMarker across pages.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(
        string container, string? prefix = null, int pageSize = DefaultPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        string? marker = null;
        do
        {
            var query = $"?restype=container&comp=list&maxresults={pageSize.ToString(CultureInfo.InvariantCulture)}";
            if (!string.IsNullOrEmpty(prefix))
            {
                query += "&prefix=" + Uri.EscapeDataString(prefix);
            }

            if (marker is not null)
            {
                query += "&marker=" + Uri.EscapeDataString(marker);
            }

            XElement page;
            using (var message = service.CreateMessage(RequestMethod.Get, ResourceNames.Container(container) + query))
            {
                var response = await service.SendAsync(message, $"List blobs in '{container}'", cancellationToken);
                page = XElement.Parse(response.Content.ToString());
            }

            foreach (var blob in page.Element("Blobs")?.Elements("Blob") ?? [])
            {
                var properties = blob.Element("Properties");
                yield return new BlobItem(
                    blob.Element("Name")!.Value,
                    long.Parse(properties?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    properties?.Element("Etag")?.Value,
                    DateTimeOffset.TryParse(properties?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null);
            }

            marker = page.Element("NextMarker")?.Value is { Length: > 0 } next ? next : null;
        }
        while (marker is not null);
    }

    /// <summary>Deletes a blob. Returns false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Delete, BlobPath(container, name));
        var response = await service.SendAsync(message, $"Delete blob '{name}' from '{container}'", cancellationToken, 404);
        if (response.Status == 404 && !IsCode(response, "BlobNotFound"))
        {
            throw new StorageException(StorageFailure.NotFound, 404, ErrorCode(response), $"Delete blob '{name}' failed: 404 {ErrorCode(response)} (container '{container}').");
        }

        return response.Status != 404;
    }

    private static string BlobPath(string container, string name) => ResourceNames.Container(container) + "/" + BlobNames.ToUrlPath(name);

    private static string MetadataKey(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? key.ToLowerInvariant()
            : throw new ArgumentException($"Metadata name '{key}' must be a C# identifier (letters, digits, '_').", nameof(key));

    private static string? ErrorCode(Azure.Response response) => StorageService.ErrorCodeOf(response);

    private static bool IsCode(Azure.Response response, string code) => ErrorCode(response) == code;
}
