using System.Text;
using System.Text.Unicode;

namespace Digest.Articles.Decoding;

/// <summary>
/// Turns the raw bytes of an upload into text: UTF-8 (with or without BOM), UTF-16 and UTF-32 LE/BE with BOM, and Windows-1252
/// for bytes that are not valid UTF-8. Rejects files that are not text at all (images, archives, PDFs, binaries).
/// </summary>
internal static class ArticleTextDecoder
{
    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static readonly (byte[] Magic, string Description)[] BinarySignatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or Office document"),
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old-style Office document"),
        ("{\\rtf"u8.ToArray(), "an RTF document"),
    ];

    /// <summary>Decodes <paramref name="content"/> to text.</summary>
    /// <exception cref="ArticleRejectedException">With <see cref="RejectionCode.NotText"/> when the bytes are not text.</exception>
    public static string Decode(string name, ReadOnlySpan<byte> content)
    {
        foreach (var (magic, description) in BinarySignatures)
        {
            if (content.StartsWith(magic))
            {
                throw NotText(name, $"the file is {description}, not text");
            }
        }

        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            // Checked before UTF-16: FF FE 00 00 also begins UTF-16 LE text whose first character is NUL, which no article is.
            text = DecodeUtf32(name, content[4..], bigEndian: content[0] == 0x00);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(content[3..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content[2..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        else
        {
            var nul = content.IndexOf((byte)0);
            if (nul >= 0 && LooksLikeUtf16(content))
            {
                throw NotText(name, "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8");
            }

            if (nul >= 0)
            {
                throw NotText(name, $"the file looks binary (NUL bytes at offset {nul}), not text");
            }

            text = Utf8.IsValid(content) ? Encoding.UTF8.GetString(content) : DecodeMixed(content);
        }

        RejectControlCharacters(name, text);
        return text;
    }

    private static string DecodeUtf32(string name, ReadOnlySpan<byte> content, bool bigEndian)
    {
        var order = bigEndian ? "big-endian" : "little-endian";
        if (content.Length % 4 != 0)
        {
            throw NotText(name, $"the file has a UTF-32 ({order}) byte-order mark but its length is not a whole number of UTF-32 characters; save it as UTF-8");
        }

        try
        {
            return new UTF32Encoding(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw NotText(name, $"the file has a UTF-32 ({order}) byte-order mark but holds values that are not Unicode characters; save it as UTF-8");
        }
    }

    /// <summary>Text has a few stray control characters at most; a file full of them is binary whatever its name.</summary>
    /// <summary>
    /// Bytes that are not valid UTF-8. A file with no valid multi-byte UTF-8 sequence at all is a Windows-1252 file.
    /// One that has some is UTF-8 with a few stray Windows-1252 bytes (text pasted from elsewhere): each valid
    /// sequence is read as UTF-8 and only each invalid byte as Windows-1252, so one stray byte garbles nothing else.
    /// </summary>
    private static string DecodeMixed(ReadOnlySpan<byte> content)
    {
        var builder = new StringBuilder(content.Length);
        var sawMultiByte = false;
        Span<char> chars = stackalloc char[2];
        var rest = content;
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                sawMultiByte |= consumed > 1;
                builder.Append(chars[..rune.EncodeToUtf16(chars)]);
            }
            else
            {
                consumed = 1;
                builder.Append(Windows1252.GetString(rest[..1]));
            }

            rest = rest[consumed..];
        }

        return sawMultiByte ? builder.ToString() : Windows1252.GetString(content);
    }

    private static void RejectControlCharacters(string name, string text)
    {
        var count = 0;
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsBinaryControl(text[i]))
            {
                count++;
                first = first < 0 ? i : first;
            }
        }

        if (count >= 3 && count * 100 > text.Length)
        {
            var what = text.Contains('\0') ? "NUL characters" : "control characters";
            throw NotText(name, $"the file looks binary ({count:N0} {what}, the first at character {first}), not text");
        }
    }

    /// <summary>ASCII-range UTF-16 has a NUL in every other byte (high bytes first in BE, second in LE).</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> content)
    {
        var sample = content[..(Math.Min(content.Length, 512) & ~1)];
        if (sample.Length < 8)
        {
            return false;
        }

        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenNuls += sample[i] == 0 ? 1 : 0;
            oddNuls += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        return (evenNuls * 10 >= pairs * 9 && oddNuls == 0) || (oddNuls * 10 >= pairs * 9 && evenNuls == 0);
    }

    private static bool IsBinaryControl(char c) =>
        c is not ('\n' or '\r' or '\t' or '\f') && (char.IsControl(c) || c == '\uFFFD');

    private static ArticleRejectedException NotText(string name, string reason) =>
        new(name, RejectionCode.NotText, reason);

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
