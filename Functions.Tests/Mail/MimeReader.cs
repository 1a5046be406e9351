using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Tests.Mail;

/// <summary>
/// A small, strict reader for the messages Digest writes, so tests check the bytes on disk rather than the writer's
/// own view of them: header unfolding, RFC 2047 encoded-words, multipart boundaries and quoted-printable bodies.
/// </summary>
internal sealed partial class MimeReader
{
    private MimeReader(IReadOnlyList<KeyValuePair<string, string>> headers, string boundary, IReadOnlyList<MimePart> parts, string raw)
    {
        Headers = headers;
        Boundary = boundary;
        Parts = parts;
        Raw = raw;
    }

    /// <summary>Top-level headers, unfolded, values still encoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The multipart boundary from Content-Type.</summary>
    public string Boundary { get; }

    public IReadOnlyList<MimePart> Parts { get; }

    public string Raw { get; }

    public static MimeReader Parse(byte[] bytes)
    {
        Assert.All(bytes, b => Assert.True(b < 128, "a message must be 7-bit ASCII"));
        var raw = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotMatch("[^\r]\n", raw);
        Assert.DoesNotMatch("\r[^\n]", raw);

        var (headers, body) = SplitHeaders(raw);
        var contentType = Single(headers, "Content-Type");
        Assert.StartsWith("multipart/alternative;", contentType);
        var boundary = BoundaryParameter().Match(contentType).Groups[1].Value;
        Assert.NotEmpty(boundary);

        var sections = ("\r\n" + body).Split("\r\n--" + boundary);
        Assert.True(sections.Length >= 3, "expected at least two parts");
        Assert.StartsWith("--", sections[^1]);
        var parts = sections[1..^1].Select(section =>
        {
            Assert.StartsWith("\r\n", section);
            var (partHeaders, content) = SplitHeaders(section[2..]);
            Assert.Equal("quoted-printable", Single(partHeaders, "Content-Transfer-Encoding"));
            var type = Single(partHeaders, "Content-Type");
            Assert.EndsWith("; charset=utf-8", type);
            return new MimePart(type.Split(';')[0], DecodeQuotedPrintable(content));
        }).ToList();
        return new MimeReader(headers, boundary, parts, raw);
    }

    /// <summary>The decoded value of the one header called <paramref name="name"/>.</summary>
    public string Header(string name) => DecodeEncodedWords(Single(Headers, name));

    public bool HasHeader(string name) => Headers.Any(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase));

    public string Body(string mediaType) => Assert.Single(Parts, part => part.MediaType == mediaType).Text;

    public static string DecodeEncodedWords(string value)
    {
        var joined = AdjacentEncodedWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            Assert.Equal("UTF-8", match.Groups[1].Value, ignoreCase: true);
            Assert.True(match.Length <= 75, $"encoded-word longer than 75 characters: {match.Value}");
            var payload = match.Groups[3].Value;
            var bytes = match.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(payload)
                : DecodeQ(payload);
            return Encoding.UTF8.GetString(bytes);
        });
    }

    private static byte[] DecodeQ(string payload)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] == '=')
            {
                bytes.Add(Convert.ToByte(payload.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(payload[i] == '_' ? (byte)' ' : (byte)payload[i]);
            }
        }

        return [.. bytes];
    }

    private static string DecodeQuotedPrintable(string content)
    {
        var bytes = new List<byte>(content.Length);
        var unwrapped = content.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < unwrapped.Length; i++)
        {
            var c = unwrapped[i];
            Assert.True(c is '\r' or '\n' or '\t' or (>= ' ' and <= '~'), $"raw character {(int)c} in quoted-printable text");
            if (c == '=')
            {
                bytes.Add(Convert.ToByte(unwrapped.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static (List<KeyValuePair<string, string>> Headers, string Body) SplitHeaders(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no blank line after the headers");
        var unfolded = Regex.Replace(text[..end], "\r\n(?=[ \t])", string.Empty);
        var headers = unfolded.Split("\r\n").Select(line =>
        {
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, $"not a header line: {line}");
            return KeyValuePair.Create(line[..colon], line[(colon + 1)..].TrimStart(' ', '\t'));
        }).ToList();
        return (headers, text[(end + 4)..]);
    }

    private static string Single(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        Assert.Single(headers, header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=[ \t]+=\?")]
    private static partial Regex AdjacentEncodedWords();
}

/// <summary>One decoded body part.</summary>
internal sealed record MimePart(string MediaType, string Text);
