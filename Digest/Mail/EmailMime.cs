using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Digest.Mail;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into a MimeKit <see cref="MimeMessage"/>: a multipart/alternative body with a
/// plain-text part followed by an HTML part, both UTF-8 quoted-printable. MimeKit folds and encodes the headers; Digest
/// checks the message first: addresses must pass <see cref="EmailAddressRules"/>, a CR or LF in any header value,
/// display name or address is refused, extra headers are printable ASCII and may not replace the ones built here.
/// </summary>
internal static class EmailMime
{
    /// <summary>How messages are written: CRLF line endings, lines of at most 78 characters, 7-bit headers.</summary>
    public static FormatOptions Format { get; } = CreateFormat();

    /// <summary>Headers built from the message itself; <see cref="EmailMessage.Headers"/> may not set them.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "To", "Cc", "Bcc", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    };

    /// <exception cref="ArgumentException">An address, header or the Message-ID is not valid.</exception>
    public static MimeMessage Create(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage { Date = message.Date };
        mime.From.Add(Mailbox(message.From, "From"));
        mime.To.Add(Mailbox(message.To, "To"));
        EmailHeaderRules.EnsureSingleLine(message.Subject, "Subject");
        mime.Subject = message.Subject;
        mime.MessageId = ValidMessageId(message.MessageId);
        foreach (var (name, value) in message.Headers.OrderBy(header => header.Key, StringComparer.Ordinal))
        {
            EmailHeaderRules.EnsureExtraHeader(name, value);
            if (OwnHeaders.Contains(name))
            {
                throw new ArgumentException($"Header {name} is written from the message itself and cannot be set in Headers.", nameof(message));
            }

            if (string.Equals(name, "Reply-To", StringComparison.OrdinalIgnoreCase))
            {
                mime.ReplyTo.Add(Mailbox(new MailAddress(value), "Reply-To"));
            }
            else
            {
                mime.Headers.Add(name, value);
            }
        }

        var body = new MultipartAlternative { Boundary = Boundary(message) };
        body.Add(Part("plain", message.TextBody));
        body.Add(Part("html", message.HtmlBody));
        mime.Body = body;
        return mime;
    }

    /// <summary>Writes <paramref name="message"/> as it would travel: RFC 5322 bytes, CRLF lines, ASCII only.</summary>
    /// <exception cref="ArgumentException">An address, header or the Message-ID is not valid; nothing is written.</exception>
    public static void Write(EmailMessage message, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var mime = Create(message);
        mime.WriteTo(Format, destination);
    }

    private static MailboxAddress Mailbox(MailAddress mailbox, string role)
    {
        ArgumentNullException.ThrowIfNull(mailbox, role);
        EmailAddressRules.EnsureValid(mailbox.Address, role);
        if (mailbox.DisplayName is not null)
        {
            EmailHeaderRules.EnsureSingleLine(mailbox.DisplayName, $"{role} display name");
        }

        return new MailboxAddress(Encoding.UTF8, mailbox.DisplayName ?? string.Empty, mailbox.Address);
    }

    private static TextPart Part(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text.ReplaceLineEndings("\r\n"));
        return part;
    }

    /// <summary>
    /// A deterministic boundary starting with "=_", so the same message gives the same bytes. Quoted-printable text
    /// never contains "=_" (every '=' it writes is followed by a hex digit or a line break), so it cannot occur in a part.
    /// </summary>
    private static string Boundary(EmailMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.MessageId}\n{message.TextBody}\n{message.HtmlBody}"));
        return $"=_Digest_{Convert.ToHexStringLower(hash)[..24]}";
    }

    private static string ValidMessageId(string messageId)
    {
        EmailHeaderRules.EnsureSingleLine(messageId ?? string.Empty, "Message-ID");
        var at = messageId?.IndexOf('@') ?? -1;
        if (messageId is null || at < 0 || at != messageId.LastIndexOf('@')
            || !EmailAddressRules.IsDotAtom(messageId[..at]) || !EmailAddressRules.IsDotAtom(messageId[(at + 1)..]))
        {
            throw new ArgumentException(
                $"Message-ID '{messageId}' must look like left@right, both sides letters, digits, dots and mail-safe symbols, without angle brackets.",
                nameof(messageId));
        }

        return messageId;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;
        format.EnsureNewLine = true;
        return format;
    }
}
