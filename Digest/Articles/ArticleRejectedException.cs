namespace Digest.Articles;

/// <summary>Why an article cannot be read. Each has its own message; none is retried, since retrying cannot fix it.</summary>
public enum RejectionCode
{
    Empty,
    TooLarge,
    UnsupportedFormat,
    NotText,
    MalformedJson,
    MalformedHtml,
    NoUsableSentences,

    /// <summary>Markdown, JSON or HTML nested deeper than intake reads.</summary>
    TooDeeplyNested,

    /// <summary>The text is a page notice addressed to its visitor, not an article.</summary>
    NotAnArticle,

    /// <summary>The article is written in another language than the edition's.</summary>
    NotEditionLanguage,
}

/// <summary>
/// Thrown by intake when an article cannot be read. The message is written for an editor: it says what is wrong
/// with the file and, where it helps, what to do about it. The run sets the article aside with this reason.
/// </summary>
/// <remarks><see cref="Exception.InnerException"/> is set when intake failed on the file in a way it did not foresee.</remarks>
public sealed class ArticleRejectedException(string article, RejectionCode code, string reason, Exception? unforeseen = null)
    : Exception($"{article}: {reason}", unforeseen)
{
    public string Article { get; } = article;

    public RejectionCode Code { get; } = code;

    public string Reason { get; } = reason;
}
