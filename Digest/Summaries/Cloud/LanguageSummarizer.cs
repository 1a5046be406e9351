using Azure.Core.Pipeline;
using Digest.Articles;
using Digest.Language;
using Microsoft.Extensions.Logging;

namespace Digest.Summaries.Cloud;

/// <summary>
/// Summarizes articles with Azure AI Language (extractive or abstractive, by <see cref="SummarizerOptions.Provider"/>)
/// and falls back to the <see cref="BuiltInSummarizer"/> whenever the service gives no usable summary, so every
/// article is summarized.
/// </summary>
/// <remarks>
/// The built-in summarizer runs first: it gives the key phrases and word count, and is the fallback. The service then
/// replaces the sentences, and <see cref="ArticleSummary.Provider"/> says which of the two produced them. The
/// built-in's verdict does not stop the service: an article the built-in finds no usable sentence in (a language its
/// screening does not read) is still sent, and is rejected with the built-in's reason only if the service gives no
/// summary either. A fallback logs one warning naming the article, the fault and the reason; documents the service
/// could not summarize in an otherwise usable job are logged with the service's innermost error code, and its
/// warnings and detected languages at information level. No article text and no key are logged.
/// </remarks>
public sealed partial class LanguageSummarizer : ISummarizer
{
    private readonly SummarizerOptions _options;
    private readonly BuiltInSummarizer _builtIn;
    private readonly AnalyzeTextClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the summarizer for the resource in <see cref="SummarizerOptions.Language"/>.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is invalid.</exception>
    public LanguageSummarizer(SummarizerOptions options, TimeProvider time, ILogger<LanguageSummarizer> logger)
        : this(options, AnalyzeTextClient.CreatePipeline(options.Language), time, logger)
    {
    }

    internal LanguageSummarizer(SummarizerOptions options, HttpPipeline pipeline, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _builtIn = new BuiltInSummarizer(options, time);
        if (!options.UsesLanguageService)
        {
            throw new ArgumentException($"Summarizer:Provider '{options.Provider}' is not an Azure AI Language summarizer.", nameof(options));
        }

        _options = options;
        _client = new AnalyzeTextClient(pipeline, options.Language, time);
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    /// <exception cref="ArticleRejectedException">Neither the built-in summarizer nor the service found a summary.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (no fallback then).</exception>
    public async Task<ArticleSummary> SummarizeAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArticleSummary? builtIn = null;
        ArticleRejectedException? rejected = null;
        try
        {
            builtIn = await _builtIn.SummarizeAsync(article, cancellationToken);
        }
        catch (ArticleRejectedException rejection)
        {
            rejected = rejection;
        }

        var (documents, leftOut) = ArticleDocuments.Split(article.Paragraphs, _options.Language.DocumentCharacters);
        if (documents.Count == 0)
        {
            throw rejected ?? new ArticleRejectedException(article.Name, RejectionCode.NoUsableSentences, "the body is empty");
        }

        if (leftOut > 0)
        {
            LogCut(article.Name, documents.Sum(d => ArticleDocuments.Characters(d.Text)), leftOut);
        }

        try
        {
            var state = await _client.RunAsync(JobRequest(documents), cancellationToken);
            var sentences = _options.Provider == SummarizerProviders.LanguageExtractive
                ? SummaryResults.Extractive(state, documents, _options.Sentences)
                : SummaryResults.Abstractive(state, documents, _options.Sentences);
            Report(article.Name, state);
            return (builtIn ?? WithoutBuiltIn(article)) with { Sentences = sentences, Provider = _options.Provider, SummarizedAt = _time.GetUtcNow() };
        }
        catch (LanguageServiceException failure)
        {
            if (rejected is not null)
            {
                LogRejectedByBoth(article.Name, failure.Fault, failure.Message);
                throw rejected;
            }

            LogFallback(article.Name, failure.Fault, failure.Message);
            return builtIn!;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever else goes wrong with the service, the article still gets its summary (or its rejection).
            if (rejected is not null)
            {
                LogUnexpectedThenRejected(failure, article.Name, failure.GetType().Name);
                throw rejected;
            }

            LogUnexpected(failure, article.Name, failure.GetType().Name);
            return builtIn!;
        }
    }

    /// <summary>The summary's other parts when the built-in summarizer found nothing: no key phrases, the word count.</summary>
    private ArticleSummary WithoutBuiltIn(Article article) => new()
    {
        Article = article.Name,
        Title = article.Title,
        Outlet = article.Outlet,
        Url = article.Url,
        PublishedAt = article.PublishedAt,
        ContentHash = article.ContentHash,
        Sentences = [],
        KeyPhrases = [],
        WordCount = article.Paragraphs.Sum(Words.Count),
        Provider = _options.Provider,
        SummarizedAt = _time.GetUtcNow(),
    };

    /// <summary>Logs what the service said about single documents of a job whose summary is used.</summary>
    private void Report(string article, JobState state)
    {
        foreach (var task in state.Tasks?.Items ?? [])
        {
            foreach (var failed in task.Results?.Errors ?? [])
            {
                var error = failed.Error?.Innermost();
                LogDocumentFailed(article, failed.Id ?? "(none)", AnalyzeTextClient.Shorten(error?.Code ?? "(none)"), AnalyzeTextClient.Shorten(error?.Message ?? ""));
            }

            foreach (var document in task.Results?.Documents ?? [])
            {
                foreach (var warning in document.Warnings ?? [])
                {
                    LogDocumentWarning(article, document.Id ?? "(none)", AnalyzeTextClient.Shorten(warning.Code ?? "(none)"), AnalyzeTextClient.Shorten(warning.Message ?? ""));
                }

                if (document.DetectedLanguage is { } detected)
                {
                    LogDetectedLanguage(article, document.Id ?? "(none)", AnalyzeTextClient.Shorten(detected.Iso6391Name ?? "(none)"), detected.ConfidenceScore);
                }
            }
        }
    }

    private AnalyzeTextJobRequest JobRequest(IReadOnlyList<ArticleDocument> documents)
    {
        var language = _options.Language.RequestLanguage(_options.Provider);
        var task = _options.Provider == SummarizerProviders.LanguageExtractive
            ? new SummarizationTask("ExtractiveSummarization", SummaryResults.TaskName, new SummarizationParameters(_options.Sentences, SortBy: "Offset"))
            : new SummarizationTask("AbstractiveSummarization", SummaryResults.TaskName, new SummarizationParameters(_options.Sentences));
        return new AnalyzeTextJobRequest(
            new AnalysisInput(documents.Select(d => new InputDocument(d.Id, language, d.Text)).ToList()),
            [task],
            _options.Language.RequestDefaultLanguage(_options.Provider),
            // The service cancels the job once the client has stopped waiting for it.
            CancelAfter: _options.Language.TimeoutSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure AI Language did not summarize {Article} ({Fault}): {Reason}. The built-in summarizer found no usable sentence in it either, so it is rejected.")]
    private partial void LogRejectedByBoth(string article, LanguageServiceFault fault, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure AI Language did not summarize {Article} (unexpected {ErrorType}). The built-in summarizer found no usable sentence in it either, so it is rejected.")]
    private partial void LogUnexpectedThenRejected(Exception failure, string article, string errorType);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure AI Language could not summarize document {Document} of {Article} ({ErrorCode}: {ErrorMessage}); the summary comes from its other documents")]
    private partial void LogDocumentFailed(string article, string document, string errorCode, string errorMessage);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Azure AI Language warned about document {Document} of {Article}: {WarningCode}: {WarningMessage}")]
    private partial void LogDocumentWarning(string article, string document, string warningCode, string warningMessage);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Azure AI Language detected language {Language} in document {Document} of {Article} (confidence {Confidence})")]
    private partial void LogDetectedLanguage(string article, string document, string language, double confidence);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure AI Language did not summarize {Article} ({Fault}): {Reason}. The built-in summarizer summarized it instead.")]
    private partial void LogFallback(string article, LanguageServiceFault fault, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Azure AI Language did not summarize {Article} (unexpected {ErrorType}). The built-in summarizer summarized it instead.")]
    private partial void LogUnexpected(Exception failure, string article, string errorType);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Article} is longer than one request allows: the service gets its first {SentCharacters} characters, not the last {LeftOutCharacters}")]
    private partial void LogCut(string article, int sentCharacters, int leftOutCharacters);
}
