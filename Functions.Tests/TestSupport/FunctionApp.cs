using System.Reflection;
using Digest.Functions;
using Digest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Tests.TestSupport;

/// <summary>
/// The function app as the worker builds it (Functions' own registrations, options validated), without the Functions
/// host, which cannot run here: tests take each function class from it and call it with what its binding delivers.
/// <see cref="StartHttpAsync"/> plays the host's HTTP side: every HTTP function of functions.metadata on its route and
/// methods, on 127.0.0.1, answering errors as the app's error middleware does.
/// </summary>
internal sealed class FunctionApp : IAsyncDisposable
{
    private readonly IHost host;
    private WebApplication? web;

    private FunctionApp(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public HttpClient Http { get; private set; } = null!;

    /// <param name="dataFolder">The local data folder (outbox, and the store when no storage account is set).</param>
    /// <param name="configureServices">Replaces registrations after the app's own, e.g. the clock or the store.</param>
    /// <param name="settings">More settings as <c>Section:Key=value</c>.</param>
    public static FunctionApp Create(string dataFolder, Action<IServiceCollection>? configureServices = null, params string[] settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        // Defaults first; a setting given by the test replaces the default of the same name.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [FunctionsServices.LocalFolderSetting] = dataFolder,
            [Bindings.BriefingScheduleSetting] = "0 5 6 * * *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var setting in settings.Select(s => s.Split('=', 2)))
        {
            values[setting[0]] = setting[1];
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddDigestFunctions();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        host.ValidateDigestOptions();
        return new FunctionApp(host);
    }

    /// <summary>An instance of a function class, built from the app's services as the worker builds it.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    public async Task<FunctionApp> StartHttpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        web = builder.Build();
        foreach (var function in FunctionsMetadata.All.Where(f => f.Trigger.Type == "httpTrigger"))
        {
            var (type, method) = EntryPoint(function.EntryPoint);
            var methods = ((string[])function.Trigger.Properties.Single(p => p.Key == "methods").Value).Select(m => m.ToUpperInvariant());
            web.MapMethods("/api/" + function.Trigger.Property("route"), methods, context => InvokeAsync(context, type, method));
        }

        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Http = new HttpClient(new ForwardedFor { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(address) };
        return this;
    }

    private async Task InvokeAsync(HttpContext context, Type type, MethodInfo method)
    {
        try
        {
            var instance = ActivatorUtilities.CreateInstance(Services, type);
            var arguments = method.GetParameters().Select(p =>
                p.ParameterType == typeof(HttpRequest) ? context.Request
                : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
                : (object?)context.Request.RouteValues[p.Name!]?.ToString()).ToArray();
            var result = method.Invoke(instance, arguments) switch
            {
                Task<IResult> pending => await pending,
                IResult done => done,
                var other => throw new InvalidOperationException($"{type.Name}.{method.Name} returned {other?.GetType().Name ?? "null"}, not an IResult."),
            };
            await result.ExecuteAsync(context);
        }
        catch (Exception failure) when (!context.Response.HasStarted)
        {
            await HttpProblems.ToResult(failure is TargetInvocationException { InnerException: { } inner } ? inner : failure, context.Request).ExecuteAsync(context);
        }
    }

    private static (Type Type, MethodInfo Method) EntryPoint(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionsServices).Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return (type, type.GetMethod(entryPoint[(split + 1)..])!);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (web is not null)
        {
            await web.DisposeAsync();
        }

        host.Dispose();
    }

    /// <summary>
    /// Each request comes from its own client address, as the platform's front end would append it, so the
    /// per-client subscribe limit only applies where a test sets the header itself.
    /// </summary>
    private sealed class ForwardedFor : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.Contains("X-Forwarded-For"))
            {
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 255)}, 10.0.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
