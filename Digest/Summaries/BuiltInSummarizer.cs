using System.ComponentModel.DataAnnotations;
using Digest.Articles;
using Digest.Language;
using Digest.Summaries.Ranking;
using Digest.Summaries.Screening;

namespace Digest.Summaries;

/// <summary>
/// The summarizer that needs no network: an extractive summary of whole sentences from the article.
/// </summary>
/// <remarks>
/// Sentences that could stand in a summary (no fragments or boilerplate) are ranked by LexRank centrality over
/// TF-IDF cosine similarity, weighted by a news position prior (the lead and early paragraph openings count more)
/// and by their form; they are then picked by maximal marginal relevance so that no two say the same thing, and
/// returned in article order. The result depends only on the article and the options.
/// <para>
/// Only the first <see cref="MaxRankedSentences"/> usable sentences are ranked: the similarity graph is dense, so its
/// memory and time grow with the square of the sentences ranked, and a news article states its story in its first
/// sentences anyway. Articles with fewer usable sentences (nearly all: a 10,000-word feature has about 450) are ranked
/// whole, exactly as before; a longer one costs at most a 400 × 400 graph (about 2.5 MB) however long it is.
/// </para>
/// </remarks>
public sealed class BuiltInSummarizer : ISummarizer
{
    /// <summary>The <see cref="ArticleSummary.Provider"/> this summarizer writes.</summary>
    public const string ProviderName = "builtin";

    /// <summary>The most usable sentences ranked per article, counted from its start.</summary>
    public const int MaxRankedSentences = 400;

    private readonly SummarizerOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the summarizer.</summary>
    /// <exception cref="ValidationException">An option is out of its documented range.</exception>
    public BuiltInSummarizer(SummarizerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _options = options;
        _time = time;
    }

    /// <inheritdoc />
    public Task<ArticleSummary> SummarizeAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        cancellationToken.ThrowIfCancellationRequested();

        var text = ArticleText.Analyze(article.Paragraphs);
        var candidates = RankedCandidates(text, out var scores);
        if (candidates.Length == 0)
        {
            throw new ArticleRejectedException(
                article.Name,
                RejectionCode.NoUsableSentences,
                "the body has no sentence a summary could use (only fragments, headings or page furniture such as bylines and captions)");
        }

        var similarity = SentenceSimilarity.Matrix(text, candidates);
        var centrality = LexRank.Centrality(similarity, candidates.Length);
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] *= centrality[i];
        }

        var picks = SummarySelection.Select(scores, similarity, _options.Sentences);
        var sentences = new string[picks.Length];
        for (var i = 0; i < picks.Length; i++)
        {
            sentences[i] = text.Sentences[candidates[picks[i]]].Text;
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
            KeyPhrases = KeyPhrases.Extract(text, candidates, article.Title, _options.KeyPhrases),
            EventTerms = EventTerms.Extract(text, _options.EventTerms),
            WordCount = CountWords(article.Paragraphs),
            Provider = ProviderName,
            SummarizedAt = _time.GetUtcNow(),
        });
    }

    /// <summary>
    /// The sentences a summary may use (indexes into <see cref="ArticleText.Sentences"/>, in article order) and, for
    /// each, its prior weight: position prior × suitability of its form. At most <see cref="MaxRankedSentences"/>, the first ones.
    /// </summary>
    private static int[] RankedCandidates(ArticleText text, out double[] priors)
    {
        var candidates = new List<int>();
        var weights = new List<double>();
        var lastParagraph = -1;
        var paragraphRank = -1;
        for (var s = 0; s < text.Sentences.Count && candidates.Count < MaxRankedSentences; s++)
        {
            var sentence = text.Sentences[s];
            var suitability = SentenceScreen.Suitability(sentence, text.TokensOf(sentence));
            if (suitability <= 0)
            {
                continue;
            }

            var opensParagraph = sentence.Paragraph != lastParagraph;
            if (opensParagraph)
            {
                paragraphRank++;
                lastParagraph = sentence.Paragraph;
            }

            weights.Add(suitability * PositionPrior.Weight(candidates.Count, paragraphRank, opensParagraph));
            candidates.Add(s);
        }

        priors = [.. weights];
        return [.. candidates];
    }

    private static int CountWords(IReadOnlyList<string> paragraphs)
    {
        var words = 0;
        foreach (var paragraph in paragraphs)
        {
            words += Words.Count(paragraph);
        }

        return words;
    }
}
