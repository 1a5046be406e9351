using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digest.Summaries.Cloud;

// The analyze-text job API's JSON, as far as summaries need it. Response properties are nullable: what the service
// leaves out is checked where it is used, so a malformed answer becomes a clear fault rather than a crash.

/// <summary>
/// The body of <c>POST /language/analyze-text/jobs</c>. <c>defaultLanguage</c> is for documents whose language is
/// <c>auto</c>; <c>cancelAfter</c> (seconds) makes the service cancel a job the client has stopped waiting for.
/// </summary>
internal sealed record AnalyzeTextJobRequest(
    AnalysisInput AnalysisInput, IReadOnlyList<SummarizationTask> Tasks, string? DefaultLanguage = null, double? CancelAfter = null);

internal sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

internal sealed record InputDocument(string Id, string Language, string Text);

/// <summary>An <c>ExtractiveSummarization</c> or <c>AbstractiveSummarization</c> task.</summary>
internal sealed record SummarizationTask(string Kind, string TaskName, SummarizationParameters Parameters);

/// <summary><c>sortBy</c> is extractive only; null leaves it out.</summary>
internal sealed record SummarizationParameters(int SentenceCount, string? SortBy = null);

/// <summary>
/// The state of a job, as <c>GET</c> on its status URL returns it. A job with more documents than one page holds
/// carries <c>nextLink</c> to the next page of results.
/// </summary>
internal sealed record JobState(string? JobId, string? Status, IReadOnlyList<ServiceError>? Errors, JobTasks? Tasks, string? NextLink = null);

internal sealed record JobTasks(IReadOnlyList<TaskState>? Items);

internal sealed record TaskState(string? Kind, string? TaskName, string? Status, TaskResults? Results);

internal sealed record TaskResults(IReadOnlyList<DocumentResult>? Documents, IReadOnlyList<DocumentError>? Errors);

internal sealed record DocumentResult(
    string? Id,
    IReadOnlyList<ExtractedSentence>? Sentences,
    IReadOnlyList<AbstractiveSummary>? Summaries,
    IReadOnlyList<DocumentWarning>? Warnings = null,
    DetectedLanguage? DetectedLanguage = null);

/// <summary>Something the service noticed about a document it still summarized (e.g. <c>DocumentTruncated</c>).</summary>
internal sealed record DocumentWarning(string? Code, string? Message);

/// <summary>The language the service detected in a document sent as <c>auto</c>.</summary>
internal sealed record DetectedLanguage(string? Name, string? Iso6391Name, double ConfidenceScore);

internal sealed record ExtractedSentence(string? Text, double RankScore, int Offset);

internal sealed record AbstractiveSummary(string? Text);

internal sealed record DocumentError(string? Id, ServiceError? Error);

/// <summary>
/// An error as the service reports it, in a job or in an error response body; <c>innererror</c> (nested to any
/// depth) says more precisely what went wrong, e.g. <c>InvalidArgument</c> → <c>UnsupportedLanguageCode</c>.
/// </summary>
internal sealed record ServiceError(string? Code, string? Message, ServiceError? Innererror = null)
{
    /// <summary>The innermost error that has a code: the most precise one.</summary>
    public ServiceError Innermost()
    {
        var error = this;
        for (var depth = 0; depth < 16 && error.Innererror is { Code: not null } inner; depth++)
        {
            error = inner;
        }

        return error;
    }
}

/// <summary>The body of an error response: <c>{"error": {"code": ..., "message": ...}}</c>.</summary>
internal sealed record ErrorResponse(ServiceError? Error);

/// <summary>Serializer settings for the service: camelCase, nulls left out, text written as UTF-8 without escapes.</summary>
internal static class AnalyzeTextJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The body is JSON sent to an API, never embedded in HTML, so only what JSON itself requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
