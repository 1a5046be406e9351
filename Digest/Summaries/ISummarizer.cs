using Digest.Articles;

namespace Digest.Summaries;

/// <summary>Turns a parsed article into its summary record. The built-in one needs no network.</summary>
public interface ISummarizer
{
    /// <summary>Summarizes <paramref name="article"/>.</summary>
    /// <exception cref="ArticleRejectedException">The article has no usable sentences.</exception>
    Task<ArticleSummary> SummarizeAsync(Article article, CancellationToken cancellationToken = default);
}
