using Digest.Articles.Html;

namespace Digest.Articles.Formats;

/// <summary>Reads a .html/.htm article through <see cref="HtmlArticleExtractor"/>, rejecting files that are not web pages.</summary>
internal static class HtmlArticleParser
{
    /// <exception cref="ArticleRejectedException">With <see cref="RejectionCode.MalformedHtml"/>: no markup, or no body found.</exception>
    public static ParsedArticle Parse(string name, string text)
    {
        if (!HtmlFragmentText.ContainsMarkup(text))
        {
            throw new ArticleRejectedException(name, RejectionCode.MalformedHtml,
                "the file has no HTML markup; if it is plain text, upload it as .txt");
        }

        var page = HtmlArticleExtractor.Extract(text);
        var paragraphs = page.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (paragraphs.Length == 0)
        {
            var limits = new[]
            {
                page.TagsNestedTooDeep > 0 ? $"{page.TagsNestedTooDeep:N0} tags nested deeper than {HtmlNesting.MaxDepth} levels were ignored" : null,
                page.Truncated ? $"only its first {HtmlNesting.MaxElements:N0} elements were read" : null,
            }.OfType<string>().ToArray();
            var nesting = limits.Length > 0 ? $" ({string.Join("; ", limits)})" : string.Empty;
            throw new ArticleRejectedException(name, RejectionCode.MalformedHtml,
                $"no article body found in the page: it has no paragraphs of text{nesting}");
        }

        return new ParsedArticle
        {
            Title = page.Title,
            Outlet = page.Outlet,
            Url = ArticleUrls.Absolute(page.Url),
            PublishedAt = page.PublishedAt,
            Paragraphs = paragraphs,
        };
    }
}
