using System.Globalization;
using System.Text.Json;
using Azure.Core;

namespace Digest.Storage.AzureStorage;

/// <summary>A table entity with string properties. <see cref="ETag"/> is set on entities read from the service.</summary>
public sealed record TableEntity(string PartitionKey, string RowKey, IReadOnlyDictionary<string, string> Properties, string? ETag = null);

/// <summary>
/// The Table service operations Digest needs (Table REST API, JSON without metadata): create a table, insert, upsert
/// (insert or replace), get, delete with ETag concurrency, and query a partition following the
/// <c>x-ms-continuation-NextPartitionKey</c>/<c>NextRowKey</c> continuation.
/// </summary>
public sealed class TableClient
{
    private const string Json = "application/json";
    private const string NoMetadata = "application/json;odata=nometadata";
    private static readonly string[] SystemProperties = ["PartitionKey", "RowKey", "Timestamp"];
    private readonly StorageService service;

    internal TableClient(StorageService service) => this.service = service;

    /// <summary>Creates the table unless it exists. Returns true when it was created.</summary>
    public async Task<bool> CreateIfMissingAsync(string table, CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Post, "Tables", new Dictionary<string, string> { ["TableName"] = ResourceNames.Table(table) });
        var response = await service.SendAsync(message, $"Create table '{table}'", cancellationToken, 409);
        return response.Status != 409;
    }

    /// <summary>Inserts a new entity; if one with the same keys exists, throws <see cref="StorageFailure.Conflict"/> (EntityAlreadyExists).</summary>
    public async Task<string> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Post, ResourceNames.Table(table), Body(entity));
        var response = await service.SendAsync(message, $"Insert entity {Describe(entity)} into '{table}'", cancellationToken);
        return response.Headers.ETag?.ToString() ?? string.Empty;
    }

    /// <summary>
    /// Inserts or replaces an entity. With <paramref name="ifMatch"/> set, replaces only if the stored entity still has
    /// that ETag (else <see cref="StorageFailure.PreconditionFailed"/>).
    /// </summary>
    public async Task<string> UpsertAsync(string table, TableEntity entity, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Put, EntityPath(table, entity.PartitionKey, entity.RowKey), Body(entity));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        var response = await service.SendAsync(message, $"Upsert entity {Describe(entity)} in '{table}'", cancellationToken);
        return response.Headers.ETag?.ToString() ?? string.Empty;
    }

    /// <summary>Reads one entity; null when it does not exist (a missing table still throws).</summary>
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Get, EntityPath(table, partitionKey, rowKey), body: null);
        var response = await service.SendAsync(message, $"Get entity ({partitionKey}, {Redact(rowKey)}) from '{table}'", cancellationToken, 404);
        if (response.Status == 404)
        {
            var code = StorageService.ErrorCodeOf(response);
            return code is "ResourceNotFound" or null
                ? null
                : throw new StorageException(StorageFailure.NotFound, 404, code, $"Get entity from '{table}' failed: 404 {code}.");
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        return ReadEntity(json.RootElement, response.Headers.ETag?.ToString());
    }

    /// <summary>
    /// Deletes an entity if it still has <paramref name="ifMatch"/> (<c>*</c>: any version). Returns false when it does
    /// not exist; a changed entity throws <see cref="StorageFailure.PreconditionFailed"/>.
    /// </summary>
    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Delete, EntityPath(table, partitionKey, rowKey), body: null);
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await service.SendAsync(message, $"Delete entity ({partitionKey}, {Redact(rowKey)}) from '{table}'", cancellationToken, 404);
        return response.Status != 404;
    }

    /// <summary>Every entity of one partition, in row key order, following continuation tokens across pages.</summary>
    public async IAsyncEnumerable<TableEntity> QueryPartitionAsync(
        string table, string partitionKey, int pageSize = 1000,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var filter = Uri.EscapeDataString($"PartitionKey eq '{partitionKey.Replace("'", "''", StringComparison.Ordinal)}'");
        string? nextPartition = null, nextRow = null;
        do
        {
            var query = $"{ResourceNames.Table(table)}()?$filter={filter}&$top={pageSize.ToString(CultureInfo.InvariantCulture)}";
            if (nextPartition is not null)
            {
                query += "&NextPartitionKey=" + Uri.EscapeDataString(nextPartition);
            }

            if (nextRow is not null)
            {
                query += "&NextRowKey=" + Uri.EscapeDataString(nextRow);
            }

            List<TableEntity> page;
            using (var message = Message(RequestMethod.Get, query, body: null))
            {
                var response = await service.SendAsync(message, $"Query partition '{partitionKey}' of '{table}'", cancellationToken);
                using var json = JsonDocument.Parse(response.Content.ToMemory());
                page = json.RootElement.GetProperty("value").EnumerateArray().Select(e => ReadEntity(e, null)).ToList();
                response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out nextPartition);
                response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out nextRow);
            }

            foreach (var entity in page)
            {
                yield return entity;
            }
        }
        while (nextPartition is not null);
    }

    private HttpMessage Message(RequestMethod method, string path, IReadOnlyDictionary<string, string>? body)
    {
        var message = service.CreateMessage(method, path);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", NoMetadata);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (body is not null)
        {
            headers.SetValue("Content-Type", Json);
            headers.SetValue("Prefer", "return-no-content");
            message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body));
        }

        return message;
    }

    private static Dictionary<string, string> Body(TableEntity entity)
    {
        var body = new Dictionary<string, string>(entity.Properties, StringComparer.Ordinal)
        {
            ["PartitionKey"] = entity.PartitionKey,
            ["RowKey"] = entity.RowKey,
        };
        return body;
    }

    private static TableEntity ReadEntity(JsonElement json, string? etag)
    {
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (!SystemProperties.Contains(property.Name) && !property.Name.StartsWith("odata.", StringComparison.Ordinal) &&
                !property.Name.Contains("@odata.", StringComparison.Ordinal))
            {
                properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        etag ??= json.TryGetProperty("odata.etag", out var tag) ? tag.GetString() : null;
        return new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!, properties, etag);
    }

    private static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{ResourceNames.Table(table)}(PartitionKey='{Key(partitionKey)}',RowKey='{Key(rowKey)}')";

    /// <summary>A key inside a quoted OData literal: quotes doubled, then percent-encoded.</summary>
    private static string Key(string key)
    {
        if (key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"Table key '{Redact(key)}' contains '/', '\\', '#', '?' or a control character, which the Table service does not allow.", nameof(key));
        }

        return Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
    }

    private static string Describe(TableEntity entity) => $"({entity.PartitionKey}, {Redact(entity.RowKey)})";

    /// <summary>
    /// Row keys can be subscriber addresses; operation names end up in exception messages and logs, so they carry
    /// only a short hash of the key, enough to tell two failures apart.
    /// </summary>
    private static string Redact(string key) =>
        "#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12];
}
