using Digest.Articles.Html;

namespace Digest.Articles.Evaluation;

/// <summary>The body text that the benchmark scores for one page.</summary>
public static class ExtractedBody
{
    /// <summary>The paragraphs of the HTML extractor joined with blank lines.</summary>
    public static string FromHtml(string html) => Join(HtmlArticleExtractor.Extract(html).Paragraphs);

    /// <summary>Joins body paragraphs with blank lines, as the body is scored.</summary>
    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}
