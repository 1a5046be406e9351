namespace Digest.Articles;

/// <summary>The file formats intake reads, chosen by file extension.</summary>
public enum ArticleFormat
{
    PlainText,
    Markdown,
    Html,
    Json,
}

/// <summary>Maps a file name to its <see cref="ArticleFormat"/>, rejecting extensions intake cannot read.</summary>
public static class ArticleFormats
{
    private static readonly (string Extension, ArticleFormat Format)[] Accepted =
    [
        (".txt", ArticleFormat.PlainText),
        (".md", ArticleFormat.Markdown),
        (".markdown", ArticleFormat.Markdown),
        (".html", ArticleFormat.Html),
        (".htm", ArticleFormat.Html),
        (".json", ArticleFormat.Json),
    ];

    /// <summary>The accepted extensions as an editor reads them: <c>.txt, .md, .markdown, .html, .htm, .json</c>.</summary>
    public static string AcceptedList { get; } = string.Join(", ", Accepted.Select(a => a.Extension));

    /// <summary>The format of <paramref name="name"/> by its extension (case-insensitive).</summary>
    /// <exception cref="ArticleRejectedException">The extension is missing or not one intake reads.</exception>
    public static ArticleFormat FromName(string name)
    {
        var extension = Path.GetExtension(name);
        foreach (var (accepted, format) in Accepted)
        {
            if (string.Equals(extension, accepted, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        var reason = extension.Length == 0
            ? $"the file name has no extension; accepted: {AcceptedList}"
            : $"unsupported extension '{extension.ToLowerInvariant()}'; accepted: {AcceptedList}";
        throw new ArticleRejectedException(name, RejectionCode.UnsupportedFormat, reason);
    }
}
