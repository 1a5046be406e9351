namespace Digest.Articles;

/// <summary>Article URLs: only absolute http(s) addresses are kept, and their host names the outlet when nothing else does.</summary>
internal static class ArticleUrls
{
    /// <summary>The URL when it is an absolute http or https address; otherwise null.</summary>
    public static string? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url!.Trim()
            : null;

    /// <summary>The host of an absolute URL without a leading <c>www.</c>, e.g. <c>harbortimes.example</c>.</summary>
    public static string? Host(string? url)
    {
        if (Absolute(url) is not { } absolute)
        {
            return null;
        }

        var host = new Uri(absolute).Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }
}
