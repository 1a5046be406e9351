namespace Digest.Briefings.Rendering;

/// <summary>
/// Decides which URLs may become links. Only absolute http and https URLs pass; anything else
/// (<c>javascript:</c>, <c>data:</c>, relative paths, text with spaces) is shown without a link.
/// </summary>
internal static class SafeLinks
{
    /// <summary>The normalised absolute URL, or null when <paramref name="url"/> must not be linked.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }
}
