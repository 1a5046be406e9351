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

    /// <summary>What the app needs in Azure whichever sender and summarizer are chosen.</summary>
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

    /// <summary>The value the function app module passes to the app-settings module for one of its parameters.</summary>
    private static string PassedToAppSettings(string parameter) =>
        CompiledBicep.Main.Module("functionApp").Resources(nested: false).Single(r => r.Name == "appSettings")
            .Properties.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    /// <summary>The value main.bicep passes to the function app module for one of its parameters.</summary>
    private static string PassedToFunctionApp(string parameter) =>
        CompiledBicep.Main.Resources(nested: false).Single(r => r.Name == "functionApp")
            .Properties.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    [Fact]
    public void AppSettings_MailSender_IsTheMailSenderParameterOfMain()
    {
        var mailSender = CompiledBicep.Main.Parameter("mailSender");
        var sender = Settings().Single(s => s.Name == "Mail__Sender");

        Assert.Equal(["sendgrid", "smtp"], mailSender.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("sendgrid", mailSender.GetProperty("defaultValue").GetString());
        Assert.Equal("mailSender", sender.Parameter);
        Assert.Null(sender.Condition);
        Assert.Equal("[parameters('mailSender')]", PassedToAppSettings("mailSender"));
        Assert.Equal("[parameters('mailSender')]", PassedToFunctionApp("mailSender"));
    }

    [Fact]
    public void AppSettings_SendGrid_SetItsKeyFromKeyVaultAndNoSmtpSettings()
    {
        var settings = DeployedAppSettings.ReadFor(DeployedAppSettings.Configuration(mailSender: "sendgrid")).ToDictionary(s => s.Name);

        Assert.Equal("sendgrid-api-key", settings["Mail__SendGrid__ApiKey"].KeyVaultSecretName);
        Assert.DoesNotContain(settings.Keys, n => n.StartsWith("Mail__Smtp__", StringComparison.Ordinal));
        Assert.Equal("subscription-signing-key", settings["Subscriptions__SigningKey"].KeyVaultSecretName);
        Assert.Equal("publicBaseUrl", settings["Mail__PublicBaseUrl"].Parameter);
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('appName')), '2024-04-01').defaultHostName)]", PassedToAppSettings("publicBaseUrl"));
    }

    [Fact]
    public void AppSettings_SmtpWithUserName_SetHostPortUserAndPasswordFromKeyVaultAndNoSendGridKey()
    {
        var settings = DeployedAppSettings.ReadFor(DeployedAppSettings.Configuration(mailSender: "smtp", smtpUserName: "digest")).ToDictionary(s => s.Name);

        Assert.DoesNotContain("Mail__SendGrid__ApiKey", settings.Keys);
        Assert.Equal("smtpHost", settings["Mail__Smtp__Host"].Parameter);
        Assert.Equal("[string(parameters('smtpPort'))]", settings["Mail__Smtp__Port"].Value);
        Assert.Equal("smtpUserName", settings["Mail__Smtp__UserName"].Parameter);
        Assert.Equal("smtp-password", settings["Mail__Smtp__Password"].KeyVaultSecretName);
        Assert.Equal("subscription-signing-key", settings["Subscriptions__SigningKey"].KeyVaultSecretName);
    }

    [Fact]
    public void AppSettings_SmtpWithoutUserName_SetNoCredentials()
    {
        var names = DeployedAppSettings.ReadFor(DeployedAppSettings.Configuration(mailSender: "smtp")).Select(s => s.Name).ToArray();

        Assert.Contains("Mail__Smtp__Host", names);
        Assert.Contains("Mail__Smtp__Port", names);
        Assert.DoesNotContain("Mail__Smtp__UserName", names);
        Assert.DoesNotContain("Mail__Smtp__Password", names);
        Assert.DoesNotContain("Mail__SendGrid__ApiKey", names);
    }

    [Fact]
    public void AppSettings_SmtpSettings_AreGivenTheChosenRelay()
    {
        Assert.Equal("[parameters('smtpHost')]", PassedToAppSettings("smtpHost"));
        Assert.Equal("[parameters('smtpPort')]", PassedToAppSettings("smtpPort"));
        Assert.Equal("[parameters('smtpUserName')]", PassedToAppSettings("smtpUserName"));
        Assert.Equal("[parameters('smtpPort')]", PassedToFunctionApp("smtpPort"));
        Assert.Equal(587, CompiledBicep.Main.Parameter("smtpPort").GetProperty("defaultValue").GetInt32());
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
        // Everything merged after them is one of Digest's own setting groups (a variable, perhaps under a condition).
        Assert.Equal(union.Count - 2, DeployedAppSettings.Read().Select(s => s.Group).Distinct().Count());
        Assert.Equal("[list(resourceId('Microsoft.Web/sites/config', parameters('appName'), 'appsettings'), '2024-04-01').properties]", passed.GetProperty("currentAppSettings").GetProperty("value").GetString());
        Assert.Equal("[parameters('extraAppSettings')]", passed.GetProperty("extraAppSettings").GetProperty("value").GetString());
        Assert.Empty((IDictionary<string, object?>)ArmEvaluator.ModuleParameter(CompiledBicep.Main, "functionApp", "extraAppSettings", new Dictionary<string, object?> { ["extraAppSettings"] = "" })!);
        Assert.Equal(
            new Dictionary<string, object?> { ["Briefing__Cutoff"] = "05:30" },
            ArmEvaluator.ModuleParameter(CompiledBicep.Main, "functionApp", "extraAppSettings", new Dictionary<string, object?> { ["extraAppSettings"] = """{"Briefing__Cutoff":"05:30"}""" }));
        Assert.Equal("", CompiledBicep.Main.Parameter("extraAppSettings").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void AppSettings_LanguageSettings_AreSetOnlyWithALanguageEndpoint()
    {
        var language = Settings().Where(s => s.Name.StartsWith("Summarizer__Language__", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["Summarizer__Language__Endpoint", "Summarizer__Language__ManagedIdentityClientId", "Summarizer__Language__Region"], language.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(language, s => Assert.Equal("not(empty(parameters('languageEndpoint')))", s.Condition));
        Assert.DoesNotContain(DeployedAppSettings.ReadFor(DeployedAppSettings.Configuration(languageEndpoint: "")), s => s.Name.StartsWith("Summarizer__Language__", StringComparison.Ordinal));
        Assert.Equal(3, DeployedAppSettings.ReadFor(DeployedAppSettings.Configuration(languageEndpoint: "https://lang.cognitiveservices.azure.com/")).Count(s => s.Name.StartsWith("Summarizer__Language__", StringComparison.Ordinal)));
    }

    [Fact]
    public void AppSettings_OnlyLanguageAndSenderSettings_DependOnTheConfiguration()
    {
        var conditional = Settings().Where(s => s.Condition is not null).Select(s => s.Name);

        Assert.All(conditional, name => Assert.True(
            name.StartsWith("Summarizer__Language__", StringComparison.Ordinal) || name.StartsWith("Mail__SendGrid__", StringComparison.Ordinal) || name.StartsWith("Mail__Smtp__", StringComparison.Ordinal),
            $"{name} is set only under a condition."));
    }

    [Theory]
    [InlineData("", "westeurope")]
    [InlineData("swedencentral", "swedencentral")]
    public void AppSettings_LanguageRegion_IsTheLanguageResourcesRegion(string languageLocation, string expected)
    {
        var parameters = new Dictionary<string, object?> { ["languageLocation"] = languageLocation, ["location"] = "westeurope" };
        Assert.Equal("languageRegion", Settings().Single(s => s.Name == "Summarizer__Language__Region").Parameter);
        Assert.Equal("[parameters('languageRegion')]", PassedToAppSettings("languageRegion"));
        Assert.Equal(expected, ArmEvaluator.ModuleParameter(CompiledBicep.Main, "functionApp", "languageRegion", parameters));
        Assert.Equal(expected, ArmEvaluator.ModuleParameter(CompiledBicep.Main, "language", "location", parameters));
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
    [InlineData("builtin", "sendgrid", "")]
    [InlineData("language-extractive", "sendgrid", "")]
    [InlineData("builtin", "smtp", "digest")]
    [InlineData("language-abstractive", "smtp", "")]
    public void AppSettings_WithEachConfiguration_PassTheAppsStartUpValidation(string provider, string mailSender, string smtpUserName)
    {
        var configuration = DeployedAppSettings.Configuration(mailSender, smtpUserName, provider == "builtin" ? "" : Sample("Summarizer__Language__Endpoint"));
        var values = new Dictionary<string, string?>();
        foreach (var setting in DeployedAppSettings.ReadFor(configuration))
        {
            values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Literal
                ?? (setting.KeyVaultSecretName is not null ? new string('k', 48) : null)
                ?? ParameterDefault(setting.Parameter)
                ?? Sample(setting.Name);
        }

        values["Summarizer:Provider"] = provider;
        values["Mail:Sender"] = mailSender;
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDigest(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.Combine(Path.GetTempPath(), "digest-infra-" + Guid.NewGuid().ToString("N")))
            .BuildServiceProvider();

        var failure = Record.Exception(() => DigestServices.ValidateOptions(services));

        Assert.True(failure is null, $"The app would not start with the Bicep's settings: {(failure as OptionsValidationException)?.Message ?? failure?.ToString()}");
    }

    /// <summary>The default of the main.bicep parameter a setting is passed down from, if it has a non-empty string default.</summary>
    private static string? ParameterDefault(string? parameter) =>
        parameter is not null
        && CompiledBicep.Main.Parameters().FirstOrDefault(p => p.Key == parameter).Value is { ValueKind: System.Text.Json.JsonValueKind.Object } declared
        && declared.TryGetProperty("defaultValue", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString()!.Length > 0
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
        "Summarizer__Language__Region" => "swedencentral",
        "Mail__Smtp__Host" => "smtp.example.com",
        "Mail__Smtp__Port" => "587",
        "Mail__Smtp__UserName" => "digest",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" => "ClientId=5b1f3c2e-0000-4000-8000-000000000001;Authorization=AAD",
        _ => throw new InvalidOperationException($"No sample value for {name}; add one to the test."),
    };
}
