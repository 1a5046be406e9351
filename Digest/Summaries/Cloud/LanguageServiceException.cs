namespace Digest.Summaries.Cloud;

/// <summary>Why Azure AI Language gave no summary. Each one makes the built-in summarizer summarize the article.</summary>
internal enum LanguageServiceFault
{
    /// <summary>401 or 403, or no Entra ID token: a configuration error that retrying cannot fix.</summary>
    Unauthorized,

    /// <summary>429 beyond the retries or the time left.</summary>
    Throttled,

    /// <summary>Another 4xx: the service refused the request.</summary>
    Rejected,

    /// <summary>5xx beyond the retries, or the service could not be reached.</summary>
    Unavailable,

    /// <summary>The job ended <c>failed</c>, <c>partiallyCompleted</c> or <c>cancelled</c>, or a document failed.</summary>
    JobFailed,

    /// <summary>No result within <see cref="LanguageServiceOptions.TimeoutSeconds"/>.</summary>
    Timeout,

    /// <summary>An answer that does not follow the documented API.</summary>
    MalformedResponse,
}

/// <summary>Azure AI Language did not summarize an article; <see cref="Exception.Message"/> says why, without article text.</summary>
internal sealed class LanguageServiceException(LanguageServiceFault fault, string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public LanguageServiceFault Fault { get; } = fault;
}
