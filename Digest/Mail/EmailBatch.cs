namespace Digest.Mail;

/// <summary>
/// One email to many recipients: the content is shared, and each recipient brings its own address, Message-ID,
/// values for the substitution tags in the subject and bodies (e.g. its unsubscribe token) and its own headers
/// (e.g. <c>List-Unsubscribe</c>). SendGrid sends a batch as one request; other senders send
/// <see cref="MessageFor"/> of each recipient.
/// </summary>
public sealed record EmailBatch
{
    public required MailAddress From { get; init; }

    /// <summary>Subject; may contain substitution tags.</summary>
    public required string Subject { get; init; }

    /// <summary>Plain-text part; may contain substitution tags.</summary>
    public required string TextBody { get; init; }

    /// <summary>HTML part (article text already escaped); may contain substitution tags.</summary>
    public required string HtmlBody { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>Headers every recipient gets, e.g. <c>List-Unsubscribe-Post</c> or <c>Reply-To</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>What kind of email this is, for the sending service's statistics (e.g. <c>briefing</c>).</summary>
    public string? Category { get; init; }

    public required IReadOnlyList<BatchRecipient> Recipients { get; init; }

    /// <summary>A batch of one: <paramref name="message"/> as it is, its headers kept with its recipient.</summary>
    public static EmailBatch Of(EmailMessage message, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new EmailBatch
        {
            From = message.From,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Date = message.Date,
            Category = category,
            Recipients = [new BatchRecipient(message.To, message.MessageId) { Headers = message.Headers }],
        };
    }

    /// <summary>The complete email of <paramref name="recipient"/>: tags replaced, shared and own headers merged.</summary>
    public EmailMessage MessageFor(BatchRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in recipient.Headers)
        {
            headers[name] = value;
        }

        return new EmailMessage
        {
            From = From,
            To = recipient.To,
            Subject = Substitute(Subject, recipient),
            TextBody = Substitute(TextBody, recipient),
            HtmlBody = Substitute(HtmlBody, recipient),
            MessageId = recipient.MessageId,
            Date = Date,
            Headers = headers,
        };
    }

    private static string Substitute(string text, BatchRecipient recipient)
    {
        foreach (var (tag, value) in recipient.Substitutions)
        {
            text = text.Replace(tag, value, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>One recipient of an <see cref="EmailBatch"/>.</summary>
/// <param name="To">The recipient.</param>
/// <param name="MessageId">The recipient's own Message-ID (without angle brackets).</param>
public sealed record BatchRecipient(MailAddress To, string MessageId)
{
    /// <summary>Substitution tag to value; a value is inserted as it is into text and HTML, so it must be safe in both.</summary>
    public IReadOnlyDictionary<string, string> Substitutions { get; init; } = new Dictionary<string, string>();

    /// <summary>Headers of this recipient only, e.g. <c>List-Unsubscribe</c> with the recipient's link.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
