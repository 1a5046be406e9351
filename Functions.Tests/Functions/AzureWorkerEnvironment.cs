using System.Text.Json;
using Digest.Tests.Infrastructure;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>A configuration an operator can choose at deployment: the summarizer and the mail sender.</summary>
/// <param name="SmtpUserName">The SMTP login, which brings the password from Key Vault; empty for a relay without one.</param>
public sealed record DeployedConfiguration(string SummarizerProvider, string MailSender, string SmtpUserName = "")
{
    public override string ToString() => $"{SummarizerProvider} + {MailSender}";
}

/// <summary>
/// The environment Azure gives the worker of the deployed function app: every app setting the compiled
/// <c>infra/main.bicep</c> sets, with values of the shape Azure fills in (Key Vault references already resolved to
/// secrets, as the platform does before the worker starts), and the variables Flex Consumption adds itself. Addresses
/// that the worker may call at start (the managed identity endpoint, Application Insights) point at the host
/// stand-in on 127.0.0.1.
/// </summary>
internal static class AzureWorkerEnvironment
{
    public const string ClientId = "5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f";
    private const string LanguageEndpoint = "https://lang-digest-abc123.cognitiveservices.azure.com/";

    public static Dictionary<string, string> For(DeployedConfiguration configuration, FunctionsHostStandIn host, string appFolder)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_EXTENSION_VERSION"] = "~4",
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production",
            ["WEBSITE_SITE_NAME"] = "func-digest-abc123",
            ["WEBSITE_HOSTNAME"] = "func-digest-abc123.azurewebsites.net",
            ["WEBSITE_SKU"] = "FlexConsumption",
            ["WEBSITE_INSTANCE_ID"] = "0123456789abcdef0123456789abcdef",
            ["FUNCTIONS_WORKER_DIRECTORY"] = appFolder,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = appFolder,
            ["IDENTITY_ENDPOINT"] = new Uri(host.SideAddress, FunctionsHostStandIn.IdentityPath).ToString(),
            ["IDENTITY_HEADER"] = FunctionsHostStandIn.IdentityHeader,
        };

        // The settings Azure writes for this choice: each group's condition evaluated on the module's parameters.
        var chosen = DeployedAppSettings.Configuration(
            mailSender: configuration.MailSender,
            smtpUserName: configuration.SmtpUserName,
            languageEndpoint: configuration.SummarizerProvider == "builtin" ? "" : LanguageEndpoint);
        var parameters = new Dictionary<string, object?>(chosen) { ["summarizerProvider"] = configuration.SummarizerProvider };
        foreach (var setting in DeployedAppSettings.ReadFor(chosen))
        {
            // A setting passed down from a parameter that makes the choice takes the chosen value.
            environment[setting.Name] = setting.Parameter is { } parameter && parameters.TryGetValue(parameter, out var chosenValue) && chosenValue is string value
                ? value
                : Value(setting, host);
        }

        return environment;
    }

    private static string Value(DeployedAppSetting setting, FunctionsHostStandIn host) =>
        setting.Literal
        ?? (setting.KeyVaultSecretName is { } secret ? ResolvedSecret(secret) : null)
        ?? Placeholder(setting.Name, host)
        ?? ParameterDefault(setting.Parameter)
        ?? throw new InvalidOperationException($"No placeholder for the app setting {setting.Name} ({setting.Value}); add one to this test.");

    /// <summary>What the platform puts in place of a Key Vault reference once the secret is read.</summary>
    private static string ResolvedSecret(string secretName) => secretName switch
    {
        "sendgrid-api-key" => "SG.placeholderKey0123456789.placeholderSecret0123456789abcdefghijklmn",
        "smtp-password" => "placeholder-smtp-password-0123456789",
        "subscription-signing-key" => Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        _ => "placeholder-secret-" + secretName,
    };

    /// <summary>Values known only once the resources exist, in the shape Azure gives them.</summary>
    private static string? Placeholder(string name, FunctionsHostStandIn host) => name switch
    {
        "AzureWebJobsStorage__blobServiceUri" => "https://stdigestabc123.blob.core.windows.net/",
        "AzureWebJobsStorage__queueServiceUri" => "https://stdigestabc123.queue.core.windows.net/",
        "AzureWebJobsStorage__tableServiceUri" => "https://stdigestabc123.table.core.windows.net/",
        "AzureWebJobsStorage__clientId" or "Summarizer__Language__ManagedIdentityClientId" => ClientId,
        "APPLICATIONINSIGHTS_CONNECTION_STRING" =>
            $"InstrumentationKey=0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0;IngestionEndpoint={host.SideAddress};LiveEndpoint={host.SideAddress};ApplicationId=1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" => $"ClientId={ClientId};Authorization=AAD",
        "Mail__FromAddress" => "briefing@news.example.com",
        "Mail__FromName" => "The Morning Digest",
        "Mail__PublicBaseUrl" => "https://func-digest-abc123.azurewebsites.net",
        "Mail__PostalAddress" => "Digest, 1 Harbour Street, Brennport",
        "Mail__Smtp__Host" => "smtp.news.example.com",
        "Mail__Smtp__Port" => "587",
        "Mail__Smtp__UserName" => "briefing@news.example.com",
        "Summarizer__Language__Endpoint" => LanguageEndpoint,
        "Summarizer__Language__Region" => "westeurope",
        "Briefing__TimeZone" => "Europe/London",
        _ => null,
    };

    private static string? ParameterDefault(string? parameter) =>
        parameter is not null
        && CompiledBicep.Main.Parameters().FirstOrDefault(p => p.Key == parameter).Value is { ValueKind: JsonValueKind.Object } declared
        && declared.TryGetProperty("defaultValue", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
