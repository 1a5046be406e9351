namespace Digest.Summaries.Cloud;

/// <summary>The errors a job reports, for a log line.</summary>
internal static class JobErrors
{
    /// <summary>
    /// ": code: message" of the job's first error (job-level, then document-level), its innermost error being the
    /// most precise, or nothing.
    /// </summary>
    public static string Describe(JobState state)
    {
        var error = (state.Errors?.FirstOrDefault()
            ?? state.Tasks?.Items?.SelectMany(t => t.Results?.Errors ?? []).Select(e => e.Error).FirstOrDefault(e => e is not null))?.Innermost();
        if (error is null)
        {
            return "";
        }

        var errors = (state.Errors?.Count ?? 0) + (state.Tasks?.Items?.Sum(t => t.Results?.Errors?.Count ?? 0) ?? 0);
        var more = errors > 1 ? $" (and {errors - 1} more)" : "";
        return $": {AnalyzeTextClient.Shorten(error.Code ?? "")}: {AnalyzeTextClient.Shorten(error.Message ?? "")}{more}";
    }
}
