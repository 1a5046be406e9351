using Digest.Language;

namespace Digest.Summaries.Cloud;

/// <summary>
/// Turns a succeeded job into the summary's sentences. Extractive: the best-ranked sentences across all documents,
/// in article order. Abstractive: each document's summary split into sentences with <see cref="SentenceSplitter"/>,
/// taken in turn from each document when there are more than wanted, in article order.
/// </summary>
internal static class SummaryResults
{
    /// <summary>The <c>taskName</c> of the one task a job holds.</summary>
    public const string TaskName = "summary";

    /// <summary>The sentences of an extractive job over <paramref name="documents"/>.</summary>
    /// <exception cref="LanguageServiceException">A document is missing, failed or has no sentences with text.</exception>
    public static IReadOnlyList<string> Extractive(JobState state, IReadOnlyList<ArticleDocument> documents, int count)
    {
        var candidates = new List<(int Document, ExtractedSentence Sentence)>();
        var results = DocumentResults(state, documents, "ExtractiveSummarizationLROResults");
        for (var d = 0; d < results.Count; d++)
        {
            foreach (var sentence in results[d].Sentences ?? [])
            {
                if (!string.IsNullOrWhiteSpace(sentence.Text))
                {
                    candidates.Add((d, sentence));
                }
            }
        }

        return Chosen(
            candidates
                .OrderByDescending(c => c.Sentence.RankScore)
                .ThenBy(c => c.Document)
                .ThenBy(c => c.Sentence.Offset)
                .Take(count)
                .OrderBy(c => c.Document)
                .ThenBy(c => c.Sentence.Offset)
                .Select(c => c.Sentence.Text!.Trim())
                .ToList());
    }

    /// <summary>The sentences of an abstractive job over <paramref name="documents"/>.</summary>
    /// <exception cref="LanguageServiceException">A document is missing, failed or has no summary with text.</exception>
    public static IReadOnlyList<string> Abstractive(JobState state, IReadOnlyList<ArticleDocument> documents, int count)
    {
        var perDocument = DocumentResults(state, documents, "AbstractiveSummarizationLROResults")
            .Select(result => (result.Summaries ?? [])
                .Where(s => !string.IsNullOrWhiteSpace(s.Text))
                .SelectMany(s => s.Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .SelectMany(SentenceSplitter.Split)
                .ToList())
            .ToList();

        // In turn from each document, so a long article's later parts are heard too; then back in article order.
        var picked = new List<(int Document, int Index)>();
        for (var round = 0; picked.Count < count && perDocument.Any(d => d.Count > round); round++)
        {
            for (var d = 0; d < perDocument.Count && picked.Count < count; d++)
            {
                if (round < perDocument[d].Count)
                {
                    picked.Add((d, round));
                }
            }
        }

        return Chosen(picked.OrderBy(p => p.Document).ThenBy(p => p.Index).Select(p => perDocument[p.Document][p.Index]).ToList());
    }

    private static IReadOnlyList<string> Chosen(List<string> sentences) =>
        sentences.Count > 0
            ? sentences
            : throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, "the job succeeded but returned no summary text");

    /// <summary>
    /// The result of each of <paramref name="documents"/> the service summarized, in their order, from the task of
    /// <paramref name="kind"/>. A document the service reports an error for is left out (the others still count);
    /// when every document failed, the job gave no summary.
    /// </summary>
    private static List<DocumentResult> DocumentResults(JobState state, IReadOnlyList<ArticleDocument> documents, string kind)
    {
        var task = state.Tasks?.Items?.FirstOrDefault(t => t.Kind == kind)
            ?? throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, $"the succeeded job has no {kind} task");
        if (task.Status != "succeeded")
        {
            throw new LanguageServiceException(
                LanguageServiceFault.JobFailed, $"the summarization task ended '{task.Status ?? "(none)"}'{JobErrors.Describe(state)}");
        }

        var byId = (task.Results?.Documents ?? [])
            .Where(r => r.Id is not null)
            .GroupBy(r => r.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var failed = (task.Results?.Errors ?? []).Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var results = new List<DocumentResult>();
        foreach (var document in documents)
        {
            if (byId.GetValueOrDefault(document.Id) is { } result)
            {
                results.Add(result);
            }
            else if (!failed.Contains(document.Id))
            {
                throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, $"the job's results have no document '{document.Id}'");
            }
        }

        return results.Count > 0
            ? results
            : throw new LanguageServiceException(LanguageServiceFault.JobFailed, $"the job succeeded but every document failed{JobErrors.Describe(state)}");
    }
}
