using System.Text.Encodings.Web;
using System.Text.Json;

namespace Digest.Mail;

/// <summary>
/// Writes the JSON body of SendGrid's v3 <c>POST /v3/mail/send</c> for a batch: one personalization per recipient
/// with its own <c>List-Unsubscribe</c> header, substitutions (its unsubscribe token) and custom argument (its
/// Message-ID), then the shared sender, subject, plain-text and HTML content, headers, categories and settings.
/// Everything is checked first: addresses, single-line header values, at most 1,000 recipients.
/// </summary>
internal static class SendGridPayload
{
    /// <summary>Headers SendGrid takes from fields of their own, not from <c>headers</c>.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reply-To", "From", "To", "Cc", "Bcc", "Subject", "Content-Type", "Content-Transfer-Encoding", "Message-ID", "Date",
        "MIME-Version", "Received", "DKIM-Signature", "x-sg-id", "x-sg-eid",
    };

    /// <summary>Custom argument carrying each email's Message-ID into SendGrid's event data.</summary>
    public const string MessageIdArgument = "message_id";

    /// <exception cref="ArgumentException">The batch is empty, too large, or holds an invalid address or header.</exception>
    public static void Write(EmailBatch batch, SendGridOptions options, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        Validate(batch);

        // Relaxed escaping keeps HTML and non-English text readable and small; the JSON is never embedded in a page.
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("personalizations");
        foreach (var recipient in batch.Recipients)
        {
            json.WriteStartObject();
            json.WriteStartArray("to");
            WriteAddress(json, recipient.To);
            json.WriteEndArray();
            WriteMap(json, "headers", recipient.Headers);
            WriteMap(json, "substitutions", recipient.Substitutions);
            json.WriteStartObject("custom_args");
            json.WriteString(MessageIdArgument, recipient.MessageId);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("from");
        WriteAddress(json, batch.From);
        if (batch.Headers.TryGetValue("Reply-To", out var replyTo))
        {
            json.WritePropertyName("reply_to");
            WriteAddress(json, new MailAddress(replyTo));
        }

        json.WriteString("subject", batch.Subject);
        json.WriteStartArray("content");
        WriteContent(json, "text/plain", batch.TextBody);
        WriteContent(json, "text/html", batch.HtmlBody);
        json.WriteEndArray();
        WriteMap(json, "headers", batch.Headers.Where(header => !ReservedHeaders.Contains(header.Key)));
        WriteCategories(json, options, batch.Category);
        if (options.SandboxMode)
        {
            json.WriteStartObject("mail_settings");
            WriteSwitch(json, "sandbox_mode", enable: true);
            json.WriteEndObject();
        }

        json.WriteStartObject("tracking_settings");
        json.WriteStartObject("click_tracking");
        json.WriteBoolean("enable", options.TrackOpensAndClicks);
        json.WriteBoolean("enable_text", options.TrackOpensAndClicks);
        json.WriteEndObject();
        WriteSwitch(json, "open_tracking", options.TrackOpensAndClicks);
        // Our own one-click link is in every email; SendGrid's would be a second, different one.
        WriteSwitch(json, "subscription_tracking", enable: false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Validate(EmailBatch batch)
    {
        if (batch.Recipients.Count is 0 or > SendGridOptions.MaxPersonalizations)
        {
            throw new ArgumentException(
                $"A SendGrid request takes 1 to {SendGridOptions.MaxPersonalizations} recipients; this batch has {batch.Recipients.Count}.", nameof(batch));
        }

        ValidateMailbox(batch.From, "From");
        HeaderFields.EnsureSingleLine(batch.Subject, "Subject");
        ValidateHeaders(batch.Headers);
        if (batch.Headers.TryGetValue("Reply-To", out var replyTo))
        {
            EmailAddressRules.EnsureValid(replyTo, "Reply-To");
        }

        foreach (var recipient in batch.Recipients)
        {
            ValidateMailbox(recipient.To, "To");
            ValidateHeaders(recipient.Headers);
            foreach (var (tag, value) in recipient.Substitutions)
            {
                HeaderFields.EnsureSingleLine(value, $"Substitution {tag}");
            }
        }
    }

    private static void ValidateMailbox(MailAddress mailbox, string role)
    {
        ArgumentNullException.ThrowIfNull(mailbox, role);
        EmailAddressRules.EnsureValid(mailbox.Address, role);
        if (mailbox.DisplayName is not null)
        {
            HeaderFields.EnsureSingleLine(mailbox.DisplayName, $"{role} display name");
        }
    }

    private static void ValidateHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (!HeaderFields.IsFieldName(name))
            {
                throw new ArgumentException($"'{name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}' is not a valid header name.", nameof(headers));
            }

            HeaderFields.EnsureSingleLine(value, name);
        }
    }

    private static void WriteAddress(Utf8JsonWriter json, MailAddress mailbox)
    {
        json.WriteStartObject();
        json.WriteString("email", mailbox.Address);
        if (!string.IsNullOrEmpty(mailbox.DisplayName))
        {
            json.WriteString("name", mailbox.DisplayName);
        }

        json.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> values)
    {
        var started = false;
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!started)
            {
                json.WriteStartObject(name);
                started = true;
            }

            json.WriteString(key, value);
        }

        if (started)
        {
            json.WriteEndObject();
        }
    }

    private static void WriteCategories(Utf8JsonWriter json, SendGridOptions options, string? category)
    {
        var categories = options.Categories.Append(category)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c!.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(10)
            .ToList();
        if (categories.Count == 0)
        {
            return;
        }

        json.WriteStartArray("categories");
        foreach (var name in categories)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }

    private static void WriteSwitch(Utf8JsonWriter json, string name, bool enable)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("enable", enable);
        json.WriteEndObject();
    }
}
