using AngleSharp.Html.Parser;

namespace Digest.Articles.Html;

/// <summary>Finds the main article body and metadata in a whole web page.</summary>
public static class HtmlArticleExtractor
{
    private static readonly HtmlParser Parser = new();

    public static HtmlExtraction Extract(string html)
    {
        var document = Parser.ParseDocument(html);
        return new HtmlExtraction
        {
            Title = document.Title,
            Paragraphs = document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0).ToArray(),
        };
    }
}
