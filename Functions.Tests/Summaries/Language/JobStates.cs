namespace Digest.Tests.Summaries.Language;

/// <summary>
/// Job states shaped as the analyze-text jobs API documents them (2025-11-01): a UUID <c>jobId</c> and the required
/// <c>createdDateTime</c>, <c>lastUpdatedDateTime</c>, <c>status</c> and <c>tasks</c> in every state.
/// </summary>
internal static class JobStates
{
    public static Reply Running(string status = "running") => Reply.Job(new
    {
        jobId = Reply.JobId,
        createdDateTime = "2026-11-21T06:00:00Z",
        lastUpdatedDateTime = "2026-11-21T06:00:01Z",
        status,
        tasks = new { completed = 0, failed = 0, inProgress = 1, total = 1, items = Array.Empty<object>() },
    });

    /// <summary>A succeeded extractive job: for each document id, its sentences with rank score and offset.</summary>
    public static Reply Extractive(params (string Id, (string Text, double Rank, int Offset)[] Sentences)[] documents) =>
        Succeeded("ExtractiveSummarizationLROResults", documents.Select(d => ExtractiveDocument(d.Id, d.Sentences)));

    /// <summary>One document's extractive result, with the service's warnings and, for <c>auto</c>, the detected language.</summary>
    public static object ExtractiveDocument(
        string id, (string Text, double Rank, int Offset)[] sentences, object[]? warnings = null, object? detectedLanguage = null) =>
        detectedLanguage is null
            ? new
            {
                id,
                warnings = warnings ?? [],
                sentences = sentences.Select(s => new { text = s.Text, rankScore = s.Rank, offset = s.Offset, length = s.Text.Length }),
            }
            : new
            {
                id,
                warnings = warnings ?? [],
                sentences = sentences.Select(s => new { text = s.Text, rankScore = s.Rank, offset = s.Offset, length = s.Text.Length }),
                detectedLanguage,
            };

    /// <summary>A succeeded abstractive job: for each document id, its summary text.</summary>
    public static Reply Abstractive(params (string Id, string Summary)[] documents) =>
        Succeeded("AbstractiveSummarizationLROResults", documents.Select(d => (object)new
        {
            id = d.Id,
            warnings = Array.Empty<object>(),
            summaries = new[] { new { text = d.Summary, contexts = new[] { new { offset = 0, length = 100 } } } },
        }));

    /// <summary>A warning on a document, e.g. <c>LongWordsInDocument</c>.</summary>
    public static object Warning(string code, string message) => new { code, message };

    /// <summary>The <c>detectedLanguage</c> of a document sent as <c>auto</c>.</summary>
    public static object Detected(string name, string iso6391Name, double confidenceScore) => new { name, iso6391Name, confidenceScore };

    /// <summary>
    /// A document error as a succeeded job reports it: <c>InvalidArgument</c> with the precise reason in
    /// <c>innererror</c> (e.g. <c>UnsupportedLanguageCode</c>).
    /// </summary>
    public static object DocumentError(string id, string innerCode, string innerMessage) => new
    {
        id,
        error = new
        {
            code = "InvalidArgument",
            message = "Invalid document in request.",
            innererror = new { code = innerCode, message = innerMessage },
        },
    };

    /// <summary>A job that ended <paramref name="status"/> with one document error.</summary>
    public static Reply Ended(string status, string code, string message) => Reply.Job(new
    {
        jobId = Reply.JobId,
        createdDateTime = "2026-11-21T06:00:00Z",
        lastUpdatedDateTime = "2026-11-21T06:00:02Z",
        expirationDateTime = "2026-11-22T06:00:00Z",
        status,
        errors = Array.Empty<object>(),
        tasks = new
        {
            completed = 0,
            failed = 1,
            inProgress = 0,
            total = 1,
            items = new[]
            {
                new
                {
                    kind = "ExtractiveSummarizationLROResults",
                    taskName = "summary",
                    status = "failed",
                    lastUpdateDateTime = "2026-11-21T06:00:02Z",
                    results = new
                    {
                        documents = Array.Empty<object>(),
                        errors = new[] { new { id = "1", error = new { code, message } } },
                        modelVersion = "latest",
                    },
                },
            },
        },
    });

    /// <summary>A succeeded job of <paramref name="kind"/> with these document results and document errors.</summary>
    public static Reply Succeeded(string kind, IEnumerable<object> documents, IEnumerable<object>? errors = null) => Reply.Job(new
    {
        jobId = Reply.JobId,
        createdDateTime = "2026-11-21T06:00:00Z",
        lastUpdatedDateTime = "2026-11-21T06:00:03Z",
        expirationDateTime = "2026-11-22T06:00:00Z",
        status = "succeeded",
        errors = Array.Empty<object>(),
        tasks = new
        {
            completed = 1,
            failed = 0,
            inProgress = 0,
            total = 1,
            items = new[]
            {
                new
                {
                    kind,
                    taskName = "summary",
                    status = "succeeded",
                    lastUpdateDateTime = "2026-11-21T06:00:03Z",
                    results = new { documents = documents.ToArray(), errors = (errors ?? []).ToArray(), modelVersion = "latest" },
                },
            },
        },
    });
}
