namespace Digest.Hosting;

/// <summary>One binding of a function, as written to its function.json.</summary>
/// <param name="Name">The binding name: the key of its value in the host's <c>Data</c> and <c>Outputs</c>.</param>
/// <param name="Type">The binding type, e.g. <c>blobTrigger</c>.</param>
/// <param name="Direction"><c>in</c> or <c>out</c>.</param>
/// <param name="Properties">The type's own properties (path, queueName, schedule ...), written in this order.</param>
public sealed record BindingDefinition(string Name, string Type, string Direction, IReadOnlyList<KeyValuePair<string, object>> Properties);

/// <summary>A function as the Functions host sees it: its name (folder and invocation path) and its bindings.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The function's retry policy (function.json <c>retry</c>), for triggers the host does not retry by itself.</summary>
    public IReadOnlyList<KeyValuePair<string, object>>? Retry { get; init; }

    /// <summary>For HTTP functions, the route under <c>/api/</c>; null for the others.</summary>
    public string? Route => Bindings.FirstOrDefault(b => b.Type == "httpTrigger")?.Properties.FirstOrDefault(p => p.Key == "route").Value as string;

    /// <summary>The path the host calls on the handler: <c>/Name</c> for triggers, the forwarded <c>/api/route</c> for HTTP.</summary>
    public string HandlerPath => Route is null ? "/" + Name : "/api/" + Route;
}

/// <summary>
/// Digest's functions: the one place their names, binding names and routes are written. function.json files are
/// generated from this catalog and the handler maps its endpoints from it, so the two cannot drift apart.
/// </summary>
public static class FunctionCatalog
{
    public const string SummarizeArticle = nameof(SummarizeArticle);
    public const string ComposeBriefing = nameof(ComposeBriefing);
    public const string SendBriefing = nameof(SendBriefing);
    public const string Subscribe = nameof(Subscribe);
    public const string Confirm = nameof(Confirm);
    public const string Unsubscribe = nameof(Unsubscribe);
    public const string GetBriefing = nameof(GetBriefing);
    public const string Health = nameof(Health);

    /// <summary>Binding names, as the handler reads them from <c>Data</c>.</summary>
    public const string ArticleBinding = "article";
    public const string TimerBinding = "timer";
    public const string JobBinding = "job";

    /// <summary>The connection setting every storage binding uses: Azurite locally, managed identity in Azure.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public const string ArticlesContainer = Storage.AzureStorage.StorageNames.ArticlesContainer;
    public const string EmailJobsQueue = Storage.AzureStorage.StorageNames.EmailJobsQueue;

    /// <summary>App setting holding the NCRONTAB schedule of <see cref="ComposeBriefing"/> (UTC on Flex Consumption).</summary>
    public const string BriefingScheduleSetting = "BriefingSchedule";

    public const string SubscribeRoute = "subscribe";
    public const string ConfirmRoute = "confirm";
    public const string UnsubscribeRoute = "unsubscribe";
    public const string BriefingRoute = "briefings/{date}";
    public const string HealthRoute = "health";

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        new(SummarizeArticle,
        [
            new(ArticleBinding, "blobTrigger", "in",
            [
                new("path", ArticlesContainer + "/{name}"),
                new("connection", StorageConnection),
                new("source", "EventGrid"),
                new("dataType", "binary"),
            ]),
        ]),
        new(ComposeBriefing,
        [
            new(TimerBinding, "timerTrigger", "in",
            [
                new("schedule", "%" + BriefingScheduleSetting + "%"),
                new("runOnStartup", false),
                new("useMonitor", true),
            ]),
        ])
        {
            // A timer fires once a day: a failed composition or fan-out (a storage hiccup) is retried within the hour,
            // and each retry only does what is still missing.
            Retry =
            [
                new("strategy", "exponentialBackoff"),
                new("maxRetryCount", 6),
                new("minimumInterval", "00:00:30"),
                new("maximumInterval", "00:15:00"),
            ],
        },
        new(SendBriefing,
        [
            new(JobBinding, "queueTrigger", "in",
            [
                new("queueName", EmailJobsQueue),
                new("connection", StorageConnection),
                new("dataType", "binary"),
            ]),
        ]),
        Http(Subscribe, SubscribeRoute, "post"),
        Http(Confirm, ConfirmRoute, "get", "post"),
        Http(Unsubscribe, UnsubscribeRoute, "get", "post"),
        Http(GetBriefing, BriefingRoute, "get"),
        Http(Health, HealthRoute, "get"),
    ];

    /// <summary>
    /// An HTTP function with exactly one httpTrigger and one http output, so the host forwards the original request
    /// to the handler (<c>enableForwardingHttpRequest</c>) and returns the handler's response as it is.
    /// </summary>
    private static FunctionDefinition Http(string name, string route, params string[] methods) => new(name,
    [
        new("req", "httpTrigger", "in",
        [
            new("authLevel", "anonymous"),
            new("methods", methods),
            new("route", route),
        ]),
        new("res", "http", "out", []),
    ]);
}
