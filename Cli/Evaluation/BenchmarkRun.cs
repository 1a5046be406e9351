namespace Digest.Articles.Evaluation;

/// <summary>Runs a body extractor over benchmark pages, scoring each page and timing the extraction.</summary>
public static class BenchmarkRun
{
    /// <summary>
    /// Scores <paramref name="bodyOf"/> (whole HTML page in, plain-text body out) on every page; the body can come
    /// from the HTML extractor alone or from the whole intake pipeline.
    /// </summary>
    public static BenchmarkResult Score(IReadOnlyList<BenchmarkPage> pages, Func<string, string> bodyOf, TimeProvider time)
    {
        var scored = new List<ScoredPage>(pages.Count);
        var elapsed = TimeSpan.Zero;
        foreach (var page in pages)
        {
            var started = time.GetTimestamp();
            var body = bodyOf(page.Html);
            elapsed += time.GetElapsedTime(started);
            scored.Add(new ScoredPage(page.Id, ShingleScorer.Score(page.ExpectedBody, body)));
        }

        return new BenchmarkResult(scored, ShingleScorer.Summarize(scored.Select(p => p.Score).ToArray()), elapsed);
    }
}
