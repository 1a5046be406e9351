using System.Text;
using MimeKit;

namespace Digest.Tests.Mail;

/// <summary>
/// Reads the emails Digest writes with MimeKit's parser, after checking what must hold on the wire: 7-bit ASCII, CRLF
/// line endings only, and text parts in UTF-8 quoted-printable.
/// </summary>
internal static class MimeMessages
{
    public static MimeMessage Parse(byte[] bytes)
    {
        Assert.True(bytes.All(b => b < 128), "a message must be 7-bit ASCII");
        var raw = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotMatch("[^\r]\n", raw);
        Assert.DoesNotMatch("\r[^\n]", raw);

        using var stream = new MemoryStream(bytes);
        var message = MimeMessage.Load(stream);
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.All(message.BodyParts.OfType<TextPart>(), part =>
        {
            Assert.Equal(ContentEncoding.QuotedPrintable, part.ContentTransferEncoding);
            Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        });
        return message;
    }

    /// <summary>The value of the one header called <paramref name="name"/>, unfolded and decoded.</summary>
    public static string Header(this MimeMessage message, string name) =>
        Assert.Single(message.Headers, header => string.Equals(header.Field, name, StringComparison.OrdinalIgnoreCase)).Value.Trim();

    public static bool HasHeader(this MimeMessage message, string name) => message.Headers.Contains(name);

    /// <summary>The decoded text of the one part of <paramref name="mediaType"/>, e.g. <c>text/plain</c>.</summary>
    public static string Body(this MimeMessage message, string mediaType) =>
        Assert.Single(message.BodyParts.OfType<TextPart>(), part => part.ContentType.MimeType == mediaType).Text;
}
