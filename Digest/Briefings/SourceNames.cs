using Digest.Summaries;

namespace Digest.Briefings;

/// <summary>
/// The name a reader sees for a source: its outlet; else the web site it came from; else its own title, quoted.
/// Never a file name, a hash or a number: those name a file, not a source.
/// </summary>
internal static class SourceNames
{
    public const string Unnamed = "outlet not named";
    private const int MaxTitleName = 90;

    public static string Of(ArticleSummary summary)
    {
        if (!string.IsNullOrWhiteSpace(summary.Outlet))
        {
            return summary.Outlet.Trim();
        }

        if (Uri.TryCreate(summary.Url, UriKind.Absolute, out var url) && url.Host.Length > 0)
        {
            return url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
        }

        if (!string.IsNullOrWhiteSpace(summary.Title))
        {
            return "“" + Shortened(summary.Title.Trim()) + "”";
        }

        return Unnamed;
    }

    /// <summary>The title up to a word boundary within <see cref="MaxTitleName"/> characters, with "…" when cut.</summary>
    private static string Shortened(string title)
    {
        if (title.Length <= MaxTitleName)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxTitleName);
        return (cut > 20 ? title[..cut] : title[..MaxTitleName]).TrimEnd(',', ';', ':') + "…";
    }
}
