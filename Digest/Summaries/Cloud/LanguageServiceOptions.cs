using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Digest.Summaries.Cloud;

/// <summary>
/// The Azure AI Language resource that summarizes articles (configuration section <c>Summarizer:Language</c>).
/// Signs in with <see cref="ApiKey"/> when it is set, otherwise with Microsoft Entra ID (the app's managed identity,
/// or the developer's sign-in when run locally).
/// </summary>
public sealed partial class LanguageServiceOptions
{
    private const string Section = "Summarizer:Language";

    /// <summary>The resource's endpoint, e.g. <c>https://my-language.cognitiveservices.azure.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>A key of the resource, sent as <c>Ocp-Apim-Subscription-Key</c>. Leave unset to sign in with Entra ID.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; unset uses the system-assigned one or the developer's sign-in.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The analyze-text API version.</summary>
    public string ApiVersion { get; set; } = "2025-11-01";

    /// <summary>
    /// Language of the articles as the service names it: one the provider supports (extractive: <c>zh-hans</c>,
    /// <c>en</c>, <c>fr</c>, <c>de</c>, <c>he</c>, <c>it</c>, <c>ja</c>, <c>ko</c>, <c>pl</c>, <c>pt</c>, <c>es</c>;
    /// abstractive also <c>ar</c>), or <c>auto</c> to let the service detect it.
    /// </summary>
    public string DocumentLanguage { get; set; } = "en";

    /// <summary>With <c>auto</c>: the language the service assumes when it cannot detect one (sent as <c>defaultLanguage</c>).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// The resource's Azure region (e.g. <c>westeurope</c>), checked against the regions that offer abstractive
    /// summarization. Unset: taken from a regional endpoint's host; a custom-subdomain endpoint does not show it.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// Longest time one article may spend with the service, submitting, waiting and polling included; after it the
    /// built-in summarizer is used. Well below the Functions timeout.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Longest document sent, in Unicode code points (never fewer than the service counts). An article longer than this is sent as several documents, cut at
    /// paragraph boundaries, in one request.
    /// </summary>
    public int DocumentCharacters { get; set; } = 20_000;

    /// <summary>Whether requests sign in with <see cref="ApiKey"/> rather than Entra ID.</summary>
    public bool UsesApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The endpoint as a URI; valid only after validation passed.</summary>
    public Uri EndpointUri => new(Endpoint!.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>The endpoint's Azure cloud, for the Entra ID scope; valid only after validation passed.</summary>
    internal LanguageCloud Cloud => LanguageCloud.Of(EndpointUri);

    /// <summary>The <c>language</c> of each document, as the service spells it.</summary>
    internal string RequestLanguage(string provider) =>
        IsAuto(DocumentLanguage) ? LanguageSupport.Auto : LanguageSupport.Supported(provider, DocumentLanguage) ?? DocumentLanguage;

    /// <summary>The job's <c>defaultLanguage</c>: set only with <c>auto</c>.</summary>
    internal string? RequestDefaultLanguage(string provider) =>
        IsAuto(DocumentLanguage) ? LanguageSupport.Supported(provider, DefaultLanguage) ?? DefaultLanguage : null;

    private static bool IsAuto(string? language) => string.Equals(language?.Trim(), LanguageSupport.Auto, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problems with these settings for <paramref name="provider"/>, each naming its setting.</summary>
    internal IEnumerable<ValidationResult> Validate(string provider)
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return Problem(
                nameof(Endpoint),
                $"{Section}:Endpoint is required when Summarizer:Provider is '{provider}': set it to the Azure AI Language resource's endpoint, e.g. https://<resource>.cognitiveservices.azure.com.");
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("https" or "http")
            || endpoint.Query.Length > 0
            || endpoint.Fragment.Length > 0)
        {
            yield return Problem(nameof(Endpoint), $"{Section}:Endpoint '{Endpoint}' is not an absolute https (or http) URL without query or fragment.");
        }
        else if (!UsesApiKey && endpoint.Scheme != "https")
        {
            yield return Problem(nameof(Endpoint), $"{Section}:Endpoint must be https to sign in with Entra ID (or set {Section}:ApiKey).");
        }
        else if (!UsesApiKey && LanguageCloud.Of(endpoint).IsRegional)
        {
            yield return Problem(
                nameof(Endpoint),
                $"{Section}:Endpoint '{Endpoint}' is a regional endpoint, which does not accept Entra ID sign-in: use the resource's custom subdomain endpoint (https://<resource>.cognitiveservices.azure.com), or set {Section}:ApiKey.");
        }

        if (!ApiVersionPattern().IsMatch(ApiVersion ?? ""))
        {
            yield return Problem(nameof(ApiVersion), $"{Section}:ApiVersion '{ApiVersion}' is not an API version such as 2025-11-01.");
        }

        foreach (var problem in LanguageProblems(provider))
        {
            yield return problem;
        }

        foreach (var problem in RegionProblems(provider))
        {
            yield return problem;
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            yield return Problem(nameof(TimeoutSeconds), $"{Section}:TimeoutSeconds must be between 1 and 600 (it is {TimeoutSeconds}).");
        }

        if (DocumentCharacters is < 1_000 or > AnalyzeTextLimits.RequestCharacters)
        {
            yield return Problem(
                nameof(DocumentCharacters),
                $"{Section}:DocumentCharacters must be between 1000 and {AnalyzeTextLimits.RequestCharacters} (it is {DocumentCharacters}).");
        }
    }

    private IEnumerable<ValidationResult> LanguageProblems(string provider)
    {
        var supported = string.Join(", ", LanguageSupport.LanguagesOf(provider));
        if (IsAuto(DocumentLanguage))
        {
            if (LanguageSupport.Supported(provider, DefaultLanguage) is null)
            {
                yield return Problem(
                    nameof(DefaultLanguage),
                    $"{Section}:DefaultLanguage '{DefaultLanguage}' is not a language {provider} supports, which {Section}:DocumentLanguage 'auto' needs; use one of {supported}.");
            }
        }
        else if (LanguageSupport.Supported(provider, DocumentLanguage) is null)
        {
            yield return Problem(
                nameof(DocumentLanguage),
                $"{Section}:DocumentLanguage '{DocumentLanguage}' is not a language {provider} supports; use one of {supported}, or auto.");
        }
    }

    private IEnumerable<ValidationResult> RegionProblems(string provider)
    {
        var fromEndpoint = Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) ? LanguageCloud.Of(endpoint).Region : null;
        var region = string.IsNullOrWhiteSpace(Region) ? fromEndpoint : Region.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (region is null || provider != SummarizerProviders.LanguageAbstractive || LanguageSupport.AbstractiveRegions.Contains(region))
        {
            yield break;
        }

        var setting = string.IsNullOrWhiteSpace(Region) ? nameof(Endpoint) : nameof(Region);
        yield return Problem(
            setting,
            $"{Section}:{setting} puts the resource in region '{region}', which does not offer abstractive summarization; use a resource in one of {string.Join(", ", LanguageSupport.AbstractiveRegions)}, or Summarizer:Provider language-extractive.");
    }

    private static ValidationResult Problem(string member, string message) => new(message, [$"{nameof(SummarizerOptions.Language)}.{member}"]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersionPattern();
}
