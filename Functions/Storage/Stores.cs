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

    Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A composed briefing in its three forms.</summary>
public sealed record StoredBriefing(Briefing Briefing, string Html, string Text);

/// <summary>Briefings by date, in JSON, HTML and plain text.</summary>
public interface IBriefingStore
{
    Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default);

    Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default);
}

/// <summary>A confirmed subscriber.</summary>
public sealed record Subscriber(string Email, string? Name = null);

/// <summary>The people who receive the briefing.</summary>
public interface ISubscriberStore
{
    IAsyncEnumerable<Subscriber> ListConfirmedAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Remembers which emails went out, keyed by a stable delivery key (briefing date + recipient), so a rerun or a
/// redelivered job never sends the same email twice.
/// </summary>
public interface IDeliveryLog
{
    Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default);

    Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default);
}
