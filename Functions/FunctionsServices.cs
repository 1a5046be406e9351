using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NCrontab;

namespace Digest.Functions;

/// <summary>The function app's registrations: Digest's services, telemetry and the HTTP error shape.</summary>
public static class FunctionsServices
{
    /// <summary>Setting naming the local data folder when no storage account is configured (local runs only).</summary>
    public const string LocalFolderSetting = "Storage:LocalFolder";

    public static FunctionsApplicationBuilder AddDigestFunctions(this FunctionsApplicationBuilder builder)
    {
        // Every registration is checked when the provider is built, in Azure as in development: a service that
        // cannot be made stops start-up instead of failing the first invocation that needs it.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.UseMiddleware<HttpProblemsMiddleware>();
        // The worker is only ever reached through the Functions host (over loopback) behind the platform's front ends:
        // their forwarded addresses are believed unless the setting says otherwise. Lowest precedence of all sources.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Subscriptions:TrustedProxies"] = Digest.Web.ClientAddresses.Platform },
        });
        builder.Services.AddDigest(builder.Configuration, builder.Configuration[LocalFolderSetting] ?? "digest-data");
        builder.Services.AddOptions<BriefingScheduleOptions>()
            .Configure(options => options.Schedule = builder.Configuration[Bindings.BriefingScheduleSetting])
            .Validate(options => BriefingScheduleOptions.IsValid(options.Schedule),
                $"{Bindings.BriefingScheduleSetting} must be a six-field NCRONTAB expression (second minute hour day month day-of-week), e.g. '0 5 6 * * *'.")
            .ValidateOnStart();
        builder.Services.AddWorkerTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Checks what the platform would otherwise find only at the first invocation: every option (a bad setting stops
    /// start-up with a message naming it) and every function class, built with its handlers as the worker builds it.
    /// </summary>
    public static IHost ValidateDigestOptions(this IHost app)
    {
        DigestServices.ValidateOptions(app.Services);
        using var scope = app.Services.CreateScope();
        foreach (var function in FunctionClasses())
        {
            ActivatorUtilities.CreateInstance(scope.ServiceProvider, function);
        }

        return app;
    }

    /// <summary>The classes with a <see cref="FunctionAttribute"/> method: the ones the worker instantiates per invocation.</summary>
    public static IEnumerable<Type> FunctionClasses() =>
        typeof(FunctionsServices).Assembly.GetTypes()
            .Where(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));
}

/// <summary>The schedule of the ComposeBriefing timer, which the Functions host reads as <c>%BriefingSchedule%</c>.</summary>
public sealed class BriefingScheduleOptions
{
    public string? Schedule { get; set; }

    /// <summary>A six-field NCRONTAB expression, as the host's timer trigger parses it.</summary>
    public static bool IsValid(string? schedule) =>
        !string.IsNullOrWhiteSpace(schedule)
        && CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}
