using Digest.Articles.Cleanup;

namespace Digest.Articles.Formats;

/// <summary>
/// The few YAML front-matter fields intake uses, read as simple <c>key: value</c> lines (quotes removed).
/// Nested YAML is ignored: articles only need flat metadata.
/// </summary>
internal sealed record FrontMatter(string? Title, string? Source, string? Url, DateTimeOffset? Date)
{
    public static FrontMatter None { get; } = new(null, null, null, null);

    public static FrontMatter Read(string yaml)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0]) || line.StartsWith('#'))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim().Trim('"', '\'').Trim();
            if (value.Length > 0)
            {
                fields.TryAdd(line[..colon].Trim(), value);
            }
        }

        var date = First(fields, "date", "published", "publishedAt", "published_at", "pubDate");
        return new FrontMatter(
            First(fields, "title", "headline"),
            First(fields, "source", "outlet", "publication", "publisher", "site"),
            First(fields, "url", "link", "canonical", "canonical_url"),
            date is not null && DateText.TryParse(date, out var parsed) ? parsed : null);
    }

    private static string? First(Dictionary<string, string> fields, params string[] keys) =>
        keys.Select(k => fields.GetValueOrDefault(k)).FirstOrDefault(v => v is not null);
}
