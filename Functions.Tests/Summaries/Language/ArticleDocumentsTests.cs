using System.Globalization;
using System.Text;
using Digest.Summaries.Cloud;

namespace Digest.Tests.Summaries.Language;

public class ArticleDocumentsTests
{
    private static string Paragraph(int number, int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(s => $"Paragraph {number} sentence {s} tells what the council decided on Tuesday."));

    [Fact]
    public void Split_ShortArticle_IsOneDocumentOfItsParagraphs()
    {
        string[] paragraphs = ["First paragraph.", "  ", "Second paragraph."];

        var split = ArticleDocuments.Split(paragraphs, 1_000);

        var document = Assert.Single(split.Documents);
        Assert.Equal(("1", "First paragraph.\n\nSecond paragraph."), (document.Id, document.Text));
        Assert.Equal(0, split.CharactersLeftOut);
    }

    [Fact]
    public void Split_LongArticle_CutsBetweenParagraphsWithinTheDocumentLimit()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(p => Paragraph(p, 3)).ToArray();

        var documents = ArticleDocuments.Split(paragraphs, 1_000).Documents;

        Assert.True(documents.Count > 1);
        Assert.Equal(Enumerable.Range(1, documents.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.InRange(d.Text.Length, 1, 1_000));
        Assert.Equal(paragraphs, documents.SelectMany(d => d.Text.Split("\n\n")));
        // Each document is as full as whole paragraphs allow: the next paragraph would not have fit.
        for (var i = 0; i + 1 < documents.Count; i++)
        {
            Assert.True(documents[i].Text.Length + 2 + documents[i + 1].Text.Split("\n\n")[0].Length > 1_000);
        }
    }

    [Fact]
    public void Split_ParagraphLongerThanADocument_IsCutBetweenSentences()
    {
        var longParagraph = Paragraph(2, 40);

        var split = ArticleDocuments.Split(["Opening paragraph.", longParagraph, "Closing paragraph."], 1_000);

        var documents = split.Documents;
        Assert.Equal(0, split.CharactersLeftOut);
        Assert.True(documents.Count >= 3);
        Assert.All(documents, d => Assert.InRange(d.Text.Length, 1, 1_000));
        Assert.StartsWith("Opening paragraph.\n\nParagraph 2 sentence 1 ", documents[0].Text, StringComparison.Ordinal);
        Assert.All(documents.Skip(1).SkipLast(1), d => Assert.EndsWith("on Tuesday.", d.Text, StringComparison.Ordinal));
        Assert.EndsWith("\n\nClosing paragraph.", documents[^1].Text, StringComparison.Ordinal);
        Assert.Equal(longParagraph, string.Join(" ", documents.Select(d => d.Text)).Split("\n\n")[1]);
    }

    [Fact]
    public void Split_SentenceLongerThanADocument_IsCutBetweenTextElementsNeverInsideOne()
    {
        // "e" with a combining acute accent is one text element of two chars; the cuts must fall between them.
        var word = "caf\u0065\u0301";
        var sentence = string.Join(" ", Enumerable.Repeat(word, 500));

        var documents = ArticleDocuments.Split([sentence], 1_000).Documents;

        Assert.All(documents, d => Assert.InRange(ArticleDocuments.Characters(d.Text), 1, 1_000));
        Assert.All(documents.Skip(1), d => Assert.NotEqual('\u0301', d.Text[0]));
        Assert.Equal(sentence, string.Concat(documents.Select(d => d.Text)));
    }

    [Fact]
    public void Split_ArticleBeyondTheRequestLimits_StopsAt25DocumentsAnd125000Characters()
    {
        var paragraphs = Enumerable.Range(1, 2_000).Select(p => Paragraph(p, 2)).ToArray();

        var small = ArticleDocuments.Split(paragraphs, 1_000).Documents;
        var split = ArticleDocuments.Split(paragraphs, 20_000);

        var large = split.Documents;
        Assert.Equal(25, small.Count);
        Assert.Equal(paragraphs.Sum(p => p.Length), large.SelectMany(d => d.Text.Split("\n\n")).Sum(p => p.Length) + split.CharactersLeftOut);
        Assert.InRange(large.Count, 2, 25);
        Assert.InRange(large.Sum(d => ArticleDocuments.Characters(d.Text)), 124_000, 125_000);
        Assert.StartsWith(paragraphs[0], large[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_TextOfManyBytesPerCharacter_StaysWithinTheRequestSize()
    {
        // "é" written as é: two bytes and one code point each; 125,000 characters are 250,000 bytes.
        var paragraphs = Enumerable.Repeat(new string('\u00E9', 10_000), 100).ToArray();

        var documents = ArticleDocuments.Split(paragraphs, 20_000).Documents;

        Assert.InRange(documents.Sum(d => ArticleDocuments.Characters(d.Text)), 120_000, 125_000);
        Assert.InRange(documents.Sum(d => Encoding.UTF8.GetByteCount(d.Text)), 240_000, 850_000);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("caf\u0065\u0301", 5)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 7)]
    [InlineData("\U0001F1E9\U0001F1EA", 2)]
    [InlineData("议会", 2)]
    public void Characters_Text_CountsCodePointsNeverFewerThanTheServiceCounts(string text, int expected)
    {
        // The service counts Unicode 8 text elements: the family emoji is 4 there (1 in .NET's StringInfo), 7 here.
        Assert.Equal(expected, ArticleDocuments.Characters(text));
        Assert.True(ArticleDocuments.Characters(text) >= new StringInfo(text).LengthInTextElements);
    }

    [Fact]
    public void Split_ArticleOfFamilyEmoji_StaysWithin125000CodePoints()
    {
        // A family emoji is one .NET text element but 4 to the service and 7 code points: counted as 7, the request
        // holds at most 125,000 / 7 of them, where counting text elements would send 125,000 (500,000 to the service).
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
        var paragraphs = Enumerable.Repeat(string.Concat(Enumerable.Repeat(family, 500)), 300).ToArray();

        var split = ArticleDocuments.Split(paragraphs, 20_000);

        var sent = split.Documents.Sum(d => ArticleDocuments.Characters(d.Text));
        Assert.InRange(sent, 100_000, 125_000);
        Assert.True(split.Documents.Sum(d => new StringInfo(d.Text).LengthInTextElements) * 4 <= 125_000);
        Assert.All(split.Documents, d => Assert.InRange(ArticleDocuments.Characters(d.Text), 1, 20_000));
        Assert.All(split.Documents, d => Assert.Equal(0, d.Text.Replace("\n\n", "", StringComparison.Ordinal).Length % family.Length));
    }
}
