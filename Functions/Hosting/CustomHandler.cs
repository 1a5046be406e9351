using Digest.Briefings;
using Digest.Hosting.Endpoints;

namespace Digest.Hosting;

/// <summary>
/// The Azure Functions custom handler: an ASP.NET Core server on <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c>. The
/// host runs triggers and bindings and posts each invocation here; HTTP requests are forwarded as they are.
/// </summary>
public static class CustomHandler
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Largest request the host may post: a 2 MB article travels base64-encoded inside JSON.</summary>
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <param name="args">Command-line configuration, e.g. <c>--Storage:LocalFolder=DIR</c>.</param>
    /// <param name="configureServices">Replaces registrations after Digest's own (tests swap the clock this way).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var port = builder.Configuration[PortVariable] ?? "7072";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        // The invocation's own lines go back to the host whatever the console's level is.
        builder.Logging.AddProvider(new InvocationLogs());
        builder.Logging.AddFilter<InvocationLogs>("Digest", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var dataFolder = builder.Configuration["Storage:LocalFolder"] ?? "digest-data";
        builder.Services.AddDigest(builder.Configuration, dataFolder);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddSingleton<SummarizeArticleFunction>();
        builder.Services.AddSingleton<ComposeBriefingFunction>();
        builder.Services.AddSingleton<SendBriefingFunction>();
        builder.Services.AddSingleton<BriefingFanOut>();
        builder.Services.AddSingleton<SubscriptionFunctions>();
        builder.Services.AddRateLimiter(SubscribeLimits.Configure);
        builder.Services.AddSingleton<GetBriefingFunction>();

        // Binding failures (malformed JSON, wrong shape) reach ProblemDetailsExceptionHandler instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        DigestServices.ValidateOptions(app.Services);
        app.UseExceptionHandler();
        app.UseRateLimiter();
        app.UseStatusCodePages();
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        // The host polls GET / until any answer comes back: that is the readiness signal.
        app.MapGet("/", () => Results.Text("Digest custom handler"));
        app.MapPost(Path(FunctionCatalog.SummarizeArticle),
            (InvocationRequest request, SummarizeArticleFunction function, CancellationToken cancellationToken) => function.InvokeAsync(request, cancellationToken));
        app.MapPost(Path(FunctionCatalog.ComposeBriefing),
            (InvocationRequest request, ComposeBriefingFunction function, CancellationToken cancellationToken) => function.InvokeAsync(request, cancellationToken));
        app.MapPost(Path(FunctionCatalog.SendBriefing),
            (InvocationRequest request, SendBriefingFunction function, CancellationToken cancellationToken) => function.InvokeAsync(request, cancellationToken));
        app.MapPost(Path(FunctionCatalog.Subscribe),
            (HttpRequest request, SubscriptionFunctions functions, CancellationToken cancellationToken) => functions.SubscribeAsync(request, cancellationToken))
            .RequireRateLimiting(SubscribeLimits.Policy);
        app.MapGet(Path(FunctionCatalog.Confirm),
            (HttpRequest request, string? token, SubscriptionFunctions functions) => functions.ConfirmPage(request, token));
        app.MapPost(Path(FunctionCatalog.Confirm),
            (string? token, SubscriptionFunctions functions, CancellationToken cancellationToken) => functions.ConfirmAsync(token, cancellationToken));
        app.MapGet(Path(FunctionCatalog.Unsubscribe),
            (HttpRequest request, string? token, SubscriptionFunctions functions) => functions.UnsubscribePage(request, token));
        app.MapPost(Path(FunctionCatalog.Unsubscribe),
            (string? token, SubscriptionFunctions functions, CancellationToken cancellationToken) => functions.UnsubscribeAsync(token, cancellationToken));
        app.MapGet(Path(FunctionCatalog.GetBriefing),
            (string date, GetBriefingFunction function, CancellationToken cancellationToken) => function.InvokeAsync(date, cancellationToken));
        app.MapGet(Path(FunctionCatalog.Health), HealthFunction.Invoke);
    }

    private static string Path(string function) => FunctionCatalog.All.Single(f => f.Name == function).HandlerPath;
}
