using Digest.Briefings;
using Digest.Summaries;

namespace Digest.Storage;

/// <summary>An article that intake set aside, with its reason; it appears in the next briefing's report.</summary>
public sealed record Rejection(string Article, string Reason, string? ContentHash, DateTimeOffset RejectedAt);

/// <summary>Summary records and rejections, one per article name.</summary>
public interface ISummaryStore
{
    Task<ArticleSummary?> FindAsync(string article, CancellationToken cancellationToken = default);

    Task SaveAsync(ArticleSummary summary, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ArticleSummary> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Summaries made at or after <paramref name="since"/>. Stores that can tell when a record was written (blob
    /// Last-Modified) read only the recent ones, so a daily briefing does not download every summary ever made.
    /// </summary>
    IAsyncEnumerable<ArticleSummary> ListSummarizedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ListAsync(cancellationToken).Where(s => s.SummarizedAt >= since);

    Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Rejections recorded at or after <paramref name="since"/>.</summary>
    IAsyncEnumerable<Rejection> ListRejectedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ListRejectionsAsync(cancellationToken).Where(r => r.RejectedAt >= since);
}

/// <summary>A composed briefing in its three forms.</summary>
public sealed record StoredBriefing(Briefing Briefing, string Html, string Text);

/// <summary>Briefings by date, in JSON, HTML and plain text.</summary>
public interface IBriefingStore
{
    Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default);

    Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default);

    /// <summary>The dates that have a stored briefing, newest first (for the archive and previous / next links).</summary>
    Task<IReadOnlyList<DateOnly>> ListBriefingDatesAsync(CancellationToken cancellationToken = default);

    /// <summary>The email jobs of the briefing of <paramref name="date"/>, as fixed by its first fan-out; null before.</summary>
    Task<IReadOnlyList<Mail.EmailJob>?> FindFanOutPlanAsync(DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the fan-out plan unless one is stored already, and returns the stored one: the first plan wins, so a
    /// rerun queues exactly the batches of the first run even if readers subscribed or left in between.
    /// </summary>
    Task<IReadOnlyList<Mail.EmailJob>> SaveFanOutPlanAsync(DateOnly date, IReadOnlyList<Mail.EmailJob> jobs, CancellationToken cancellationToken = default);
}

/// <summary>A confirmed subscriber.</summary>
public sealed record Subscriber(string Email, string? Name = null);

/// <summary>The people who receive the briefing.</summary>
public interface ISubscriberStore
{
    IAsyncEnumerable<Subscriber> ListConfirmedAsync(CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IDeliveryLog.TryClaimAsync"/> found.</summary>
public enum ClaimOutcome
{
    /// <summary>The caller holds the claim: send, then <see cref="IDeliveryLog.RecordDeliveredAsync"/>.</summary>
    Claimed,

    /// <summary>The email was sent before: do not send.</summary>
    AlreadyDelivered,

    /// <summary>Another sender holds a claim that has not expired: do not send now; try again after the lease.</summary>
    HeldElsewhere,
}

/// <summary>The answer to a claim: its outcome and, when claimed, the token that releases it.</summary>
public sealed record DeliveryClaim(string DeliveryKey, ClaimOutcome Outcome, string? Token = null);

/// <summary>
/// Remembers which emails went out, keyed by a stable delivery key (briefing date + recipient), so a rerun or a
/// redelivered job never sends the same email twice. Sending goes claim, send, record: only one sender can win the
/// claim for a key (a create that fails when it exists), so concurrent senders never both send. A claim whose holder
/// died expires after its lease; then the next sender may take it over (again only one wins) and send.
/// </summary>
public interface IDeliveryLog
{
    Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the claim to send the email of <paramref name="deliveryKey"/> for <paramref name="lease"/>, unless it was
    /// delivered or another sender holds an unexpired claim.
    /// </summary>
    Task<DeliveryClaim> TryClaimAsync(string deliveryKey, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim up without recording a delivery (the send failed), so the next attempt need not wait for the lease. Does nothing when the claim was taken over.</summary>
    Task ReleaseClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Records the email as sent (write-once: recording again is harmless).</summary>
    Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default);
}

/// <summary>
/// An uploaded article file with what is known about it: the outlet it is from, its URL and the original file name.
/// <see cref="Name"/> is its name in the store (a relative path such as <c>harbor-times/budget.txt</c>).
/// </summary>
public sealed record StoredArticle(string Name, byte[] Content, string? Outlet = null, string? Url = null, string? OriginalFileName = null);

/// <summary>The uploaded article files, by name. An article is written once: a second upload under the same name is refused.</summary>
public interface IArticleStore
{
    /// <summary>Stores the article unless one with its name exists. Returns false (and changes nothing) when it exists.</summary>
    /// <exception cref="ArgumentException">The name is empty or tries to leave the store (<c>../</c>, leading '/', backslashes).</exception>
    Task<bool> AddArticleAsync(StoredArticle article, CancellationToken cancellationToken = default);

    /// <summary>The article with its metadata, or null.</summary>
    Task<StoredArticle?> GetArticleAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Names of the stored articles that start with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListArticleNamesAsync(string? prefix = null, CancellationToken cancellationToken = default);
}

/// <summary>A job taken from the queue: hidden from other readers until completed or until its visibility timeout ends.</summary>
/// <param name="Damage">
/// Set when the stored job itself could not be read (a truncated or hand-edited file of the local queue): why, with
/// <paramref name="Body"/> holding what the file held. Such a job can only be set aside (<see cref="IJobQueue.SetAsideAsync"/>).
/// </param>
public sealed record QueuedJob(string Id, string Receipt, string Body, int DequeueCount, string? Damage = null);

/// <summary>
/// A queue of jobs (the email-jobs queue: one message per email to send). A received job is hidden for a while; if it
/// is not completed it comes back. A job received more than <see cref="MaxDequeueCount"/> times is moved to the poison
/// queue instead of being handed out again.
/// </summary>
public interface IJobQueue
{
    /// <summary>Times a job is handed out before it counts as poison (the Azure Functions queue trigger's default).</summary>
    const int MaxDequeueCount = 5;

    /// <summary>Adds a job. Bodies over 48 KiB of UTF-8 are refused with <see cref="ArgumentException"/> before anything is stored.</summary>
    Task EnqueueAsync(string body, CancellationToken cancellationToken = default);

    /// <summary>The next visible job, hidden for <paramref name="visibilityTimeout"/>; null when none is waiting.</summary>
    Task<QueuedJob?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a job that was handled. Does nothing when it was completed already, or when it was handed out again
    /// after its visibility timeout (the new holder completes it).
    /// </summary>
    Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a received job to the poison queue now, with <paramref name="reason"/>, because retrying cannot help (it is
    /// not an email job, or its briefing is not stored): it stops being handed out and the other jobs go on. Its body is
    /// kept unchanged, so an operator can repair it and queue it again. Does nothing when the job was completed already.
    /// </summary>
    Task SetAsideAsync(QueuedJob job, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> (1-32) bodies from the front of the poison queue, oldest first, without removing or
    /// hiding them.
    /// </summary>
    Task<IReadOnlyList<string>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default);
}

/// <summary>Adds and removes subscribers (the list <see cref="ISubscriberStore"/> reads).</summary>
public interface ISubscriberDirectory : ISubscriberStore
{
    /// <summary>Adds or replaces the subscriber with this email address (compared case-insensitively).</summary>
    Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscriber; false when there was none.</summary>
    Task<bool> RemoveSubscriberAsync(string email, CancellationToken cancellationToken = default);
}

/// <summary>Everything Digest stores, in one place: the local folder or one Azure Storage account.</summary>
public interface IDigestStore : ISummaryStore, IBriefingStore, ISubscriberDirectory, IDeliveryLog, IArticleStore, IJobQueue;
