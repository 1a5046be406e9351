namespace Digest.Language;

/// <summary>Reduces a lower-case word to its stem.</summary>
public static class Stemmer
{
    public static string Stem(string lowerWord) =>
        lowerWord.Length > 3 && lowerWord.EndsWith('s') && !lowerWord.EndsWith("ss", StringComparison.Ordinal) ? lowerWord[..^1] : lowerWord;
}
