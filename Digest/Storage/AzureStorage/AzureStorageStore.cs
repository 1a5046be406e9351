using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Digest.Briefings;
using Digest.Mail;
using Digest.Summaries;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Digest's stores in one Azure Storage account through the Azure SDK clients (names in <see cref="StorageNames"/>):
/// articles as blobs with their metadata, summary and rejection records and briefings as blobs, email jobs on a queue
/// (with its poison queue), subscribers and delivery records in tables. Containers, queues and tables are created on
/// first use. Behaves like <see cref="LocalFolderStore"/> (the same contract tests run against both).
/// </summary>
public sealed partial class AzureStorageStore : IDigestStore
{
    /// <summary>The most UTF-8 bytes a job may have: what fits in a 64 KiB base64 queue message.</summary>
    private const int MaxJobBytes = 48 * 1024;
    private const string SubscriberPartition = "subscriber";
    private const string DeliveryPartition = "delivery";
    private readonly StorageClients clients;
    private readonly TimeProvider clock;
    private readonly StorageLayout names;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, Lazy<Task>> created = new(StringComparer.Ordinal);

    /// <param name="logger">Where a listing reports a damaged record it skips; none by default.</param>
    public AzureStorageStore(StorageClients clients, StorageLayout? layout = null, TimeProvider? time = null, ILogger? logger = null)
    {
        this.logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.clients = clients;
        clock = time ?? TimeProvider.System;
        names = layout ?? StorageLayout.Default;
    }

    /// <summary>The clients this store works through.</summary>
    public StorageClients Clients => clients;

    // Summaries and rejections -------------------------------------------------------------------------------------

    public async Task<ArticleSummary?> FindAsync(string article, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<ArticleSummary>(names.Summaries, SummaryBlob(article), "summary", article, cancellationToken);

    public async Task SaveAsync(ArticleSummary summary, CancellationToken cancellationToken = default) =>
        await WriteJsonAsync(names.Summaries, SummaryBlob(summary.Article), summary, cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<ArticleSummary>(names.Summaries, "summary/", "summary", cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListSummarizedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<ArticleSummary>(names.Summaries, "summary/", "summary", cancellationToken, ModifiedSince(since))
            .Where(s => s.SummarizedAt >= since);

    public IAsyncEnumerable<Rejection> ListRejectedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<Rejection>(names.Summaries, "rejected/", "rejection", cancellationToken, ModifiedSince(since))
            .Where(r => r.RejectedAt >= since);

    public async Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default) =>
        await WriteJsonAsync(names.Summaries, "rejected/" + SafeNames.ToFileName(rejection.Article) + ".json", rejection, cancellationToken);

    public IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<Rejection>(names.Summaries, "rejected/", "rejection", cancellationToken);

    // Briefings ----------------------------------------------------------------------------------------------------

    public async Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<Briefing>(names.Briefings, BriefingBlob(date, ".json"), "briefing", date.ToIso(), cancellationToken);

    public async Task<IReadOnlyList<DateOnly>> ListBriefingDatesAsync(CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(names.Briefings);
        var dates = new List<DateOnly>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            if (IsoDates.TryParseBriefingName(blob.Name) is { } date)
            {
                dates.Add(date);
            }
        }

        return [.. dates.OrderDescending()];
    }

    public async Task<IReadOnlyList<EmailJob>?> FindFanOutPlanAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<EmailJob[]>(names.Briefings, BriefingBlob(date, ".fanout.json"), "fan-out plan", date.ToIso(), cancellationToken);

    public async Task<IReadOnlyList<EmailJob>> SaveFanOutPlanAsync(DateOnly date, IReadOnlyList<EmailJob> jobs, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(names.Briefings);
        if (await CreateBlobAsync(container.GetBlobClient(BriefingBlob(date, ".fanout.json")), JsonSerializer.SerializeToUtf8Bytes(jobs, DigestJson.Options), "application/json", null, cancellationToken))
        {
            return jobs;
        }

        return (await FindFanOutPlanAsync(date, cancellationToken))!;
    }

    public async Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(names.Briefings);
        var date = briefing.Briefing.Date;
        await UploadAsync(container.GetBlobClient(BriefingBlob(date, ".html")), Encoding.UTF8.GetBytes(briefing.Html), "text/html; charset=utf-8", cancellationToken);
        await UploadAsync(container.GetBlobClient(BriefingBlob(date, ".txt")), Encoding.UTF8.GetBytes(briefing.Text), "text/plain; charset=utf-8", cancellationToken);
        await WriteJsonAsync(names.Briefings, BriefingBlob(date, ".json"), briefing.Briefing, cancellationToken);
    }

    // Subscribers --------------------------------------------------------------------------------------------------

    public async IAsyncEnumerable<Subscriber> ListConfirmedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(names.Subscribers);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {SubscriberPartition}"), cancellationToken: cancellationToken))
        {
            // A row of the wrong shape (no Email, or a value that is not text) is skipped, as the local list skips one.
            if (entity.TryGetValue("Email", out var value) && value is string email && !string.IsNullOrWhiteSpace(email))
            {
                yield return new Subscriber(email, entity.TryGetValue("Name", out var name) ? name as string : null);
            }
            else
            {
                DamagedRecordLog.Skipped(logger, new DamagedRecordException("subscriber", entity.RowKey, $"table {names.Subscribers}"), "subscriber", entity.RowKey);
            }
        }
    }

    public async Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriber.Email);
        var table = await TableAsync(names.Subscribers);
        var entity = new TableEntity(SubscriberPartition, TableKeys.Escape(subscriber.Email.ToLowerInvariant())) { ["Email"] = subscriber.Email };
        if (subscriber.Name is not null)
        {
            entity["Name"] = subscriber.Name;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> RemoveSubscriberAsync(string email, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(names.Subscribers);
        var key = TableKeys.Escape(email.ToLowerInvariant());
        if (!(await table.GetEntityIfExistsAsync<TableEntity>(SubscriberPartition, key, cancellationToken: cancellationToken)).HasValue)
        {
            return false;
        }

        try
        {
            await table.DeleteEntityAsync(SubscriberPartition, key, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
            return false;
        }
    }

    // Delivery records and claims ----------------------------------------------------------------------------------
    // One entity per delivery key: while a sender holds the claim it has ClaimToken and ClaimedUntil; once sent it
    // has MessageId. Records written before claims existed have only DeliveryKey and MessageId, and count as sent.

    public async Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default) =>
        await FindDeliveryAsync(deliveryKey, cancellationToken) is { } entity && IsSent(entity);

    public async Task<DeliveryClaim> TryClaimAsync(string deliveryKey, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(names.Deliveries);
        var token = Guid.NewGuid().ToString("N");
        var claim = new TableEntity(DeliveryPartition, TableKeys.Escape(deliveryKey))
        {
            ["DeliveryKey"] = deliveryKey,
            ["ClaimToken"] = token,
            ["ClaimedUntil"] = clock.GetUtcNow() + lease,
        };
        try
        {
            // Insert fails with 409 when the row exists: only one sender can win a fresh claim.
            await table.AddEntityAsync(claim, cancellationToken);
            return new DeliveryClaim(deliveryKey, ClaimOutcome.Claimed, token);
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
        }

        var existing = await FindDeliveryAsync(deliveryKey, cancellationToken);
        if (existing is null)
        {
            return await TryClaimAsync(deliveryKey, lease, cancellationToken);
        }

        if (IsSent(existing))
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.AlreadyDelivered);
        }

        if (ClaimedUntil(existing, lease) > clock.GetUtcNow())
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.HeldElsewhere);
        }

        try
        {
            // The holder's lease ran out: take the claim over, conditional on the ETag so only one sender wins.
            await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return new DeliveryClaim(deliveryKey, ClaimOutcome.Claimed, token);
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.HeldElsewhere);
        }
    }

    public async Task ReleaseClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(names.Deliveries);
        if (await FindDeliveryAsync(claim.DeliveryKey, cancellationToken) is { } entity && !IsSent(entity) && entity.GetString("ClaimToken") == claim.Token)
        {
            try
            {
                await table.DeleteEntityAsync(DeliveryPartition, entity.RowKey, entity.ETag, cancellationToken);
            }
            catch (RequestFailedException changed) when (changed.Status is 412 or 404)
            {
                // Taken over or removed meanwhile: it is no longer this sender's claim.
            }
        }
    }

    public async Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(names.Deliveries);
        var entity = new TableEntity(DeliveryPartition, TableKeys.Escape(deliveryKey))
        {
            ["DeliveryKey"] = deliveryKey,
            ["MessageId"] = messageId,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<TableEntity?> FindDeliveryAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync(names.Deliveries);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(DeliveryPartition, TableKeys.Escape(deliveryKey), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// When the claim in <paramref name="entity"/> ends. Every claim ends: one without a readable <c>ClaimedUntil</c>
    /// (written by hand, or by another version) ends <paramref name="lease"/> after the entity was last written.
    /// </summary>
    private static DateTimeOffset ClaimedUntil(TableEntity entity, TimeSpan lease) =>
        entity.TryGetValue("ClaimedUntil", out var until) switch
        {
            true when until is DateTimeOffset at => at,
            true when until is DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            _ => (entity.Timestamp ?? DateTimeOffset.MinValue) == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : entity.Timestamp!.Value + lease,
        };

    private static bool IsSent(TableEntity entity) => !string.IsNullOrEmpty(entity.GetString("MessageId"));

    // Articles -----------------------------------------------------------------------------------------------------

    public async Task<bool> AddArticleAsync(StoredArticle article, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(article.Name);
        var container = await ContainerAsync(names.Articles);
        var metadata = new Dictionary<string, string>();
        AddIfSet(metadata, "outlet", article.Outlet);
        AddIfSet(metadata, "url", article.Url);
        AddIfSet(metadata, "originalname", article.OriginalFileName);
        return await CreateBlobAsync(container.GetBlobClient(article.Name), article.Content, ContentTypes.ForArticle(article.Name), metadata, cancellationToken);
    }

    public async Task<StoredArticle?> GetArticleAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(name);
        var container = await ContainerAsync(names.Articles);
        try
        {
            var blob = (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            var metadata = blob.Details.Metadata;
            return new StoredArticle(name, blob.Content.ToArray(), Metadata(metadata, "outlet"), Metadata(metadata, "url"), Metadata(metadata, "originalname"));
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListArticleNamesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var container = await ContainerAsync(names.Articles);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return blob.Name;
        }
    }

    // Email jobs ---------------------------------------------------------------------------------------------------

    public async Task EnqueueAsync(string body, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > MaxJobBytes)
        {
            throw new ArgumentException($"Job is {bytes:N0} bytes; the limit is {MaxJobBytes:N0} bytes (48 KiB of text in a 64 KiB base64 queue message).", nameof(body));
        }

        var queue = await QueueAsync(names.EmailJobs);
        await queue.SendMessageAsync(BinaryData.FromString(body), cancellationToken: cancellationToken);
    }

    public async Task<QueuedJob?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var queue = await QueueAsync(names.EmailJobs);
        while (true)
        {
            var message = (await queue.ReceiveMessageAsync(visibilityTimeout, cancellationToken)).Value;
            if (message is null)
            {
                return null;
            }

            if (message.DequeueCount <= IJobQueue.MaxDequeueCount)
            {
                return new QueuedJob(message.MessageId, message.PopReceipt, message.Body.ToString(), (int)message.DequeueCount);
            }

            // As the Functions host does: a message handed out more than MaxDequeueCount times goes to NAME-poison.
            var poison = await QueueAsync(PoisonQueue);
            await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
    }

    public async Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken = default)
    {
        var queue = await QueueAsync(names.EmailJobs);
        try
        {
            await queue.DeleteMessageAsync(job.Id, job.Receipt, cancellationToken);
        }
        catch (RequestFailedException stale) when (stale.Status == 404 || stale.ErrorCode == "PopReceiptMismatch")
        {
            // Completed before, or handed out again after its visibility timeout (then the new holder completes it).
        }
    }

    public async Task SetAsideAsync(QueuedJob job, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var queue = await QueueAsync(names.EmailJobs);
        var poison = await QueueAsync(PoisonQueue);
        // The body goes to the poison queue unchanged, as the Functions host moves it, so it can be queued again once
        // repaired; the reason goes to the log. Sent before the delete: a failure in between leaves a copy, never none.
        await poison.SendMessageAsync(BinaryData.FromString(job.Body), cancellationToken: cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(job.Id, job.Receipt, cancellationToken);
        }
        catch (RequestFailedException stale) when (stale.Status == 404 || stale.ErrorCode == "PopReceiptMismatch")
        {
            // Completed or handed out again meanwhile: the poison copy is the only extra, and it names itself by the log.
        }

        LogSetAside(logger, job.Id, reason);
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Email job {JobId} was set aside in the poison queue: {Reason}")]
    private static partial void LogSetAside(ILogger logger, string jobId, string reason);

    public async Task<IReadOnlyList<string>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, 32);
        var poison = await QueueAsync(PoisonQueue);
        return (await poison.PeekMessagesAsync(max, cancellationToken)).Value.Select(m => m.Body.ToString()).ToArray();
    }

    private string PoisonQueue => names.EmailJobs + "-poison";

    // Helpers ------------------------------------------------------------------------------------------------------

    private static string SummaryBlob(string article) => "summary/" + SafeNames.ToFileName(article) + ".json";

    private static string BriefingBlob(DateOnly date, string extension) => date.ToIso() + extension;

    /// <summary>Metadata values are stored percent-encoded (headers carry ASCII only), as Digest always wrote them.</summary>
    private static void AddIfSet(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = Uri.EscapeDataString(value);
        }
    }

    private static string? Metadata(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? Uri.UnescapeDataString(value) : null;

    private Task<BlobContainerClient> ContainerAsync(string name) =>
        EnsureAsync(clients.Blobs.GetBlobContainerClient(name), name, (c, t) => c.CreateIfNotExistsAsync(cancellationToken: t));

    private Task<QueueClient> QueueAsync(string name) =>
        EnsureAsync(clients.Queues.GetQueueClient(name), name, (q, t) => q.CreateIfNotExistsAsync(cancellationToken: t));

    private Task<TableClient> TableAsync(string name) =>
        EnsureAsync(clients.Tables.GetTableClient(name), name, (t, token) => t.CreateIfNotExistsAsync(token));

    /// <summary>Creates the container, queue or table once per store; a failed attempt is tried again on the next call.</summary>
    private async Task<T> EnsureAsync<T>(T client, string name, Func<T, CancellationToken, Task> create)
    {
        var creation = created.GetOrAdd(name, _ => new Lazy<Task>(() => create(client, CancellationToken.None)));
        try
        {
            await creation.Value;
        }
        catch
        {
            created.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, creation));
            throw;
        }

        return client;
    }

    private static async Task UploadAsync(BlobClient blob, byte[] content, string contentType, CancellationToken cancellationToken) =>
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);

    /// <summary>Writes the blob unless it exists (If-None-Match: *); false when it exists.</summary>
    private static async Task<bool> CreateBlobAsync(BlobClient blob, byte[] content, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exists) when (exists.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<T?> ReadJsonAsync<T>(string containerName, string blob, string kind, string item, CancellationToken cancellationToken)
        where T : class
    {
        var container = await ContainerAsync(containerName);
        BinaryData content;
        try
        {
            content = (await container.GetBlobClient(blob).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }

        try
        {
            return RecordShape.Checked(JsonSerializer.Deserialize<T>(content, DigestJson.Options) ?? throw new JsonException("it is JSON null"));
        }
        catch (JsonException damaged)
        {
            throw new DamagedRecordException(kind, item, $"blob {containerName}/{blob}", damaged);
        }
    }

    private async Task WriteJsonAsync<T>(string containerName, string blob, T value, CancellationToken cancellationToken)
    {
        var container = await ContainerAsync(containerName);
        await UploadAsync(container.GetBlobClient(blob), JsonSerializer.SerializeToUtf8Bytes(value, DigestJson.Options), "application/json", cancellationToken);
    }

    /// <summary>
    /// Blobs written since <paramref name="since"/>, judged by the service's Last-Modified with an hour's margin for
    /// clock differences; the records themselves are then filtered on their own time stamps.
    /// </summary>
    private static Func<BlobItem, bool> ModifiedSince(DateTimeOffset since) =>
        blob => blob.Properties.LastModified is not { } modified || modified >= since - TimeSpan.FromHours(1);

    /// <summary>Every JSON blob under the prefix, in name order; reads 16 at a time so thousands of records load quickly.</summary>
    private async IAsyncEnumerable<T> ReadAllJsonAsync<T>(
        string containerName, string prefix, string kind, [EnumeratorCancellation] CancellationToken cancellationToken, Func<BlobItem, bool>? include = null)
        where T : class
    {
        var container = await ContainerAsync(containerName);
        var blobs = await container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
            .Where(b => include is null || include(b))
            .Select(b => b.Name)
            .ToListAsync(cancellationToken);
        foreach (var batch in blobs.Chunk(16))
        {
            foreach (var item in await Task.WhenAll(batch.Select(name => ReadListedAsync<T>(containerName, name, kind, cancellationToken))))
            {
                if (item is not null)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>A listed record, or null when it is damaged: reported and skipped, so one bad blob never stops a listing.</summary>
    private async Task<T?> ReadListedAsync<T>(string containerName, string blob, string kind, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await ReadJsonAsync<T>(containerName, blob, kind, blob, cancellationToken);
        }
        catch (DamagedRecordException damaged)
        {
            DamagedRecordLog.Skipped(logger, damaged, damaged.Kind, damaged.Item);
            return null;
        }
    }
}
