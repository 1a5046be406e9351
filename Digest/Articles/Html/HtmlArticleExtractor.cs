using AngleSharp.Html.Parser;

namespace Digest.Articles.Html;

/// <summary>
/// Finds the main article body and metadata in a whole web page. The page is parsed once; one pass measures and
/// scores every element (readability style: text and comma counts, link density, class and id hints), the best
/// container and the siblings that continue its text are chosen, and their text is written out as plain blocks
/// without navigation, banners, share bars, related lists, forms, scripts and other page furniture.
/// </summary>
public static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Extracts the article of one HTML page; a page without body text gives no paragraphs.</summary>
    public static HtmlExtraction Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = Parser.ParseDocument(HtmlNesting.Bound(html, out var leftOut, out var truncated));
        var body = document.Body ?? document.DocumentElement;
        var analysis = PageAnalysis.Of(body);
        var content = ContentSelector.Select(analysis, body);
        var metadata = new PageMetadata(document);
        return new HtmlExtraction
        {
            Title = metadata.Title(content),
            Outlet = metadata.Outlet(),
            Url = metadata.Url(),
            PublishedAt = metadata.PublishedAt(content),
            Paragraphs = BodyWriter.Write(analysis, content),
            TagsNestedTooDeep = leftOut,
            Truncated = truncated,
        };
    }
}
