using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Mail;

/// <summary>
/// Writes an <see cref="EmailMessage"/> as an RFC 5322 message: a multipart/alternative body with a plain-text part
/// followed by an HTML part, both UTF-8 quoted-printable, CRLF line endings throughout. The whole message is checked
/// before a single byte is written: addresses must pass <see cref="EmailAddressRules"/>, and a CR or LF in any header
/// value, display name or address is refused with an <see cref="ArgumentException"/>.
/// </summary>
public static class MimeMessageWriter
{
    /// <summary>Headers this writer produces itself; <see cref="EmailMessage.Headers"/> may not set them.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    };

    /// <summary>Writes <paramref name="message"/> to <paramref name="destination"/> (ASCII bytes only).</summary>
    /// <exception cref="ArgumentException">An address, header or the Message-ID is not valid.</exception>
    public static void Write(EmailMessage message, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);

        var text = Format(message);
        destination.Write(Encoding.ASCII.GetBytes(text));
    }

    private static string Format(EmailMessage message)
    {
        var output = new StringBuilder(message.TextBody.Length + (message.HtmlBody.Length * 11 / 10) + 2048);
        output.Append("Date: ").Append(FormatDate(message.Date)).Append("\r\n");
        HeaderFields.AppendMailbox(output, "From", message.From);
        HeaderFields.AppendMailbox(output, "To", message.To);
        HeaderFields.AppendText(output, "Subject", message.Subject);
        output.Append("Message-ID: <").Append(ValidMessageId(message.MessageId)).Append(">\r\n");
        output.Append("MIME-Version: 1.0\r\n");
        foreach (var (name, value) in message.Headers.OrderBy(header => header.Key, StringComparer.Ordinal))
        {
            HeaderFields.EnsureSingleLine(name, "Header name");
            if (!HeaderFields.IsFieldName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid header name.", nameof(message));
            }

            if (OwnHeaders.Contains(name))
            {
                throw new ArgumentException($"Header {name} is written from the message itself and cannot be set in Headers.", nameof(message));
            }

            HeaderFields.AppendAscii(output, name, value);
        }

        var boundary = Boundary(message);
        output.Append("Content-Type: multipart/alternative;\r\n boundary=\"").Append(boundary).Append("\"\r\n")
            .Append("\r\n");
        AppendPart(output, boundary, "text/plain", message.TextBody);
        AppendPart(output, boundary, "text/html", message.HtmlBody);
        output.Append("\r\n--").Append(boundary).Append("--\r\n");
        return output.ToString();
    }

    private static void AppendPart(StringBuilder output, string boundary, string mediaType, string body)
    {
        output.Append("\r\n--").Append(boundary).Append("\r\n")
            .Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: quoted-printable\r\n")
            .Append("\r\n");
        QuotedPrintable.Encode(body, output);
    }

    /// <summary>
    /// A deterministic boundary starting with "=_". Quoted-printable text never contains "=_" (every '=' it writes is
    /// followed by a hex digit or a line break), so the boundary cannot occur in either part.
    /// </summary>
    private static string Boundary(EmailMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.MessageId}\n{message.TextBody}\n{message.HtmlBody}"));
        return $"=_Digest_{Convert.ToHexStringLower(hash)[..24]}";
    }

    /// <summary>RFC 5322 date-time, e.g. <c>Fri, 20 Nov 2026 06:00:00 +0000</c>.</summary>
    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{date:ddd, dd MMM yyyy HH:mm:ss} {sign}{absolute.Hours:00}{absolute.Minutes:00}");
    }

    private static string ValidMessageId(string messageId)
    {
        HeaderFields.EnsureSingleLine(messageId ?? string.Empty, "Message-ID");
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
}
