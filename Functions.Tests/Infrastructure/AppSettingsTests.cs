using Digest;
using Digest.Tests.TestSupport;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Infrastructure;

public sealed class AppSettingsTests
{
    private static string Where => DeployedAppSettings.Template.Path;

    /// <summary>What the app needs in Azure besides the Language settings.</summary>
    public static TheoryData<string> RequiredInAzure() =>
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Mail__Sender",
        "Mail__SendGrid__ApiKey",
        "Mail__FromAddress",
        "Mail__PublicBaseUrl",
        "Subscriptions__SigningKey",
        "BriefingSchedule",
        "Briefing__TimeZone",
        "Summarizer__Provider",
    ];

    private static IReadOnlyList<DeployedAppSetting> Settings() => DeployedAppSettings.Read();

    [Fact]
    public void AppSettings_EveryName_IsASettingTheAppReads()
    {
        var unknown = Settings().Select(s => s.Name).Where(name => !AppSettingNames.IsKnown(name)).ToArray();

        Assert.True(unknown.Length == 0, $"{Where} sets app settings the app never reads: {string.Join(", ", unknown)}.");
    }

    [Theory]
    [MemberData(nameof(RequiredInAzure))]
    public void AppSettings_RequiredSetting_IsSet(string name)
    {
        Assert.True(Settings().Any(s => s.Name == name), $"{Where} does not set {name}, which the app needs in Azure.");
    }

    [Fact]
    public void AppSettings_EveryBindingExpressionAndConnection_IsSet()
    {
        var names = Settings().Select(s => s.Name).ToHashSet();
        var missing = AppSettingNames.BindingExpressionSettings().Where(n => !names.Contains(n))
            .Concat(AppSettingNames.ConnectionNames().Where(c => !names.Contains(c) && !names.Any(n => n.StartsWith(c + "__", StringComparison.Ordinal))))
            .ToArray();

        Assert.True(missing.Length == 0, $"{Where} does not set what the functions' bindings refer to: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void AppSettings_Sender_IsSendGridWithItsKeyFromKeyVault()
    {
        var settings = Settings().ToDictionary(s => s.Name);

        Assert.Equal("sendgrid", settings["Mail__Sender"].Literal);
        Assert.NotNull(settings["Mail__SendGrid__ApiKey"].KeyVaultSecretName);
        Assert.NotNull(settings["Subscriptions__SigningKey"].KeyVaultSecretName);
        Assert.Equal("publicBaseUrl", settings["Mail__PublicBaseUrl"].Parameter);
        var passed = CompiledBicep.Main.Module("functionApp").Resources(nested: false).Single(r => r.Name == "appSettings")
            .Properties.GetProperty("parameters").GetProperty("publicBaseUrl").GetProperty("value").GetString();
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('appName')), '2024-04-01').defaultHostName)]", passed);
    }

    [Fact]
    public void AppSettings_NoSettingHoldsAKeyOrConnectionString()
    {
        var keyed = Settings()
            .Where(s => s.Name.EndsWith("ApiKey", StringComparison.Ordinal) || s.Name.EndsWith("Password", StringComparison.Ordinal) || s.Name.Contains("SigningKey", StringComparison.Ordinal))
            .Where(s => s.KeyVaultSecretName is null)
            .Select(s => s.Name)
            .Concat(Settings().Where(s => s.Name == "AzureWebJobsStorage" || s.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase)).Select(s => s.Name))
            .Concat(Settings().Where(s => s.Name == "Summarizer__Language__ApiKey").Select(s => s.Name))
            .ToArray();

        Assert.True(keyed.Length == 0, $"{Where} puts secrets into app settings instead of Key Vault or identity: {string.Join(", ", keyed)}.");
    }

    [Fact]
    public void AppSettings_Redeployment_KeepsTheCurrentAndExtraSettingsUnderDigestsOwn()
    {
        var union = DeployedAppSettings.UnionArguments();
        var passed = CompiledBicep.Main.Module("functionApp").Resources(nested: false).Single(r => r.Name == "appSettings").Properties.GetProperty("parameters");

        Assert.Equal(["parameters('currentAppSettings')", "parameters('extraAppSettings')"], union.Take(2));
        Assert.All(union.Skip(2), a => Assert.DoesNotContain("parameters(", a.Replace("parameters('languageEndpoint')", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal("[list(resourceId('Microsoft.Web/sites/config', parameters('appName'), 'appsettings'), '2024-04-01').properties]", passed.GetProperty("currentAppSettings").GetProperty("value").GetString());
        Assert.Equal("[parameters('extraAppSettings')]", passed.GetProperty("extraAppSettings").GetProperty("value").GetString());
        Assert.Equal("{}", CompiledBicep.Main.Parameter("extraAppSettings").GetProperty("defaultValue").GetRawText());
    }

    [Fact]
    public void AppSettings_LanguageSettings_AreSetOnlyWithALanguageEndpoint()
    {
        var language = Settings().Where(s => s.Name.StartsWith("Summarizer__Language__", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["Summarizer__Language__Endpoint", "Summarizer__Language__ManagedIdentityClientId"], language.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(language, s => Assert.Equal("empty(parameters('languageEndpoint'))", s.Condition));
        Assert.All(Settings().Except(language), s => Assert.Null(s.Condition));
    }

    [Fact]
    public void AppSettings_StorageIdentitySettings_GiveTheAppAnIdentityConnectionToAllThreeServices()
    {
        var storage = Settings().Where(s => s.Name.StartsWith(StorageSettings.DefaultSettingName + "__", StringComparison.Ordinal))
            .ToDictionary(s => s.Name.Replace("__", ":", StringComparison.Ordinal), s => s.Literal ?? Sample(s.Name));

        var settings = StorageSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(storage!).Build());

        Assert.NotNull(settings);
        Assert.Null(settings.ConnectionString);
        Assert.NotNull(settings.Credential);
        Assert.Equal("https://stdigest.blob.core.windows.net/", settings.BlobServiceUri?.ToString());
        Assert.Equal("https://stdigest.queue.core.windows.net/", settings.QueueServiceUri?.ToString());
        Assert.Equal("https://stdigest.table.core.windows.net/", settings.TableServiceUri?.ToString());
    }

    [Theory]
    [InlineData("builtin")]
    [InlineData("language-extractive")]
    public void AppSettings_WithTheDefaultParameters_PassTheAppsStartUpValidation(string provider)
    {
        var values = new Dictionary<string, string?>();
        foreach (var setting in Settings().Where(s => provider != "builtin" || !s.Name.StartsWith("Summarizer__Language__", StringComparison.Ordinal)))
        {
            values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Literal
                ?? (setting.KeyVaultSecretName is not null ? new string('k', 48) : null)
                ?? ParameterDefault(setting.Parameter)
                ?? Sample(setting.Name);
        }

        values["Summarizer:Provider"] = provider;
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDigest(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.Combine(Path.GetTempPath(), "digest-infra-" + Guid.NewGuid().ToString("N")))
            .BuildServiceProvider();

        var failure = Record.Exception(() => DigestServices.ValidateOptions(services));

        Assert.True(failure is null, $"The app would not start with the Bicep's settings: {(failure as OptionsValidationException)?.Message ?? failure?.ToString()}");
    }

    /// <summary>The default of the main.bicep parameter a setting is passed down from, if it has a string default.</summary>
    private static string? ParameterDefault(string? parameter) =>
        parameter is not null
        && CompiledBicep.Main.Parameters().FirstOrDefault(p => p.Key == parameter).Value is { ValueKind: System.Text.Json.JsonValueKind.Object } declared
        && declared.TryGetProperty("defaultValue", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>What Azure would fill in for values only known at deployment.</summary>
    private static string Sample(string name) => name switch
    {
        "AzureWebJobsStorage__blobServiceUri" => "https://stdigest.blob.core.windows.net/",
        "AzureWebJobsStorage__queueServiceUri" => "https://stdigest.queue.core.windows.net/",
        "AzureWebJobsStorage__tableServiceUri" => "https://stdigest.table.core.windows.net/",
        "AzureWebJobsStorage__clientId" or "Summarizer__Language__ManagedIdentityClientId" => "5b1f3c2e-0000-4000-8000-000000000001",
        "Mail__FromAddress" => "briefing@example.com",
        "Mail__PublicBaseUrl" => "https://func-digest-abc.azurewebsites.net",
        "Mail__PostalAddress" => "Yournewsroom, 1 Harbour Street, Brennport",
        "Summarizer__Language__Endpoint" => "https://lang-abc.cognitiveservices.azure.com/",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" => "ClientId=5b1f3c2e-0000-4000-8000-000000000001;Authorization=AAD",
        _ => throw new InvalidOperationException($"No sample value for {name}; add one to the test."),
    };
}
