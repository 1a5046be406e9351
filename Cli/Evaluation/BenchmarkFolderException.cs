namespace Digest.Articles.Evaluation;

/// <summary>The benchmark folder is missing a file or holds one that cannot be read.</summary>
public sealed class BenchmarkFolderException(string message) : Exception(message);
