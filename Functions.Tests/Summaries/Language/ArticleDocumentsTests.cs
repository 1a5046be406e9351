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
        // A family emoji is one text element of 25 UTF-8 bytes: 125,000 of them would be a 3 MB request.
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
        var paragraphs = Enumerable.Repeat(string.Concat(Enumerable.Repeat(family, 500)), 300).ToArray();

        var documents = ArticleDocuments.Split(paragraphs, 20_000).Documents;

        Assert.InRange(documents.Sum(d => Encoding.UTF8.GetByteCount(d.Text)), 800_000, 850_000);
    }
}
