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

    /// <summary>Language of the articles as the service names it, e.g. <c>en</c>, <c>de</c>, or <c>auto</c>.</summary>
    public string DocumentLanguage { get; set; } = "en";

    /// <summary>
    /// Longest time one article may spend with the service, submitting, waiting and polling included; after it the
    /// built-in summarizer is used. Well below the Functions timeout.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Longest document sent, in text elements. An article longer than this is sent as several documents, cut at
    /// paragraph boundaries, in one request.
    /// </summary>
    public int DocumentCharacters { get; set; } = 20_000;

    /// <summary>Whether requests sign in with <see cref="ApiKey"/> rather than Entra ID.</summary>
    public bool UsesApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The endpoint as a URI; valid only after validation passed.</summary>
    public Uri EndpointUri => new(Endpoint!.TrimEnd('/') + "/", UriKind.Absolute);

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

        if (!ApiVersionPattern().IsMatch(ApiVersion ?? ""))
        {
            yield return Problem(nameof(ApiVersion), $"{Section}:ApiVersion '{ApiVersion}' is not an API version such as 2025-11-01.");
        }

        if (!LanguagePattern().IsMatch(DocumentLanguage ?? ""))
        {
            yield return Problem(nameof(DocumentLanguage), $"{Section}:DocumentLanguage '{DocumentLanguage}' is not a language code such as en, pt-BR or auto.");
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

    private static ValidationResult Problem(string member, string message) => new(message, [$"{nameof(SummarizerOptions.Language)}.{member}"]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*|auto)$")]
    private static partial Regex LanguagePattern();
}
