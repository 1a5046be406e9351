using System.Text;
using Digest.Articles;

namespace Digest.Tests.Articles;

public class ArticleReaderRejectionTests
{
    private static ArticleReader CreateSut(int maxBytes = 2 * 1024 * 1024) => new(new IntakeOptions { MaxArticleBytes = maxBytes });

    private static ArticleRejectedException Reject(string name, byte[] content, int maxBytes = 2 * 1024 * 1024) =>
        Assert.Throws<ArticleRejectedException>(() => CreateSut(maxBytes).Read(name, content));

    private static ArticleRejectedException Reject(string name, string text) => Reject(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_EmptyFile_RejectsAsEmpty()
    {
        var rejected = Reject("story.txt", []);

        Assert.Equal(RejectionCode.Empty, rejected.Code);
        Assert.Equal("the file is empty", rejected.Reason);
        Assert.Equal("story.txt", rejected.Article);
    }

    [Fact]
    public void Read_OnlyWhitespace_RejectsAsEmpty()
    {
        var rejected = Reject("story.txt", " \r\n\t\u00A0\n");

        Assert.Equal(RejectionCode.Empty, rejected.Code);
    }

    [Fact]
    public void Read_OverConfiguredLimit_RejectsAsTooLargeWithSizes()
    {
        var content = Encoding.UTF8.GetBytes(new string('a', 2048));

        var rejected = Reject("story.txt", content, maxBytes: 1024);

        Assert.Equal(RejectionCode.TooLarge, rejected.Code);
        Assert.Equal("the file is 2,048 bytes, over the 1,024-byte limit", rejected.Reason);
    }

    [Fact]
    public void Read_AtConfiguredLimit_IsAccepted()
    {
        var sentence = "The council voted on Tuesday to repair the bridge. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 1024 / sentence.Length + 1))[..1024];

        var article = CreateSut(1024).Read("story.txt", Encoding.UTF8.GetBytes(text));

        Assert.NotEmpty(article.Paragraphs);
    }

    [Theory]
    [InlineData("notes.docx", "unsupported extension '.docx'; accepted: .txt, .md, .markdown, .html, .htm, .json")]
    [InlineData("scan.PDF", "unsupported extension '.pdf'; accepted: .txt, .md, .markdown, .html, .htm, .json")]
    [InlineData("README", "the file name has no extension; accepted: .txt, .md, .markdown, .html, .htm, .json")]
    public void Read_UnknownExtension_RejectsAsUnsupportedFormatNamingAccepted(string name, string reason)
    {
        var rejected = Reject(name, "The council voted on Tuesday to repair the bridge.");

        Assert.Equal(RejectionCode.UnsupportedFormat, rejected.Code);
        Assert.Equal(reason, rejected.Reason);
    }

    [Theory]
    [InlineData("story.TXT")]
    [InlineData("story.Md")]
    [InlineData("story.markdown")]
    [InlineData("story.HTM")]
    public void Read_AcceptedExtensionInAnyCase_IsRead(string name)
    {
        var text = name.EndsWith("htm", StringComparison.OrdinalIgnoreCase)
            ? "<html><body><p>The council voted on Tuesday to repair the old bridge.</p></body></html>"
            : "The council voted on Tuesday to repair the old bridge.";

        var article = CreateSut().Read(name, Encoding.UTF8.GetBytes(text));

        Assert.Equal(["The council voted on Tuesday to repair the old bridge."], article.Paragraphs);
    }

    [Fact]
    public void Read_NulBytesInTxt_RejectsAsNotTextWithOffset()
    {
        byte[] content = [.. "Hello there, this is"u8, 0, 0, 1, 2, .. "more"u8];

        var rejected = Reject("story.txt", content);

        Assert.Equal(RejectionCode.NotText, rejected.Code);
        Assert.Equal("the file looks binary (NUL bytes at offset 20), not text", rejected.Reason);
    }

    [Fact]
    public void Read_Utf16WithoutBom_RejectsAsNotTextSayingSo()
    {
        var rejected = Reject("story.txt", Encoding.Unicode.GetBytes("The council voted on Tuesday to repair the bridge."));

        Assert.Equal(RejectionCode.NotText, rejected.Code);
        Assert.Equal("the file looks like UTF-16 text without a byte-order mark; save it as UTF-8", rejected.Reason);
    }

    [Fact]
    public void Read_PngRenamedTxt_RejectsAsNotText()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var rejected = Reject("photo.txt", png);

        Assert.Equal(RejectionCode.NotText, rejected.Code);
        Assert.Equal("the file is a PNG image, not text", rejected.Reason);
    }

    [Fact]
    public void Read_ZipRenamedMd_RejectsAsNotText()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0];

        var rejected = Reject("story.md", zip);

        Assert.Equal(RejectionCode.NotText, rejected.Code);
        Assert.Contains("ZIP archive", rejected.Reason);
    }

    [Fact]
    public void Read_ManyControlCharacters_RejectsAsNotText()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + i % 7 : 'a' + i % 26)).ToArray();

        var rejected = Reject("story.txt", bytes);

        Assert.Equal(RejectionCode.NotText, rejected.Code);
        Assert.StartsWith("the file looks binary (134 control characters, the first at character 0)", rejected.Reason);
    }

    [Fact]
    public void Read_MalformedJson_RejectsWithLineAndPosition()
    {
        var rejected = Reject("story.json", "{\n  \"title\": \"Bridge\"\n  \"body\": \"The council voted.\"\n}");

        Assert.Equal(RejectionCode.MalformedJson, rejected.Code);
        Assert.Equal("malformed JSON at line 3, position 3: '\"' is invalid after a value. Expected either ',', '}', or ']'", rejected.Reason);
    }

    [Theory]
    [InlineData("[1, 2]", "the JSON must be an object with a \"body\" string and optional \"title\", \"url\", \"source\" and \"publishedAt\", but it is an array")]
    [InlineData("{\"title\": \"Bridge\"}", "the JSON has no \"body\": the article text is missing")]
    [InlineData("{\"title\": \"Bridge\", \"body\": \"  \"}", "the JSON \"body\" is empty: the article text is missing")]
    [InlineData("{\"body\": [\"The council voted.\"]}", "the JSON \"body\" must be a string, but it is an array")]
    [InlineData("{\"title\": 7, \"body\": \"The council voted on Tuesday to repair it.\"}", "the JSON \"title\" must be a string, but it is a number")]
    [InlineData("{\"publishedAt\": \"soon\", \"body\": \"The council voted on Tuesday to repair it.\"}", "the JSON \"publishedAt\" is not a date: 'soon' (use e.g. 2025-08-06T14:30:00Z)")]
    public void Read_JsonOfWrongShape_RejectsWithClearReason(string json, string reason)
    {
        var rejected = Reject("story.json", json);

        Assert.Equal(RejectionCode.MalformedJson, rejected.Code);
        Assert.Equal(reason, rejected.Reason);
    }

    [Fact]
    public void Read_HtmlFileWithoutMarkup_RejectsAsMalformedHtml()
    {
        var rejected = Reject("story.html", "The council voted on Tuesday to repair the bridge.\n\nIt will reopen in May.");

        Assert.Equal(RejectionCode.MalformedHtml, rejected.Code);
        Assert.Equal("the file has no HTML markup; if it is plain text, upload it as .txt", rejected.Reason);
    }

    [Fact]
    public void Read_HtmlPageWithoutBody_RejectsAsMalformedHtml()
    {
        var rejected = Reject("story.html", "<!doctype html><html><head><title>Bridge</title></head><body><nav></nav></body></html>");

        Assert.Equal(RejectionCode.MalformedHtml, rejected.Code);
        Assert.Equal("no article body found in the page: it has no paragraphs of text", rejected.Reason);
    }

    [Fact]
    public void Read_OnlyBoilerplate_RejectsAsNoUsableSentences()
    {
        var text = """
            Bridge reopens

            By Ana Ruiz | Harbor Times

            (Photo by Jane Doe/Harbor Times via Getty Images)

            Sign up for our newsletter

            Copyright 2025 Harbor Times. All rights reserved.
            """;

        var rejected = Reject("story.txt", text);

        Assert.Equal(RejectionCode.NoUsableSentences, rejected.Code);
        Assert.StartsWith("no usable sentences after removing captions and boilerplate", rejected.Reason);
    }

    [Fact]
    public void Read_OnlyShortFragments_RejectsAsNoUsableSentences()
    {
        var rejected = Reject("story.txt", "Bridge reopens\n\nIt is open.\n\n12 34 56 78 90 11.");

        Assert.Equal(RejectionCode.NoUsableSentences, rejected.Code);
    }
}

public class JsonSurrogateRejectionTests
{
    [Fact]
    public void Read_JsonWithALoneSurrogateEscape_IsRejectedAsMalformedJson()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"title": "Storm \ud800 hits", "body": "The storm hit the coast on Friday and knocked out power to thousands of homes."}""");

        var rejected = Assert.Throws<Digest.Articles.ArticleRejectedException>(() => new Digest.Articles.ArticleReader(new Digest.Articles.IntakeOptions()).Read("storm.json", json));

        Assert.Equal(Digest.Articles.RejectionCode.MalformedJson, rejected.Code);
        Assert.Contains("title", rejected.Reason);
    }
}
