using System.Runtime.CompilerServices;
using System.Text.Json;
using Digest.Briefings;
using Digest.Mail;
using Digest.Summaries;

namespace Digest.Storage;

/// <summary>
/// The embedded default storage: plain files under one folder, laid out as
/// <c>summaries/</c>, <c>rejected/</c>, <c>briefings/DATE.json|.html|.txt</c>, <c>deliveries/</c>,
/// <c>subscribers.json</c>, <c>articles/NAME</c> (with <c>article-metadata/</c>) and <c>queues/email-jobs/</c>.
/// Record file names come from <see cref="SafeNames"/> and article names are checked by <see cref="BlobNames"/>, so no
/// name can reach outside the folder. Writes go to a temporary file first and are then moved into place, so a crash
/// never leaves half a file. Behaves like the Azure Storage store (the same contract tests run against both).
/// </summary>
/// <param name="logger">Where a listing reports a damaged record it skips; none by default.</param>
public sealed class LocalFolderStore(string root, TimeProvider? time = null, ILogger? logger = null) : IDigestStore
{
    /// <summary>The most UTF-8 bytes a job may have: what fits in a 64 KiB base64 Azure queue message.</summary>
    private const int MaxJobBytes = 48 * 1024;

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>How long a writer waits for another one's lock on the subscriber list or the queue.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private string SummariesFolder => Path.Combine(root, "summaries");

    private string RejectedFolder => Path.Combine(root, "rejected");

    private string BriefingsFolder => Path.Combine(root, "briefings");

    private string DeliveriesFolder => Path.Combine(root, "deliveries");

    private string ArticlesFolder => Path.Combine(root, "articles");

    private string IncomingFolder => Path.Combine(root, ".incoming");

    private string ArticleMetadataFolder => Path.Combine(root, "article-metadata");

    private string JobsFolder => Path.Combine(root, "queues", "email-jobs");

    private string PoisonFolder => Path.Combine(root, "queues", "email-jobs-poison");

    public string Root => root;

    public string SubscribersFile => Path.Combine(root, "subscribers.json");

    private string SubscribersLock => Path.Combine(root, ".locks", "subscribers.lock");

    private string QueueLock => Path.Combine(root, ".locks", "email-jobs.lock");

    public Task<ArticleSummary?> FindAsync(string article, CancellationToken cancellationToken = default) =>
        ReadAsync<ArticleSummary>(Path.Combine(SummariesFolder, SafeNames.ToFileName(article) + ".json"), "summary", article, cancellationToken);

    public Task SaveAsync(ArticleSummary summary, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(Path.Combine(SummariesFolder, SafeNames.ToFileName(summary.Article) + ".json"), summary, cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<ArticleSummary>(SummariesFolder, "summary", cancellationToken);

    public Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(Path.Combine(RejectedFolder, SafeNames.ToFileName(rejection.Article) + ".json"), rejection, cancellationToken);

    public IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<Rejection>(RejectedFolder, "rejection", cancellationToken);

    public Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        ReadAsync<Briefing>(BriefingPath(date, ".json"), "briefing", date.ToIso(), cancellationToken);

    public async Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default)
    {
        var date = briefing.Briefing.Date;
        await WriteTextAsync(BriefingPath(date, ".html"), briefing.Html, cancellationToken);
        await WriteTextAsync(BriefingPath(date, ".txt"), briefing.Text, cancellationToken);
        await WriteJsonAsync(BriefingPath(date, ".json"), briefing.Briefing, cancellationToken);
    }

    public Task<IReadOnlyList<DateOnly>> ListBriefingDatesAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DateOnly> dates = Directory.Exists(BriefingsFolder)
            ? [.. Directory.EnumerateFiles(BriefingsFolder, "*.json")
                .Select(path => IsoDates.TryParseBriefingName(Path.GetFileName(path)))
                .OfType<DateOnly>()
                .OrderDescending()]
            : [];
        return Task.FromResult(dates);
    }

    public async Task<IReadOnlyList<EmailJob>?> FindFanOutPlanAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await ReadAsync<EmailJob[]>(BriefingPath(date, ".fanout.json"), "fan-out plan", date.ToIso(), cancellationToken);

    public async Task<IReadOnlyList<EmailJob>> SaveFanOutPlanAsync(DateOnly date, IReadOnlyList<EmailJob> jobs, CancellationToken cancellationToken = default)
    {
        var path = BriefingPath(date, ".fanout.json");
        Directory.CreateDirectory(BriefingsFolder);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(jobs, DigestJson.Options), cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return jobs;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return (await FindFanOutPlanAsync(date, cancellationToken))!;
        }
    }

    public async IAsyncEnumerable<Subscriber> ListConfirmedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SubscribersFile))
        {
            yield break;
        }

        Subscriber[]? subscribers;
        await using (var stream = File.OpenRead(SubscribersFile))
        {
            try
            {
                subscribers = await JsonSerializer.DeserializeAsync<Subscriber[]>(stream, DigestJson.Options, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new DamagedRecordException("subscriber list", "subscribers.json",
                    $"{SubscribersFile}, which should be a JSON array of {{\"email\": \"...\", \"name\": \"...\"}} objects", ex);
            }
        }

        foreach (var subscriber in subscribers ?? [])
        {
            if (!string.IsNullOrWhiteSpace(subscriber?.Email))
            {
                yield return subscriber;
            }
        }
    }

    public Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(DeliveryPath(deliveryKey)));

    // A claim is a file deliveries/KEY.claim-N created with CreateNew: of two senders creating the same N, one wins.
    // An expired claim N is taken over by creating N+1, so again only one sender can win it.

    public async Task<DeliveryClaim> TryClaimAsync(string deliveryKey, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DeliveriesFolder);
        if (File.Exists(DeliveryPath(deliveryKey)))
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.AlreadyDelivered);
        }

        var latest = LatestClaim(deliveryKey);
        if (latest is { } held && await ClaimedUntilAsync(held.Path, lease, cancellationToken) > clock.GetUtcNow())
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.HeldElsewhere);
        }

        var token = Guid.NewGuid().ToString("N");
        var path = ClaimPath(deliveryKey, (latest?.Generation ?? 0) + 1);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new DeliveryClaim(deliveryKey, ClaimOutcome.HeldElsewhere);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryClaimException(deliveryKey, path, failed);
        }

        try
        {
            await using (stream)
            {
                await JsonSerializer.SerializeAsync(stream, new LocalClaim(token, clock.GetUtcNow() + lease), DigestJson.Options, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // This sender created the claim but could not write it (a full disk): an error, never "held by another
            // sender". The file is removed so nobody waits for it; if even that fails, it expires after the lease.
            DeleteIfThere(path);
            throw new DeliveryClaimException(deliveryKey, path, failed);
        }

        if (File.Exists(DeliveryPath(deliveryKey)))
        {
            // Sent and recorded between the check above and this claim: nothing to send.
            File.Delete(path);
            return new DeliveryClaim(deliveryKey, ClaimOutcome.AlreadyDelivered);
        }

        return new DeliveryClaim(deliveryKey, ClaimOutcome.Claimed, token);
    }

    public async Task ReleaseClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken = default)
    {
        if (LatestClaim(claim.DeliveryKey) is { } latest && (await ReadClaimAsync(latest.Path, cancellationToken))?.Token == claim.Token)
        {
            // Expire it rather than delete it, so the next claim's number stays above every one handed out before.
            await WriteJsonAsync(latest.Path, new LocalClaim(claim.Token!, DateTimeOffset.MinValue), cancellationToken);
        }
    }

    public async Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DeliveriesFolder);
        try
        {
            await using var stream = new FileStream(DeliveryPath(deliveryKey), FileMode.CreateNew, FileAccess.Write);
            await JsonSerializer.SerializeAsync(stream, new { deliveryKey, messageId }, DigestJson.Options, cancellationToken);
        }
        catch (IOException) when (File.Exists(DeliveryPath(deliveryKey)))
        {
            // Already recorded by an earlier attempt: delivery records are write-once.
        }

        foreach (var claim in Directory.EnumerateFiles(DeliveriesFolder, ClaimPrefix(deliveryKey) + "*"))
        {
            File.Delete(claim);
        }
    }

    private sealed record LocalClaim(string Token, DateTimeOffset ClaimedUntil);

    private string ClaimPrefix(string deliveryKey) => SafeNames.ToFileName(deliveryKey) + ".claim-";

    private string ClaimPath(string deliveryKey, int generation) =>
        Path.Combine(DeliveriesFolder, ClaimPrefix(deliveryKey) + generation.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

    private (string Path, int Generation)? LatestClaim(string deliveryKey)
    {
        if (!Directory.Exists(DeliveriesFolder))
        {
            return null;
        }

        var prefix = ClaimPrefix(deliveryKey);
        return Directory.EnumerateFiles(DeliveriesFolder, prefix + "*")
            .Select(path => (Path: path, Number: int.TryParse(Path.GetFileName(path)[prefix.Length..], out var n) ? n : -1))
            .Where(c => c.Number > 0)
            .OrderByDescending(c => c.Number)
            .Select(c => ((string, int)?)(c.Path, c.Number))
            .FirstOrDefault();
    }

    /// <summary>
    /// When the claim in <paramref name="path"/> ends. Every claim ends: one that cannot be read (empty, truncated, or
    /// not a claim, as a sender that crashed or ran out of disk may leave) ends <paramref name="lease"/> after the file
    /// was last written, so it holds the reader off no longer than a readable claim would.
    /// </summary>
    private static async Task<DateTimeOffset> ClaimedUntilAsync(string path, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await ReadClaimAsync(path, cancellationToken) is { } claim)
        {
            return claim.ClaimedUntil;
        }

        var written = File.GetLastWriteTimeUtc(path);
        return written.Year <= 1601 ? DateTimeOffset.MinValue : new DateTimeOffset(written, TimeSpan.Zero) + lease;
    }

    /// <summary>The claim in the file; null when it is gone or cannot be read as a claim.</summary>
    private static async Task<LocalClaim?> ReadClaimAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<LocalClaim>(await File.ReadAllTextAsync(path, cancellationToken), DigestJson.Options) is { } claim
                && RecordShape.FindFault(claim) is null ? claim : null;
        }
        catch (Exception unreadable) when (unreadable is JsonException or FileNotFoundException)
        {
            return null;
        }
    }

    private static void DeleteIfThere(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // Left behind: an unreadable claim expires after its lease.
        }
    }

    public async Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriber.Email);
        using var exclusive = await FileLock.AcquireAsync(SubscribersLock, LockTimeout, cancellationToken);
        var subscribers = await ListConfirmedAsync(cancellationToken)
            .Where(s => !string.Equals(s.Email, subscriber.Email, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(cancellationToken);
        subscribers.Add(subscriber);
        await WriteJsonAsync(SubscribersFile, subscribers, cancellationToken);
    }

    public async Task<bool> RemoveSubscriberAsync(string email, CancellationToken cancellationToken = default)
    {
        using var exclusive = await FileLock.AcquireAsync(SubscribersLock, LockTimeout, cancellationToken);
        var subscribers = await ListConfirmedAsync(cancellationToken).ToListAsync(cancellationToken);
        var kept = subscribers.Where(s => !string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == subscribers.Count)
        {
            return false;
        }

        await WriteJsonAsync(SubscribersFile, kept, cancellationToken);
        return true;
    }

    public async Task<bool> AddArticleAsync(StoredArticle article, CancellationToken cancellationToken = default)
    {
        var path = ArticlePath(article.Name);
        if (File.Exists(path))
        {
            return false;
        }

        if (Directory.Exists(path) || ClashingFile(path) is not null)
        {
            // A folder can hold 'x.txt' or 'x.txt/a.txt' but not both; a storage account can.
            throw new ArticleNameClashException(
                $"Article '{article.Name}' clashes with article '{(Directory.Exists(path) ? article.Name + "/..." : Path.GetRelativePath(ArticlesFolder, ClashingFile(path)!).Replace('\\', '/'))}' in the local folder; rename one of them.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(IncomingFolder);
        var temporary = Path.Combine(IncomingFolder, Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(temporary, article.Content, cancellationToken);
        try
        {
            // A move that never overwrites is the local If-None-Match: *: a second writer cannot replace the first one's file.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }

        await WriteJsonAsync(ArticleMetadataPath(article.Name), article with { Content = [] }, cancellationToken);
        return true;
    }

    public async Task<StoredArticle?> GetArticleAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = ArticlePath(name);
        if (!File.Exists(path))
        {
            return null;
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var metadata = await ReadAsync<StoredArticle>(ArticleMetadataPath(name), "article metadata", name, cancellationToken);
        return (metadata ?? new StoredArticle(name, [])) with { Name = name, Content = content };
    }

    public async IAsyncEnumerable<string> ListArticleNamesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(ArticlesFolder))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(ArticlesFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ArticlesFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(n => prefix is null || n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }

        await Task.CompletedTask;
    }

    public async Task EnqueueAsync(string body, CancellationToken cancellationToken = default)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxJobBytes)
        {
            throw new ArgumentException($"Job is {System.Text.Encoding.UTF8.GetByteCount(body):N0} bytes; the limit is {MaxJobBytes:N0} bytes (48 KiB), as on Azure Storage queues.", nameof(body));
        }

        var now = clock.GetUtcNow();
        var id = $"{now.UtcTicks:D20}-{Guid.NewGuid():N}";
        await WriteJsonAsync(Path.Combine(JobsFolder, id + ".json"), new LocalJob(id, body, 0, now, null), cancellationToken);
    }

    public async Task<QueuedJob?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(JobsFolder))
        {
            return null;
        }

        using var exclusive = await FileLock.AcquireAsync(QueueLock, LockTimeout, cancellationToken);
        {
            foreach (var path in Directory.EnumerateFiles(JobsFolder, "*.json").Order(StringComparer.Ordinal).ToArray())
            {
                LocalJob? job;
                try
                {
                    job = await ReadAsync<LocalJob>(path, "job", Path.GetFileName(path), cancellationToken);
                }
                catch (DamagedRecordException damaged)
                {
                    // The file is not a job any more (truncated, edited by hand): it is handed out once, marked, with
                    // what it held, for the caller to set aside; it never stops the jobs after it.
                    DamagedRecordLog.Skipped(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, damaged, damaged.Kind, damaged.Item);
                    var held = await File.ReadAllTextAsync(path, cancellationToken);
                    job = new LocalJob(Path.GetFileNameWithoutExtension(path), held.Length > MaxJobBytes ? held[..MaxJobBytes] : held, 0, DateTimeOffset.MinValue, null)
                    {
                        Damage = $"the stored job file is damaged: {damaged.InnerException?.Message ?? damaged.Message}",
                    };
                }

                var now = clock.GetUtcNow();
                if (job is null || job.VisibleAt > now)
                {
                    continue;
                }

                job = job with { DequeueCount = job.DequeueCount + 1, VisibleAt = now + visibilityTimeout, Receipt = Guid.NewGuid().ToString("N") };
                if (job.DequeueCount > IJobQueue.MaxDequeueCount)
                {
                    await WriteJsonAsync(Path.Combine(PoisonFolder, job.Id + ".json"), job, cancellationToken);
                    File.Delete(path);
                    continue;
                }

                await WriteJsonAsync(path, job, cancellationToken);
                return new QueuedJob(job.Id, job.Receipt, job.Body, job.DequeueCount, job.Damage);
            }

            return null;
        }
    }

    public async Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken = default)
    {
        using var exclusive = await FileLock.AcquireAsync(QueueLock, LockTimeout, cancellationToken);
        {
            if (!job.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return;
            }

            var path = Path.Combine(JobsFolder, job.Id + ".json");
            var stored = await ReadAsync<LocalJob>(path, "job", job.Id, cancellationToken);
            if (stored is not null && stored.Receipt == job.Receipt)
            {
                File.Delete(path);
            }
        }
    }

    public async Task SetAsideAsync(QueuedJob job, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        using var exclusive = await FileLock.AcquireAsync(QueueLock, LockTimeout, cancellationToken);
        {
            if (job.Id.Length == 0 || Path.GetFileName(job.Id) != job.Id || job.Id is "." or "..")
            {
                return;
            }

            var path = Path.Combine(JobsFolder, job.Id + ".json");
            var stored = await ReadJobIfReadableAsync(path, cancellationToken);
            if (stored is null || stored.Receipt != job.Receipt)
            {
                return;
            }

            await WriteJsonAsync(Path.Combine(PoisonFolder, job.Id + ".json"), stored with { Reason = reason, Damage = null }, cancellationToken);
            File.Delete(path);
        }
    }

    private static async Task<LocalJob?> ReadJobIfReadableAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync<LocalJob>(path, "job", Path.GetFileName(path), cancellationToken);
        }
        catch (DamagedRecordException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, 32);
        return await ReadAllAsync<LocalJob>(PoisonFolder, "job", cancellationToken).Take(max).Select(j => j.Body).ToListAsync(cancellationToken);
    }

    /// <param name="Damage">Why the file this job was rebuilt from could not be read (then <paramref name="Body"/> is what it held).</param>
    /// <param name="Reason">Why the job was set aside (in the poison folder only).</param>
    private sealed record LocalJob(string Id, string Body, int DequeueCount, DateTimeOffset VisibleAt, string? Receipt)
    {
        public string? Damage { get; init; }

        public string? Reason { get; init; }
    }

    private string ArticlePath(string name)
    {
        BlobNames.Validate(name);
        return Path.Combine(ArticlesFolder, Path.Combine(name.Split('/')));
    }

    /// <summary>A file standing where one of <paramref name="path"/>'s parent folders would have to be.</summary>
    private string? ClashingFile(string path)
    {
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > ArticlesFolder.Length; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }

    private string ArticleMetadataPath(string name) => Path.Combine(ArticleMetadataFolder, SafeNames.ToFileName(name) + ".json");

    private string BriefingPath(DateOnly date, string extension) =>
        Path.Combine(BriefingsFolder, date.ToIso() + extension);

    private string DeliveryPath(string deliveryKey) => Path.Combine(DeliveriesFolder, SafeNames.ToFileName(deliveryKey) + ".json");

    private static async Task<T?> ReadAsync<T>(string path, string kind, string item, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return RecordShape.Checked(await JsonSerializer.DeserializeAsync<T>(stream, DigestJson.Options, cancellationToken) ?? throw new JsonException("it is JSON null"));
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException damaged)
        {
            throw new DamagedRecordException(kind, item, path, damaged);
        }
    }

    /// <summary>Every readable record in the folder; a damaged one is skipped and reported, so one bad file never stops a listing.</summary>
    private async IAsyncEnumerable<T> ReadAllAsync<T>(string folder, string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            T? item;
            try
            {
                item = await ReadAsync<T>(path, kind, Path.GetFileNameWithoutExtension(path), cancellationToken);
            }
            catch (DamagedRecordException damaged)
            {
                DamagedRecordLog.Skipped(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, damaged, damaged.Kind, damaged.Item);
                continue;
            }

            if (item is not null)
            {
                yield return item;
            }
        }
    }

    private static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteTextAsync(path, JsonSerializer.Serialize(value, DigestJson.Options), cancellationToken);

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
