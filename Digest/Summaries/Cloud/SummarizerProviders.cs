namespace Digest.Summaries.Cloud;

/// <summary>The values of <c>Summarizer:Provider</c>, also written to <see cref="ArticleSummary.Provider"/>.</summary>
public static class SummarizerProviders
{
    /// <summary>The built-in extractive summarizer; needs no network.</summary>
    public const string BuiltIn = BuiltInSummarizer.ProviderName;

    /// <summary>Azure AI Language extractive summarization: whole sentences picked by the service.</summary>
    public const string LanguageExtractive = "language-extractive";

    /// <summary>Azure AI Language abstractive summarization: a summary written by the service.</summary>
    public const string LanguageAbstractive = "language-abstractive";

    /// <summary>Every valid provider, default first.</summary>
    public static IReadOnlyList<string> All { get; } = [BuiltIn, LanguageExtractive, LanguageAbstractive];
}
