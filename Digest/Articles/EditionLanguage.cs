using Lingua;
using LinguaLanguage = Lingua.Language;

namespace Digest.Articles;

/// <summary>
/// Tells whether an article is written in the edition's language, with Lingua's language identification
/// (SearchPioneer.Lingua, n-gram models shipped in the package; low-accuracy mode, which is fast and reliable on
/// text of a few sentences). Only the opening of the body is read: 600 characters settle the language.
/// </summary>
public sealed class EditionLanguage
{
    /// <summary>The setting value that turns the check off.</summary>
    public const string Any = "any";

    private const int SampleCharacters = 2000;
    private const double MinimumConfidence = 0.5;
    private const double ClearlyEnglish = 0.06;
    private const int IdentifiedCharacters = 600;

    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build());

    private readonly LinguaLanguage? _edition;

    /// <param name="isoCode">ISO 639-1 code of the edition's language (<c>en</c>), or <see cref="Any"/>.</param>
    public EditionLanguage(string isoCode)
    {
        _edition = IsAny(isoCode) ? null : FromCode(isoCode) ?? throw new ArgumentException($"'{isoCode}' is not an ISO 639-1 language code Lingua knows", nameof(isoCode));
    }

    /// <summary>True when <paramref name="isoCode"/> is a language Lingua can identify, or <see cref="Any"/>.</summary>
    public static bool IsKnown(string? isoCode) => isoCode is not null && (IsAny(isoCode) || FromCode(isoCode) is not null);

    /// <summary>The language the text is in when it is confidently another one than the edition's; else null.</summary>
    public string? OtherLanguage(IReadOnlyList<string> paragraphs)
    {
        if (_edition is not { } edition)
        {
            return null;
        }

        var sample = new System.Text.StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            sample.Append(paragraph).Append(' ');
            if (sample.Length >= SampleCharacters)
            {
                break;
            }
        }

        var text = sample.Length > SampleCharacters ? sample.ToString(0, SampleCharacters) : sample.ToString();

        // Identifying a language costs a thousand times what reading the article does; an English edition first asks
        // whether the text is full of English function words (6% or more of its words are in
        // StopWords: real English news has 17-70%, French, German, Dutch and Spanish text 0-4%) and only asks Lingua when it is not.
        if (edition == LinguaLanguage.English && EnglishShare(text) >= ClearlyEnglish)
        {
            return null;
        }

        var confidences = Detector.Value.ComputeLanguageConfidenceValues(text.Length > IdentifiedCharacters ? text[..IdentifiedCharacters] : text);
        if (confidences.Count == 0)
        {
            return null;
        }

        var top = confidences.MaxBy(c => c.Value);
        return top.Key != edition && top.Value >= MinimumConfidence && confidences.GetValueOrDefault(edition) < 1 - MinimumConfidence
            ? top.Key.ToString()
            : null;
    }

    private static double EnglishShare(string text)
    {
        var words = Digest.Language.Words.Tokenize(text);
        return words.Count == 0 ? 0 : words.Count(Digest.Language.StopWords.Contains) / (double)words.Count;
    }

    private static bool IsAny(string isoCode) => string.Equals(isoCode.Trim(), Any, StringComparison.OrdinalIgnoreCase);

    private static LinguaLanguage? FromCode(string isoCode) =>
        Enum.TryParse<IsoCode6391>(isoCode.Trim(), ignoreCase: true, out var code) && code != IsoCode6391.None && isoCode.Trim().Length == 2
            ? LanguageInfo.GetByIsoCode6391(code)
            : null;
}
