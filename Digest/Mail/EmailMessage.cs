namespace Digest.Mail;

/// <summary>A mailbox: an address and an optional display name.</summary>
public sealed record MailAddress(string Address, string? DisplayName = null);

/// <summary>
/// One email, ready for any sender (outbox files, SMTP, SendGrid). Senders validate addresses and headers;
/// CR or LF in any header value is rejected, so header injection is impossible.
/// </summary>
public sealed record EmailMessage
{
    public required MailAddress From { get; init; }

    public required MailAddress To { get; init; }

    public required string Subject { get; init; }

    /// <summary>Plain-text part.</summary>
    public required string TextBody { get; init; }

    /// <summary>HTML part (every piece of article text already escaped).</summary>
    public required string HtmlBody { get; init; }

    /// <summary>Stable id without angle brackets, e.g. <c>briefing-2025-08-06-3f2a...@digest.local</c>; also the idempotency key.</summary>
    public required string MessageId { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>Extra headers such as <c>List-Unsubscribe</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
