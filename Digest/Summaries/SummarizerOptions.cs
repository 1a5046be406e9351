using System.ComponentModel.DataAnnotations;
using Digest.Summaries.Cloud;

namespace Digest.Summaries;

/// <summary>Settings for summaries (configuration section <c>Summarizer</c>).</summary>
public sealed class SummarizerOptions : IValidatableObject
{
    public const string SectionName = "Summarizer";

    /// <summary>
    /// Which summarizer to use: <c>builtin</c> (default, needs no network), <c>language-extractive</c> or
    /// <c>language-abstractive</c> (Azure AI Language, see <see cref="Language"/>).
    /// </summary>
    [Required]
    public string Provider { get; set; } = SummarizerProviders.BuiltIn;

    /// <summary>Sentences per article summary.</summary>
    [Range(1, 10)]
    public int Sentences { get; set; } = 3;

    /// <summary>Key phrases per article.</summary>
    [Range(0, 20)]
    public int KeyPhrases { get; set; } = 5;

    /// <summary>
    /// Event terms (names, amounts, years) kept per article from its whole text, for grouping; 0 (the default) keeps
    /// none. 16 raise recall on real news but cost about 150 MB more to compose 100,000 summaries (README, Grouping
    /// quality), past the 512 MB budget.
    /// </summary>
    [Range(0, 64)]
    public int EventTerms { get; set; }

    /// <summary>The Azure AI Language resource, used when <see cref="Provider"/> is one of the <c>language-</c> ones.</summary>
    public LanguageServiceOptions Language { get; set; } = new();

    /// <summary>Whether <see cref="Provider"/> names an Azure AI Language summarizer.</summary>
    public bool UsesLanguageService =>
        Provider is SummarizerProviders.LanguageExtractive or SummarizerProviders.LanguageAbstractive;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SummarizerProviders.All.Contains(Provider))
        {
            yield return new ValidationResult(
                $"Summarizer:Provider '{Provider}' is not a summarizer; use one of {string.Join(", ", SummarizerProviders.All)}.",
                [nameof(Provider)]);
        }

        if (UsesLanguageService)
        {
            foreach (var result in Language.Validate(Provider))
            {
                yield return result;
            }
        }
    }
}
