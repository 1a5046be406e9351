using Digest.Articles;

namespace Digest.Summaries;

/// <summary>The summarizer that needs no network.</summary>
public sealed class BuiltInSummarizer(SummarizerOptions options, TimeProvider time) : ISummarizer
{
    public Task<ArticleSummary> SummarizeAsync(Article article, CancellationToken cancellationToken = default)
    {
        var sentences = article.Paragraphs.Take(options.Sentences).ToArray();
        if (sentences.Length == 0)
        {
            throw new ArticleRejectedException(article.Name, RejectionCode.NoUsableSentences, "the article has no usable sentences");
        }

        return Task.FromResult(new ArticleSummary
        {
            Article = article.Name,
            Title = article.Title,
            Outlet = article.Outlet,
            Url = article.Url,
            PublishedAt = article.PublishedAt,
            ContentHash = article.ContentHash,
            Sentences = sentences,
            WordCount = article.Paragraphs.Sum(p => p.Split(' ').Length),
            SummarizedAt = time.GetUtcNow(),
        });
    }
}
