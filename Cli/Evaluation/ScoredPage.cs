namespace Digest.Articles.Evaluation;

/// <summary>The score of one benchmark page.</summary>
public sealed record ScoredPage(string Id, PageScore Score);
