namespace Digest.Articles.Evaluation;

/// <summary>Per-page scores, their summary and the total time spent extracting.</summary>
public sealed record BenchmarkResult(IReadOnlyList<ScoredPage> Pages, BenchmarkScore Summary, TimeSpan ExtractionTime);
