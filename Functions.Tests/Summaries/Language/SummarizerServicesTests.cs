using Digest;
using Digest.Tests.TestSupport;
using Digest.Summaries;
using Digest.Summaries.Cloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Summaries.Language;

public class SummarizerServicesTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        // A later setting replaces an earlier one of the same key, as a later configuration source would.
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddDigestSummarizer(configuration).BuildServiceProvider();
    }

    private static string StartUpFailure(params (string Key, string Value)[] settings)
    {
        using var services = Build(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => DigestServices.ValidateOptions(services));
        return string.Join("; ", failure.Failures);
    }

    [Fact]
    public void AddDigestSummarizer_NoSettings_UsesTheBuiltInSummarizer()
    {
        using var services = Build();

        DigestServices.ValidateOptions(services);

        Assert.IsType<BuiltInSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Theory]
    [InlineData("language-extractive")]
    [InlineData("language-abstractive")]
    public void AddDigestSummarizer_LanguageProviderWithEndpointAndKey_UsesTheLanguageSummarizer(string provider)
    {
        using var services = Build(
            ("Summarizer:Provider", provider),
            ("Summarizer:Language:Endpoint", "https://digest-language.cognitiveservices.azure.com"),
            ("Summarizer:Language:ApiKey", "0123456789abcdef"));

        DigestServices.ValidateOptions(services);

        Assert.IsType<LanguageSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Fact]
    public void AddDigestSummarizer_LanguageProviderWithEntraId_UsesTheLanguageSummarizer()
    {
        using var services = Build(
            ("Summarizer:Provider", "language-abstractive"),
            ("Summarizer:Language:Endpoint", "https://digest-language.cognitiveservices.azure.com/"),
            ("Summarizer:Language:ManagedIdentityClientId", "5b1f3c2e-0000-4000-8000-000000000001"));

        DigestServices.ValidateOptions(services);

        Assert.IsType<LanguageSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Theory]
    [InlineData("language-extractive")]
    [InlineData("language-abstractive")]
    public void AddDigestSummarizer_LanguageProviderWithoutEndpoint_StopsStartUpNamingTheSetting(string provider)
    {
        var failure = StartUpFailure(("Summarizer:Provider", provider), ("Summarizer:Language:ApiKey", "0123456789abcdef"));

        Assert.Contains("Summarizer:Language:Endpoint is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestSummarizer_UnknownProvider_StopsStartUpNamingTheSetting()
    {
        var failure = StartUpFailure(("Summarizer:Provider", "openai"));

        Assert.Contains("Summarizer:Provider 'openai'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Summarizer:Language:Endpoint", "cognitiveservices.azure.com", "Summarizer:Language:Endpoint")]
    [InlineData("Summarizer:Language:Endpoint", "ftp://digest-language.example", "Summarizer:Language:Endpoint")]
    [InlineData("Summarizer:Language:TimeoutSeconds", "0", "Summarizer:Language:TimeoutSeconds")]
    [InlineData("Summarizer:Language:TimeoutSeconds", "601", "Summarizer:Language:TimeoutSeconds")]
    [InlineData("Summarizer:Language:DocumentCharacters", "200000", "Summarizer:Language:DocumentCharacters")]
    [InlineData("Summarizer:Language:ApiVersion", "latest", "Summarizer:Language:ApiVersion")]
    [InlineData("Summarizer:Language:DocumentLanguage", "english please", "Summarizer:Language:DocumentLanguage")]
    [InlineData("Summarizer:Language:DocumentLanguage", "nl", "Summarizer:Language:DocumentLanguage 'nl' is not a language language-extractive supports")]
    [InlineData("Summarizer:Language:DocumentLanguage", "pt-BR", "Summarizer:Language:DocumentLanguage 'pt-BR' is not a language language-extractive supports")]
    [InlineData("Summarizer:Language:DocumentLanguage", "ar", "Summarizer:Language:DocumentLanguage 'ar' is not a language language-extractive supports")]
    public void AddDigestSummarizer_MalformedLanguageSetting_StopsStartUpNamingIt(string key, string value, string named)
    {
        var failure = StartUpFailure(
            ("Summarizer:Provider", "language-extractive"),
            ("Summarizer:Language:Endpoint", "https://digest-language.cognitiveservices.azure.com"),
            ("Summarizer:Language:ApiKey", "0123456789abcdef"),
            (key, value));

        Assert.Contains(named, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestSummarizer_EntraIdOverPlainHttp_StopsStartUp()
    {
        var failure = StartUpFailure(
            ("Summarizer:Provider", "language-extractive"),
            ("Summarizer:Language:Endpoint", "http://digest-language.example"));

        Assert.Contains("Summarizer:Language:Endpoint must be https to sign in with Entra ID", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestSummarizer_BuiltInWithLanguageSettingsMissing_StartsNormally()
    {
        using var services = Build(("Summarizer:Provider", "builtin"), ("Summarizer:Language:TimeoutSeconds", "0"));

        DigestServices.ValidateOptions(services);

        Assert.IsType<BuiltInSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    private static (string, string)[] Language(string provider, params (string Key, string Value)[] more) =>
    [
        ("Summarizer:Provider", provider),
        ("Summarizer:Language:Endpoint", "https://digest-language.cognitiveservices.azure.com"),
        ("Summarizer:Language:ApiKey", "0123456789abcdef"),
        .. more,
    ];

    [Theory]
    [InlineData("language-extractive", "zh-hans")]
    [InlineData("language-extractive", "ZH-Hans")]
    [InlineData("language-extractive", "ja")]
    [InlineData("language-extractive", "he")]
    [InlineData("language-extractive", "auto")]
    [InlineData("language-abstractive", "ar")]
    [InlineData("language-abstractive", "ko")]
    public void AddDigestSummarizer_SupportedDocumentLanguage_Starts(string provider, string language)
    {
        using var services = Build(Language(provider, ("Summarizer:Language:DocumentLanguage", language)));

        DigestServices.ValidateOptions(services);

        Assert.IsType<LanguageSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Theory]
    [InlineData("language-abstractive", "sv")]
    [InlineData("language-extractive", "ar")]
    public void AddDigestSummarizer_AutoLanguageWithAnUnsupportedDefault_StopsStartUpNamingTheDefault(string provider, string language)
    {
        var failure = StartUpFailure(Language(provider,
            ("Summarizer:Language:DocumentLanguage", "auto"), ("Summarizer:Language:DefaultLanguage", language)));

        Assert.Contains($"Summarizer:Language:DefaultLanguage '{language}' is not a language {provider} supports, which Summarizer:Language:DocumentLanguage 'auto' needs", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("Summarizer:Language:DocumentLanguage 'auto' is not", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brazilsouth")]
    [InlineData("Germany West Central")]
    [InlineData("eastasia")]
    public void AddDigestSummarizer_AbstractiveInARegionWithoutIt_StopsStartUpNamingTheRegion(string region)
    {
        var failure = StartUpFailure(Language("language-abstractive", ("Summarizer:Language:Region", region)));

        Assert.Contains("Summarizer:Language:Region puts the resource in region", failure, StringComparison.Ordinal);
        Assert.Contains("does not offer abstractive summarization", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDigestSummarizer_AbstractiveOnARegionalEndpointWithoutIt_StopsStartUpNamingTheEndpoint()
    {
        var failure = StartUpFailure(Language("language-abstractive",
            ("Summarizer:Language:Endpoint", "https://brazilsouth.api.cognitive.microsoft.com")));

        Assert.Contains("Summarizer:Language:Endpoint puts the resource in region 'brazilsouth'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("language-abstractive", "Summarizer:Language:Region", "West Europe")]
    [InlineData("language-abstractive", "Summarizer:Language:Region", "swedencentral")]
    [InlineData("language-abstractive", "Summarizer:Language:Endpoint", "https://eastus.api.cognitive.microsoft.com")]
    [InlineData("language-abstractive", "Summarizer:Language:Endpoint", "https://usgovvirginia.api.cognitive.microsoft.us")]
    [InlineData("language-extractive", "Summarizer:Language:Region", "brazilsouth")]
    public void AddDigestSummarizer_ProviderOfferedInItsRegion_Starts(string provider, string key, string value)
    {
        using var services = Build(Language(provider, (key, value)));

        DigestServices.ValidateOptions(services);

        Assert.IsType<LanguageSummarizer>(services.GetRequiredService<ISummarizer>());
    }

    [Theory]
    [InlineData("https://westeurope.api.cognitive.microsoft.com")]
    [InlineData("https://usgovarizona.api.cognitive.microsoft.us/")]
    [InlineData("https://chinaeast2.api.cognitive.azure.cn")]
    public void AddDigestSummarizer_EntraIdOnARegionalEndpoint_StopsStartUpAskingForTheCustomSubdomain(string endpoint)
    {
        var failure = StartUpFailure(("Summarizer:Provider", "language-extractive"), ("Summarizer:Language:Endpoint", endpoint));

        Assert.Contains("Summarizer:Language:Endpoint", failure, StringComparison.Ordinal);
        Assert.Contains("regional endpoint, which does not accept Entra ID sign-in", failure, StringComparison.Ordinal);
    }
}
