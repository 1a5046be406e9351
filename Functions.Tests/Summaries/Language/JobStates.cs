namespace Digest.Tests.Summaries.Language;

/// <summary>Job states shaped as the analyze-text jobs API documents them.</summary>
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
        Succeeded("ExtractiveSummarizationLROResults", documents.Select(d => (object)new
        {
            id = d.Id,
            warnings = Array.Empty<object>(),
            sentences = d.Sentences.Select(s => new { text = s.Text, rankScore = s.Rank, offset = s.Offset, length = s.Text.Length }),
        }));

    /// <summary>A succeeded abstractive job: for each document id, its summary text.</summary>
    public static Reply Abstractive(params (string Id, string Summary)[] documents) =>
        Succeeded("AbstractiveSummarizationLROResults", documents.Select(d => (object)new
        {
            id = d.Id,
            warnings = Array.Empty<object>(),
            summaries = new[] { new { text = d.Summary, contexts = new[] { new { offset = 0, length = 100 } } } },
        }));

    /// <summary>A job that ended <paramref name="status"/> with one document error.</summary>
    public static Reply Ended(string status, string code, string message) => Reply.Job(new
    {
        jobId = Reply.JobId,
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

    private static Reply Succeeded(string kind, IEnumerable<object> documents) => Reply.Job(new
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
                    results = new { documents = documents.ToArray(), errors = Array.Empty<object>(), modelVersion = "latest" },
                },
            },
        },
    });
}
