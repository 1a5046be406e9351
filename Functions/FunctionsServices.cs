using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Functions;

/// <summary>The function app's registrations: Digest's services, telemetry and the HTTP error shape.</summary>
public static class FunctionsServices
{
    /// <summary>Setting naming the local data folder when no storage account is configured (local runs only).</summary>
    public const string LocalFolderSetting = "Storage:LocalFolder";

    public static FunctionsApplicationBuilder AddDigestFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.UseMiddleware<HttpProblemsMiddleware>();
        builder.Services.AddDigest(builder.Configuration, builder.Configuration[LocalFolderSetting] ?? "digest-data");

        // Application Insights only when the platform gives a connection string; nothing is sent otherwise.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        }

        return builder;
    }

    /// <summary>Resolves every options class once, so a bad setting stops start-up with a message naming it.</summary>
    public static IHost ValidateDigestOptions(this IHost app)
    {
        DigestServices.ValidateOptions(app.Services);
        return app;
    }
}
