namespace Digest.Summaries.Cloud;

/// <summary>The service's documented limits for one analyze-text job request.</summary>
internal static class AnalyzeTextLimits
{
    /// <summary>Documents per request for document summarization.</summary>
    public const int Documents = 25;

    /// <summary>Characters across all documents of a request; Digest counts code points, never fewer than the service's count.</summary>
    public const int RequestCharacters = 125_000;

    /// <summary>
    /// UTF-8 bytes of document text per request: the whole request may be at most 1 MB, and this leaves room for the
    /// JSON around the text (ids, the task, and a backslash before each quote or line break).
    /// </summary>
    public const int RequestTextBytes = 850_000;
}
