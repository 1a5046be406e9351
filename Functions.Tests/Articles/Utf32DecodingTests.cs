using System.Text;
using Digest.Articles;

namespace Digest.Tests.Articles;

/// <summary>UTF-32 files with their byte-order mark are text: read them (they were refused as binary, full of NULs).</summary>
public sealed class Utf32DecodingTests
{
    private const string Text = "Café owners “cheered” the vote — all 12 of them said the bridge matters 🌉.";

    private static Article Read(byte[] content) => new ArticleReader(new IntakeOptions()).Read("story.txt", content);

    [Fact]
    public void Read_Utf32LittleEndianWithBom_Decodes()
    {
        var article = Read([0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Utf32BigEndianWithBom_Decodes()
    {
        var article = Read([0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Utf32WithBomAndAHalfCharacterAtTheEnd_IsRefusedNamingUtf32()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Read([0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes("Half a character"), 0x41, 0x00]));

        Assert.Contains("UTF-32", error.Message);
    }

    [Fact]
    public void Read_Utf32WithBomAndCodePointsOutsideUnicode_IsRefusedNamingUtf32()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Read([0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes("Out of range"), 0xFF, 0xFF, 0xFF, 0x7F]));

        Assert.Contains("UTF-32", error.Message);
    }

    [Fact]
    public void Read_Utf16LittleEndianWithBomStartingWithANul_IsStillUtf16()
    {
        // FF FE 00 00 is also UTF-16 LE text that starts with U+0000; a NUL-led article is no article, so UTF-32 wins,
        // but UTF-16 text without that NUL must keep decoding as UTF-16.
        var article = Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }
}
