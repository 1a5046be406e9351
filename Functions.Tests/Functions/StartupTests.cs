using Digest.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Functions;

/// <summary>The function app validates every option at start: a bad setting stops it with a message naming the setting.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-startup-").FullName;

    public void Dispose() => Directory.Delete(dataFolder, recursive: true);

    [Theory]
    [InlineData("Briefing:TimeZone=Mars/Olympus_Mons", "Briefing:TimeZone")]
    [InlineData("Briefing:Cutoff=6 o'clock", "Briefing:Cutoff")]
    [InlineData("Summarizer:Provider=language-extractive", "Summarizer:Language:Endpoint")]
    [InlineData("Summarizer:Sentences=0", "Sentences")]
    [InlineData("Summarizer:Language:DocumentLanguage=nl", "Summarizer:Language:DocumentLanguage")]
    [InlineData("Summarizer:Language:Region=brazilsouth", "Summarizer:Language:Region")]
    [InlineData("Mail:FromAddress=not an address", "FromAddress")]
    [InlineData("Mail:Sender=carrier-pigeon", "Sender")]
    public void Start_MalformedSetting_StopsNamingTheSetting(string setting, string named)
    {
        // A language setting is checked when a language provider is chosen: choose one with an endpoint and key.
        string[] settings = setting.StartsWith("Summarizer:Language:", StringComparison.Ordinal)
            ? ["Summarizer:Provider=language-abstractive", "Summarizer:Language:Endpoint=https://digest-language.cognitiveservices.azure.com", "Summarizer:Language:ApiKey=0123456789abcdef", setting]
            : [setting];
        var error = Assert.ThrowsAny<Exception>(() => FunctionApp.Create(dataFolder, settings: settings));

        Assert.True(error is OptionsValidationException or System.ComponentModel.DataAnnotations.ValidationException or ArgumentException, error.GetType().Name);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Subscriptions:SigningKey")]
    [InlineData("Mail:SendGrid:ApiKey")]
    [InlineData("Summarizer:Language:Key")]
    [InlineData("AnyOther:Setting")]
    public void Start_SettingHoldsAnUnresolvedKeyVaultReference_StopsNamingTheSetting(string setting)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            FunctionApp.Create(dataFolder, settings: $"{setting}=@Microsoft.KeyVault(VaultName=kv-digest;SecretName=signing-key)"));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains("unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-digest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DefaultSettings_StartsWithTheLocalFolderStore()
    {
        await using var app = FunctionApp.Create(dataFolder);

        Assert.Contains(dataFolder, Digest.Storage.StorageServices.Describe(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Digest.Storage.IDigestStore>(app.Services)), StringComparison.Ordinal);
    }
}
