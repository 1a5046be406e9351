using System.Text.RegularExpressions;
using Digest.Articles.Cleanup;

namespace Digest.Articles.Formats;

/// <summary>
/// Reads a .txt article: optional leading header lines (<c>Title:</c>, <c>Source:</c>, <c>URL:</c>, <c>Date:</c>),
/// then paragraphs separated by blank lines. The title line itself is recognised during cleanup.
/// </summary>
internal static partial class PlainTextArticleParser
{
    [GeneratedRegex(@"^(?<key>title|headline|source|outlet|publication|url|link|date|published|published\s*at)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderField();

    public static ParsedArticle Parse(string text)
    {
        var paragraphs = TextBlocks.Split(text);
        string? title = null, outlet = null, url = null;
        DateTimeOffset? publishedAt = null;
        var consumed = 0;
        foreach (var paragraph in paragraphs)
        {
            var field = HeaderField().Match(paragraph);
            if (!field.Success)
            {
                break;
            }

            var value = field.Groups["value"].Value.Trim();
            switch (field.Groups["key"].Value.ToLowerInvariant())
            {
                case "title" or "headline":
                    title ??= value;
                    break;
                case "source" or "outlet" or "publication":
                    outlet ??= value;
                    break;
                case "url" or "link":
                    url ??= ArticleUrls.Absolute(value);
                    break;
                default:
                    publishedAt ??= DateText.FindFirst(value);
                    break;
            }

            consumed++;
        }

        return new ParsedArticle
        {
            Title = title,
            Outlet = outlet,
            Url = url,
            PublishedAt = publishedAt,
            Paragraphs = paragraphs[consumed..],
        };
    }
}
