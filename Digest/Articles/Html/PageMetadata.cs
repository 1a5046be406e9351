using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>Reads the title, outlet, address and publication time that a page declares about itself.</summary>
internal sealed class PageMetadata
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · "];

    private readonly IDocument document;
    private readonly Dictionary<string, string> metas = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the meta tags of <paramref name="document"/> once (the first non-empty value of each name wins).</summary>
    public PageMetadata(IDocument document)
    {
        this.document = document;
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var value = NullIfEmpty(PageText.Normalize(meta.GetAttribute("content") ?? ""));
            if (key is not null && value is not null)
            {
                metas.TryAdd(key, value);
            }
        }
    }

    /// <summary>
    /// og:title (without a trailing " | Outlet"), else the first h1 of the article, else the page title without its
    /// site suffix.
    /// </summary>
    public string? Title(IReadOnlyList<IElement> content)
    {
        var title = Meta("og:title") ?? Meta("twitter:title");
        if (title is not null)
        {
            return WithoutOutletSuffix(title);
        }

        var heading = content.Select(root => root.TagName == "H1" ? root : root.QuerySelector("h1")).FirstOrDefault(h => h is not null)
            ?? document.QuerySelector("article h1, main h1");
        var headingText = heading is null ? null : PageText.Normalize(heading.TextContent);
        return string.IsNullOrEmpty(headingText) ? SplitTitle().Title : headingText;
    }

    /// <summary>og:site_name, else application-name, else the site suffix of the page title.</summary>
    public string? Outlet() => Meta("og:site_name") ?? Meta("application-name") ?? SplitTitle().Site;

    /// <summary>og:url, else the canonical link.</summary>
    public string? Url() =>
        Meta("og:url") ?? NullIfEmpty(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"));

    /// <summary>article:published_time, else a time element of the article, else JSON-LD datePublished.</summary>
    public DateTimeOffset? PublishedAt(IReadOnlyList<IElement> content)
    {
        var declared = ParseDate(Meta("article:published_time"));
        if (declared is not null)
        {
            return declared;
        }

        var times = content.SelectMany(root => root.QuerySelectorAll("time[datetime]"))
            .Concat(document.QuerySelectorAll("article time[datetime], time[pubdate], time[itemprop='datePublished']"));
        foreach (var time in times)
        {
            var parsed = ParseDate(time.GetAttribute("datetime"));
            if (parsed is not null)
            {
                return parsed;
            }
        }

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var parsed = ParseDate(JsonLdDatePublished(script.TextContent));
            if (parsed is not null)
            {
                return parsed;
            }
        }

        return null;
    }

    private string WithoutOutletSuffix(string title)
    {
        var outlet = Outlet();
        if (outlet is null)
        {
            return title;
        }

        foreach (var separator in TitleSeparators)
        {
            var suffix = separator + outlet;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^suffix.Length].TrimEnd();
            }
        }

        return title;
    }

    private (string? Title, string? Site) SplitTitle()
    {
        var title = PageText.Normalize(document.Title ?? "");
        if (title.Length == 0)
        {
            return (null, null);
        }

        var (index, separator) = TitleSeparators
            .Select(s => (Index: title.LastIndexOf(s, StringComparison.Ordinal), Separator: s))
            .MaxBy(found => found.Index);
        if (index <= 0)
        {
            return (title, null);
        }

        var site = title[(index + separator.Length)..].Trim();
        var headline = title[..index].Trim();
        return site.Length > 0 && site.Length < headline.Length ? (headline, site) : (title, null);
    }

    private string? Meta(string name) => metas.GetValueOrDefault(name);

    private static string? JsonLdDatePublished(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Find(document.RootElement, 0);
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Find(JsonElement element, int depth)
        {
            if (depth > 8)
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("datePublished", out var date) && date.ValueKind == JsonValueKind.String)
                {
                    return date.GetString();
                }

                return element.EnumerateObject().Select(p => Find(p.Value, depth + 1)).FirstOrDefault(d => d is not null);
            }

            return element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select(e => Find(e, depth + 1)).FirstOrDefault(d => d is not null)
                : null;
        }
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
