using System.Security.Cryptography;
using Digest.Articles;
using Digest.Storage;
using Microsoft.Extensions.Logging;

namespace Digest.Summaries;

/// <summary>What happened to one uploaded article.</summary>
public enum IntakeResult
{
    Summarized,
    AlreadySummarized,
    Rejected,
}

/// <summary>The outcome for one article; <see cref="Reason"/> is set when it was rejected.</summary>
public sealed record IntakeOutcome(string Article, IntakeResult Result, ArticleSummary? Summary, string? Reason = null);

/// <summary>
/// Reads, summarizes and stores one uploaded article. Idempotent: an article whose summary already exists with the
/// same content hash is not summarized again, so a re-delivered upload event is harmless. An article that cannot be
/// read is recorded as rejected with its reason and the call still succeeds, because retrying cannot fix it.
/// </summary>
public sealed partial class SummarizeArticleHandler(
    ArticleReader reader, ISummarizer summarizer, ISummaryStore store, TimeProvider time, ILogger<SummarizeArticleHandler> logger)
{
    public async Task<IntakeOutcome> HandleAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            var article = Read(name, content.Span);
            if (await store.FindAsync(name, cancellationToken) is { } existing && existing.ContentHash == article.ContentHash)
            {
                LogAlreadySummarized(name);
                return new IntakeOutcome(name, IntakeResult.AlreadySummarized, existing);
            }

            var summary = await summarizer.SummarizeAsync(article, cancellationToken);
            await store.SaveAsync(summary, cancellationToken);
            LogSummarized(name, summary.Sentences.Count, summary.Provider);
            return new IntakeOutcome(name, IntakeResult.Summarized, summary);
        }
        catch (ArticleRejectedException rejected)
        {
            await store.SaveRejectionAsync(new Rejection(name, rejected.Reason, Convert.ToHexStringLower(SHA256.HashData(content.Span)), time.GetUtcNow()), cancellationToken);
            LogRejected(name, rejected.Code, rejected.Reason);
            return new IntakeOutcome(name, IntakeResult.Rejected, null, rejected.Reason);
        }
    }

    /// <summary>Reads the article; an intake failure it did not foresee is logged with its exception (intake has made it a rejection).</summary>
    private Article Read(string name, ReadOnlySpan<byte> content)
    {
        try
        {
            return reader.Read(name, content);
        }
        catch (ArticleRejectedException rejected) when (rejected.InnerException is { } unforeseen)
        {
            LogIntakeFailed(unforeseen, name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake failed on {Article} unexpectedly; it is set aside as rejected")]
    private partial void LogIntakeFailed(Exception exception, string article);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summarized {Article}: {SentenceCount} sentences by {Provider}")]
    private partial void LogSummarized(string article, int sentenceCount, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Article} is already summarized with the same content; nothing to do")]
    private partial void LogAlreadySummarized(string article);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Article} ({Code}): {Reason}")]
    private partial void LogRejected(string article, RejectionCode code, string reason);
}
