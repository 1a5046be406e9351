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
    /// <summary>
    /// Handles an uploaded blob as a stream without ever holding more than the size limit plus one byte: a blob whose
    /// length is over the limit is rejected unread, and a stream without a length is read only up to the limit.
    /// </summary>
    public async Task<IntakeOutcome> HandleAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var limit = reader.MaxArticleBytes;
        if (content.CanSeek && content.Length > limit)
        {
            return await RejectAsync(name, reader.TooLarge(name, content.Length), ReadOnlyMemory<byte>.Empty, cancellationToken);
        }

        // Sized by the blob's length when it is known (never the whole limit for a small article), else grown as read.
        var buffer = new byte[content.CanSeek ? (int)content.Length + 1 : Math.Min(limit + 1, 64 * 1024)];
        var read = 0;
        int got;
        while ((got = await content.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += got;
            if (read == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }
        }

        return read > limit
            ? await RejectAsync(name, reader.TooLarge(name, size: null), buffer, cancellationToken)
            : await HandleAsync(name, buffer.AsMemory(0, read), cancellationToken);
    }

    public async Task<IntakeOutcome> HandleAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            var article = Read(name, content.Span);
            if (await FindUsableAsync(name, cancellationToken) is { } existing && existing.ContentHash == article.ContentHash)
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
            return await RejectAsync(name, rejected, content, cancellationToken);
        }
    }

    private async Task<IntakeOutcome> RejectAsync(string name, ArticleRejectedException rejected, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await store.SaveRejectionAsync(new Rejection(name, rejected.Reason, Convert.ToHexStringLower(SHA256.HashData(content.Span)), time.GetUtcNow()), cancellationToken);
        LogRejected(name, rejected.Code, rejected.Reason);
        return new IntakeOutcome(name, IntakeResult.Rejected, null, rejected.Reason);
    }

    /// <summary>The stored summary, or null when there is none or it is damaged (then it is rebuilt from the article).</summary>
    private async Task<ArticleSummary?> FindUsableAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await store.FindAsync(name, cancellationToken);
        }
        catch (Storage.DamagedRecordException damaged)
        {
            LogDamagedSummary(damaged, name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored summary of {Article} is damaged; it is rebuilt from the article")]
    private partial void LogDamagedSummary(Exception exception, string article);

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
