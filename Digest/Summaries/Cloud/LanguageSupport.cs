namespace Digest.Summaries.Cloud;

/// <summary>
/// Where and in which languages Azure AI Language summarizes documents, from its Learn pages on language and region
/// support. Settings outside these stop start-up rather than failing every article at run time.
/// </summary>
internal static class LanguageSupport
{
    /// <summary>Document languages of extractive summarization, as the service names them.</summary>
    public static IReadOnlyList<string> ExtractiveLanguages { get; } = ["zh-hans", "en", "fr", "de", "he", "it", "ja", "ko", "pl", "pt", "es"];

    /// <summary>Document languages of abstractive summarization: the extractive ones and Arabic.</summary>
    public static IReadOnlyList<string> AbstractiveLanguages { get; } = [.. ExtractiveLanguages, "ar"];

    /// <summary>Regions (Azure names) whose Language resources offer abstractive text summarization.</summary>
    public static IReadOnlyList<string> AbstractiveRegions { get; } =
    [
        "australiaeast", "centralus", "chinanorth3", "eastus", "eastus2", "francecentral", "italynorth", "japaneast",
        "northcentralus", "northeurope", "southcentralus", "southeastasia", "swedencentral", "switzerlandnorth",
        "uksouth", "usgovarizona", "usgovvirginia", "westeurope", "westus", "westus2",
    ];

    /// <summary>The value to send for the <c>auto</c> language.</summary>
    public const string Auto = "auto";

    /// <summary>The languages <paramref name="provider"/> summarizes.</summary>
    public static IReadOnlyList<string> LanguagesOf(string provider) =>
        provider == SummarizerProviders.LanguageAbstractive ? AbstractiveLanguages : ExtractiveLanguages;

    /// <summary>The service's spelling of <paramref name="language"/> if <paramref name="provider"/> supports it; otherwise null.</summary>
    public static string? Supported(string provider, string? language) =>
        LanguagesOf(provider).FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What an endpoint's host says about the resource: its Azure cloud (public, US Government, China), hence the Entra
/// ID scope, and whether it is a regional endpoint (<c>{region}.api.cognitive.microsoft.com</c>) rather than the
/// resource's own custom subdomain (<c>{name}.cognitiveservices.azure.com</c>).
/// </summary>
internal sealed record LanguageCloud(string Scope, string? Region)
{
    private const string PublicScope = "https://cognitiveservices.azure.com/.default";

    // (custom-subdomain suffix, regional-endpoint suffix, scope) per cloud.
    private static readonly (string Subdomain, string Regional, string Scope)[] Clouds =
    [
        (".cognitiveservices.azure.com", ".api.cognitive.microsoft.com", PublicScope),
        (".cognitiveservices.azure.us", ".api.cognitive.microsoft.us", "https://cognitiveservices.azure.us/.default"),
        (".cognitiveservices.azure.cn", ".api.cognitive.azure.cn", "https://cognitiveservices.azure.cn/.default"),
    ];

    /// <summary>Whether the endpoint is a shared regional one, which Entra ID sign-in does not accept.</summary>
    public bool IsRegional => Region is not null;

    /// <summary>
    /// The cloud of <paramref name="endpoint"/>. A host of no known cloud (a private or test endpoint) gets the public
    /// cloud's scope.
    /// </summary>
    public static LanguageCloud Of(Uri endpoint)
    {
        var host = endpoint.Host.ToLowerInvariant();
        foreach (var (subdomain, regional, scope) in Clouds)
        {
            if (host.EndsWith(subdomain, StringComparison.Ordinal))
            {
                return new LanguageCloud(scope, null);
            }

            if (host.EndsWith(regional, StringComparison.Ordinal))
            {
                return new LanguageCloud(scope, host[..^regional.Length]);
            }
        }

        return new LanguageCloud(PublicScope, null);
    }
}
