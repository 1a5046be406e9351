using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Digest.Briefings;
using Digest.Mail;
using Digest.Summaries;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Digest's stores in one Azure Storage account (names in <see cref="StorageNames"/>): articles as blobs with their
/// metadata, summary and rejection records and briefings as blobs, email jobs on a queue (with its poison queue),
/// subscribers and delivery records in tables. Containers, queues and tables are created on first use.
/// Behaves like <see cref="LocalFolderStore"/> (the same contract tests run against both).
/// </summary>
public sealed class AzureStorageStore : IDigestStore
{
    private const string SubscriberPartition = "subscriber";
    private const string DeliveryPartition = "delivery";
    private readonly StorageAccount account;
    private readonly StorageLayout names;
    private readonly Dictionary<string, Func<string, Task>> creators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> created = new(StringComparer.Ordinal);

    public AzureStorageStore(StorageAccount account, StorageLayout? layout = null)
    {
        this.account = account;
        names = layout ?? StorageLayout.Default;
        Prepare(names.Articles, c => account.Blobs.CreateContainerIfMissingAsync(c));
        Prepare(names.Summaries, c => account.Blobs.CreateContainerIfMissingAsync(c));
        Prepare(names.Briefings, c => account.Blobs.CreateContainerIfMissingAsync(c));
        Prepare(names.EmailJobs, q => account.Queues.CreateIfMissingAsync(q));
        Prepare(QueueClient.PoisonQueueName(names.EmailJobs), q => account.Queues.CreateIfMissingAsync(q));
        Prepare(names.Subscribers, t => account.Tables.CreateIfMissingAsync(t));
        Prepare(names.Deliveries, t => account.Tables.CreateIfMissingAsync(t));
    }

    /// <summary>The account this store writes to.</summary>
    public StorageAccount Account => account;

    // Summaries and rejections -------------------------------------------------------------------------------------

    public async Task<ArticleSummary?> FindAsync(string article, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<ArticleSummary>(names.Summaries, SummaryBlob(article), cancellationToken);

    public async Task SaveAsync(ArticleSummary summary, CancellationToken cancellationToken = default) =>
        await WriteJsonAsync(names.Summaries, SummaryBlob(summary.Article), summary, cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<ArticleSummary>(names.Summaries, "summary/", cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListSummarizedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<ArticleSummary>(names.Summaries, "summary/", cancellationToken, ModifiedSince(since))
            .Where(s => s.SummarizedAt >= since);

    public IAsyncEnumerable<Rejection> ListRejectedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<Rejection>(names.Summaries, "rejected/", cancellationToken, ModifiedSince(since))
            .Where(r => r.RejectedAt >= since);

    public async Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default) =>
        await WriteJsonAsync(names.Summaries, "rejected/" + SafeNames.ToFileName(rejection.Article) + ".json", rejection, cancellationToken);

    public IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default) =>
        ReadAllJsonAsync<Rejection>(names.Summaries, "rejected/", cancellationToken);

    // Briefings ----------------------------------------------------------------------------------------------------

    public async Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<Briefing>(names.Briefings, BriefingBlob(date, ".json"), cancellationToken);

    public async Task<IReadOnlyList<EmailJob>?> FindFanOutPlanAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await ReadJsonAsync<EmailJob[]>(names.Briefings, BriefingBlob(date, ".fanout.json"), cancellationToken);

    public async Task<IReadOnlyList<EmailJob>> SaveFanOutPlanAsync(DateOnly date, IReadOnlyList<EmailJob> jobs, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Briefings);
        try
        {
            await account.Blobs.PutAsync(names.Briefings, BriefingBlob(date, ".fanout.json"), JsonSerializer.SerializeToUtf8Bytes(jobs, DigestJson.Options),
                "application/json", overwrite: false, cancellationToken: cancellationToken);
            return jobs;
        }
        catch (StorageException exists) when (exists.Failure == StorageFailure.Conflict)
        {
            return (await FindFanOutPlanAsync(date, cancellationToken))!;
        }
    }

    public async Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Briefings);
        var date = briefing.Briefing.Date;
        await account.Blobs.PutAsync(names.Briefings, BriefingBlob(date, ".html"), Encoding.UTF8.GetBytes(briefing.Html), "text/html; charset=utf-8", cancellationToken: cancellationToken);
        await account.Blobs.PutAsync(names.Briefings, BriefingBlob(date, ".txt"), Encoding.UTF8.GetBytes(briefing.Text), "text/plain; charset=utf-8", cancellationToken: cancellationToken);
        await WriteJsonAsync(names.Briefings, BriefingBlob(date, ".json"), briefing.Briefing, cancellationToken);
    }

    // Subscribers --------------------------------------------------------------------------------------------------

    public async IAsyncEnumerable<Subscriber> ListConfirmedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Subscribers);
        await foreach (var entity in account.Tables.QueryPartitionAsync(names.Subscribers, SubscriberPartition, cancellationToken: cancellationToken))
        {
            if (entity.Properties.TryGetValue("Email", out var email) && !string.IsNullOrWhiteSpace(email))
            {
                yield return new Subscriber(email, entity.Properties.GetValueOrDefault("Name"));
            }
        }
    }

    public async Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriber.Email);
        await EnsureAsync(names.Subscribers);
        var properties = new Dictionary<string, string> { ["Email"] = subscriber.Email };
        if (subscriber.Name is not null)
        {
            properties["Name"] = subscriber.Name;
        }

        await account.Tables.UpsertAsync(names.Subscribers, new TableEntity(SubscriberPartition, TableKeys.Escape(subscriber.Email.ToLowerInvariant()), properties), cancellationToken: cancellationToken);
    }

    public async Task<bool> RemoveSubscriberAsync(string email, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Subscribers);
        return await account.Tables.DeleteAsync(names.Subscribers, SubscriberPartition, TableKeys.Escape(email.ToLowerInvariant()), cancellationToken: cancellationToken);
    }

    // Delivery records ---------------------------------------------------------------------------------------------

    public async Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Deliveries);
        return await account.Tables.GetAsync(names.Deliveries, DeliveryPartition, TableKeys.Escape(deliveryKey), cancellationToken) is not null;
    }

    public async Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Deliveries);
        var entity = new TableEntity(DeliveryPartition, TableKeys.Escape(deliveryKey), new Dictionary<string, string>
        {
            ["DeliveryKey"] = deliveryKey,
            ["MessageId"] = messageId,
        });
        try
        {
            await account.Tables.InsertAsync(names.Deliveries, entity, cancellationToken);
        }
        catch (StorageException exists) when (exists.Failure == StorageFailure.Conflict)
        {
            // Already recorded by an earlier attempt: delivery records are write-once.
        }
    }

    // Articles -----------------------------------------------------------------------------------------------------

    public async Task<bool> AddArticleAsync(StoredArticle article, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(article.Name);
        await EnsureAsync(names.Articles);
        var metadata = new Dictionary<string, string>();
        AddIfSet(metadata, "outlet", article.Outlet);
        AddIfSet(metadata, "url", article.Url);
        AddIfSet(metadata, "originalname", article.OriginalFileName);
        try
        {
            await account.Blobs.PutAsync(names.Articles, article.Name, article.Content, ContentTypes.ForArticle(article.Name), metadata, overwrite: false, cancellationToken);
            return true;
        }
        catch (StorageException exists) when (exists.Failure == StorageFailure.Conflict)
        {
            return false;
        }
    }

    public async Task<StoredArticle?> GetArticleAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(name);
        await EnsureAsync(names.Articles);
        var blob = await account.Blobs.GetAsync(names.Articles, name, cancellationToken);
        return blob is null
            ? null
            : new StoredArticle(name, blob.Content, blob.Metadata.GetValueOrDefault("outlet"), blob.Metadata.GetValueOrDefault("url"), blob.Metadata.GetValueOrDefault("originalname"));
    }

    public async IAsyncEnumerable<string> ListArticleNamesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.Articles);
        await foreach (var blob in account.Blobs.ListAsync(names.Articles, prefix, cancellationToken: cancellationToken))
        {
            yield return blob.Name;
        }
    }

    // Email jobs ---------------------------------------------------------------------------------------------------

    public async Task EnqueueAsync(string body, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.EmailJobs);
        await account.Queues.SendAsync(names.EmailJobs, body, cancellationToken: cancellationToken);
    }

    public async Task<QueuedJob?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(names.EmailJobs);
        while (true)
        {
            var messages = await account.Queues.ReceiveAsync(names.EmailJobs, 1, visibilityTimeout, cancellationToken);
            if (messages.Count == 0)
            {
                return null;
            }

            var message = messages[0];
            if (message.DequeueCount <= IJobQueue.MaxDequeueCount)
            {
                return new QueuedJob(message.MessageId, message.PopReceipt, message.Text, message.DequeueCount);
            }

            await EnsureAsync(QueueClient.PoisonQueueName(names.EmailJobs));
            await account.Queues.MoveToPoisonAsync(names.EmailJobs, message, cancellationToken);
        }
    }

    public async Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken = default)
    {
        try
        {
            await account.Queues.DeleteAsync(names.EmailJobs, new QueueMessage(job.Id, job.Receipt, job.Body, job.DequeueCount, null), cancellationToken);
        }
        catch (StorageException stale) when (stale.Failure == StorageFailure.NotFound || stale.ErrorCode == "PopReceiptMismatch")
        {
            // Completed before, or handed out again after its visibility timeout (then the new holder completes it).
        }
    }

    public async Task<IReadOnlyList<string>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        var poison = QueueClient.PoisonQueueName(names.EmailJobs);
        await EnsureAsync(poison);
        return (await account.Queues.PeekAsync(poison, max, cancellationToken)).Select(m => m.Text).ToArray();
    }

    // Helpers ------------------------------------------------------------------------------------------------------

    private static string SummaryBlob(string article) => "summary/" + SafeNames.ToFileName(article) + ".json";

    private static string BriefingBlob(DateOnly date, string extension) =>
        date.ToIso() + extension;

    private static void AddIfSet(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = value;
        }
    }

    private void Prepare(string name, Func<string, Task> create) => creators[name] = create;

    /// <summary>Creates the container, queue or table once per store; a failed attempt is tried again on the next call.</summary>
    private async Task EnsureAsync(string name)
    {
        var creation = created.GetOrAdd(name, n => new Lazy<Task>(() => creators[n](n)));
        try
        {
            await creation.Value;
        }
        catch
        {
            created.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, creation));
            throw;
        }
    }

    private async Task<T?> ReadJsonAsync<T>(string container, string blob, CancellationToken cancellationToken)
        where T : class
    {
        await EnsureAsync(container);
        var download = await account.Blobs.GetAsync(container, blob, cancellationToken);
        return download is null ? null : JsonSerializer.Deserialize<T>(download.Content, DigestJson.Options);
    }

    private async Task WriteJsonAsync<T>(string container, string blob, T value, CancellationToken cancellationToken)
    {
        await EnsureAsync(container);
        await account.Blobs.PutAsync(container, blob, JsonSerializer.SerializeToUtf8Bytes(value, DigestJson.Options), "application/json", cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Blobs written since <paramref name="since"/>, judged by the service's Last-Modified with an hour's margin for
    /// clock differences; the records themselves are then filtered on their own time stamps.
    /// </summary>
    private static Func<BlobItem, bool> ModifiedSince(DateTimeOffset since) =>
        blob => blob.LastModified is not { } modified || modified >= since - TimeSpan.FromHours(1);

    /// <summary>Every JSON blob under the prefix, in name order; reads 16 at a time so thousands of records load quickly.</summary>
    private async IAsyncEnumerable<T> ReadAllJsonAsync<T>(
        string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken, Func<BlobItem, bool>? include = null)
        where T : class
    {
        await EnsureAsync(container);
        var names = await account.Blobs.ListAsync(container, prefix, cancellationToken: cancellationToken)
            .Where(b => include is null || include(b))
            .Select(b => b.Name)
            .ToListAsync(cancellationToken);
        foreach (var batch in names.Chunk(16))
        {
            foreach (var item in await Task.WhenAll(batch.Select(name => ReadJsonAsync<T>(container, name, cancellationToken))))
            {
                if (item is not null)
                {
                    yield return item;
                }
            }
        }
    }
}
