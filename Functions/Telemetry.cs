using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Functions;

/// <summary>
/// Application Insights for the worker, switched on by the settings the platform gives a function app: the connection
/// string, and with local authentication off, an authentication string naming the managed identity that ingests.
/// </summary>
public static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The logger provider of the Application Insights SDK, whose default filter rule keeps only warnings.</summary>
    private const string LoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>Adds worker telemetry when a connection string is set; without one nothing is added or sent.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            return services;
        }

        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();

        // The SDK adds a rule that sends only Warning and above through its provider; drop it so the app's own
        // Information logs (the configured log levels) reach Application Insights.
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Where(rule => rule.ProviderName == LoggerProvider && rule.CategoryName is null).ToList()
                .ForEach(rule => options.Rules.Remove(rule)));

        if (IngestionIdentity.Parse(configuration[AuthenticationStringSetting]) is { } identity)
        {
            services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(identity.Credential()));
        }

        return services;
    }
}

/// <summary>
/// The identity named by <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD</c>, with
/// <c>ClientId=</c> for a user-assigned identity): the worker's telemetry is ingested with its Entra token.
/// </summary>
public sealed record IngestionIdentity(string? ClientId)
{
    /// <summary>The identity, or null when the string is empty.</summary>
    /// <exception cref="FormatException">The string is set but is not an Entra authentication string.</exception>
    public static IngestionIdentity? Parse(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : "", StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{Telemetry.AuthenticationStringSetting} must be 'Authorization=AAD' with an optional 'ClientId=<guid>'.");
        }

        if (parts.TryGetValue("ClientId", out var clientId) && !Guid.TryParse(clientId, out _))
        {
            throw new FormatException($"{Telemetry.AuthenticationStringSetting}: ClientId is not a GUID.");
        }

        return new IngestionIdentity(clientId);
    }

    public ManagedIdentityCredential Credential() =>
        ClientId is null
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
