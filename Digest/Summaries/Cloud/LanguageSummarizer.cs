using Azure.Core.Pipeline;
using Digest.Articles;
using Microsoft.Extensions.Logging;

namespace Digest.Summaries.Cloud;

/// <summary>
/// Summarizes articles with Azure AI Language (extractive or abstractive, by <see cref="SummarizerOptions.Provider"/>)
/// and falls back to the <see cref="BuiltInSummarizer"/> whenever the service gives no usable summary, so every
/// article is summarized.
/// </summary>
/// <remarks>
/// The built-in summarizer runs first: it rejects an article without usable sentences exactly as it would alone (and
/// the service is not asked), gives the key phrases and word count, and is the fallback. The service then replaces
/// the sentences, and <see cref="ArticleSummary.Provider"/> says which of the two produced them. A fallback logs one
/// warning naming the article, the fault and the reason; no article text and no key are logged.
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
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (no fallback then).</exception>
    public async Task<ArticleSummary> SummarizeAsync(Article article, CancellationToken cancellationToken = default)
    {
        var builtIn = await _builtIn.SummarizeAsync(article, cancellationToken);
        var (documents, leftOut) = ArticleDocuments.Split(article.Paragraphs, _options.Language.DocumentCharacters);
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
            return builtIn with { Sentences = sentences, Provider = _options.Provider, SummarizedAt = _time.GetUtcNow() };
        }
        catch (LanguageServiceException failure)
        {
            LogFallback(article.Name, failure.Fault, failure.Message);
            return builtIn;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever else goes wrong with the service, the article still gets its summary.
            LogUnexpected(failure, article.Name, failure.GetType().Name);
            return builtIn;
        }
    }

    private AnalyzeTextJobRequest JobRequest(IReadOnlyList<ArticleDocument> documents)
    {
        var language = _options.Language.DocumentLanguage;
        var task = _options.Provider == SummarizerProviders.LanguageExtractive
            ? new SummarizationTask("ExtractiveSummarization", SummaryResults.TaskName, new SummarizationParameters(_options.Sentences, SortBy: "Offset"))
            : new SummarizationTask("AbstractiveSummarization", SummaryResults.TaskName, new SummarizationParameters(_options.Sentences));
        return new AnalyzeTextJobRequest(
            new AnalysisInput(documents.Select(d => new InputDocument(d.Id, language, d.Text)).ToList()),
            [task]);
    }

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
