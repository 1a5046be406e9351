using System.Text;
using Digest.Articles;

namespace Digest.Tests.Articles;

public class ArticleDecodingTests
{
    private const string Text = "Café owners “cheered” the vote — all 12 of them said the bridge matters.";

    private static Article Read(byte[] content) => new ArticleReader(new IntakeOptions()).Read("story.txt", content);

    [Fact]
    public void Read_Utf8WithoutBom_KeepsAccentsCurlyQuotesAndDashes()
    {
        var article = Read(Encoding.UTF8.GetBytes(Text));

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Utf8WithBom_DropsBomAndDecodes()
    {
        var article = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Utf16LittleEndianWithBom_Decodes()
    {
        var article = Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Utf16BigEndianWithBom_Decodes()
    {
        var article = Read([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)]);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_Windows1252Bytes_FallsBackFromUtf8()
    {
        // 0x93/0x94 are curly double quotes, 0xE9 is é, 0x97 an em dash in Windows-1252; none is valid UTF-8 here.
        byte[] content = [.. "Caf"u8, 0xE9, .. " owners "u8, 0x93, .. "cheered"u8, 0x94, .. " the vote "u8, 0x97,
            .. " all 12 of them said the bridge matters."u8];

        var article = Read(content);

        Assert.Equal([Text], article.Paragraphs);
    }

    [Fact]
    public void Read_WindowsLineEndingsNbspAndZeroWidth_AreNormalised()
    {
        var text = "Bridge reopens\r\n\r\nThe\u00A0council voted on\u200B Tuesday to repair\r\nthe bridge, officials said.\r\n";

        var article = Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Equal(["The council voted on Tuesday to repair the bridge, officials said."], article.Paragraphs);
    }

    [Fact]
    public void Read_AnyContent_HashesRawBytesAsLowerHexSha256()
    {
        var article = Read(Encoding.UTF8.GetBytes(Text));

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Text))), article.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", article.ContentHash);
    }

    [Fact]
    public void Read_Utf8WithOneStrayWindows1252Byte_KeepsTheUtf8TextAndReadsOnlyThatByteAs1252()
    {
        // “the right call” in UTF-8, then "caf" + 0xE9 (é in Windows-1252) pasted from elsewhere.
        byte[] content =
        [
            .. Encoding.UTF8.GetBytes("Mayor backs plan\n\nThe council said the vote was \u201cthe right call\u201d on Friday and met at the caf"),
            0xE9,
            .. Encoding.UTF8.GetBytes(" on Main Street to celebrate with residents afterwards."),
        ];

        var article = Read(content);

        var body = string.Join(" ", article.Paragraphs);
        Assert.Contains("\u201cthe right call\u201d", body);
        Assert.Contains("caf\u00e9 on Main Street", body);
        Assert.DoesNotContain("\u00e2\u20ac", body);
    }
}
