namespace Digest.Articles.Evaluation;

/// <summary>One page of an extraction benchmark: its id, the whole HTML page and the human-marked article body.</summary>
public sealed record BenchmarkPage(string Id, string Html, string ExpectedBody);
