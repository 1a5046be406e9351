using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Summaries.Language;

/// <summary>One request as the service double received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// An answer the double gives. <c>{endpoint}</c> in a header value or the body is replaced by the double's own base
/// address; <see cref="Delay"/> holds the answer back (in real time), to play a service that does not answer.
/// </summary>
internal sealed record Reply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>The job id the double gives: a UUID, as the service's are.</summary>
    public const string JobId = "5a8f3c1e-2b7d-4e9a-8c6f-0d1e2f3a4b5c";

    /// <summary>202 with the job's <c>Operation-Location</c>, as the service accepts a job.</summary>
    public static Reply Accepted() => new(202, Headers: new Dictionary<string, string>
    {
        ["Operation-Location"] = "{endpoint}/language/analyze-text/jobs/" + JobId + "?api-version=2025-11-01",
    });

    /// <summary>An error response whose <c>innererror</c> says precisely what is wrong, as the service refuses a request.</summary>
    public static Reply Error(int status, string code, string message, string innerCode, string innerMessage) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message, innererror = new { code = innerCode, message = innerMessage } } }));

    /// <summary>200 with a job state.</summary>
    public static Reply Job(object state) => new(200, JsonSerializer.Serialize(state));

    /// <summary>An error response with the service's error body.</summary>
    public static Reply Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message } }), headers);
}

/// <summary>
/// A local HTTP server (Kestrel on 127.0.0.1, a free port) that plays the Azure AI Language analyze-text jobs API:
/// <c>POST /language/analyze-text/jobs</c> and <c>GET /language/analyze-text/jobs/{id}</c>. Each route serves its
/// scripted replies in order and repeats the last one; every request is recorded. As the service does, it answers
/// 404 to a request without <c>api-version</c>, and pages a job's results: at most <see cref="PageSize"/> documents
/// (and document errors) a page, from the <c>skip</c> and <c>top</c> of the request, with a <c>nextLink</c> to the
/// next page while there is one.
/// </summary>
internal sealed class LanguageServiceDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Script _submits = new();
    private readonly Script _polls = new();

    private LanguageServiceDouble(WebApplication app) => _app = app;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Documents per page of a job's results.</summary>
    public int PageSize { get; set; } = 20;

    public IReadOnlyList<RecordedRequest> Submits => Requests.Where(r => r.Method == "POST").ToList();

    public IReadOnlyList<RecordedRequest> Polls => Requests.Where(r => r.Method == "GET").ToList();

    /// <summary>Starts the double over http, or over https with <paramref name="certificate"/>.</summary>
    public static async Task<LanguageServiceDouble> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var double_ = new LanguageServiceDouble(app);
        app.MapPost("/language/analyze-text/jobs", context => double_.ServeAsync(context, double_._submits));
        app.MapGet("/language/analyze-text/jobs/{id}", context => double_.ServeAsync(context, double_._polls));
        app.MapFallback(context => double_.ServeAsync(context, null));
        await app.StartAsync();
        double_.Endpoint = new Uri(app.Urls.Single());
        return double_;
    }

    public void OnSubmit(params Reply[] replies) => _submits.Set(replies);

    public void OnPoll(params Reply[] replies) => _polls.Set(replies);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context, Script? script)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));

        var reply = !context.Request.Query.ContainsKey("api-version")
            ? Reply.Error(404, "404", "Resource not found")
            : script?.Next() ?? Reply.Error(404, "NotFound", "No such route.");
        if (reply.Delay > TimeSpan.Zero)
        {
            var stopping = _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(reply.Delay, either.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value.Replace("{endpoint}", Endpoint.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        }

        if (reply.Body is not null)
        {
            var answer = reply.Body.Replace("{endpoint}", Endpoint.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
            if (context.Request.Method == "GET" && reply.Status == 200)
            {
                answer = Page(answer, context.Request.Query);
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer);
        }
    }

    /// <summary>The page of a job state's results that <c>skip</c> and <c>top</c> ask for, with <c>nextLink</c> if more follow.</summary>
    private string Page(string body, IQueryCollection query)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        if (parsed is not JsonObject state || state["tasks"]?["items"] is not JsonArray items)
        {
            return body;
        }

        var skip = int.TryParse(query["skip"], out var s) ? s : 0;
        var top = int.TryParse(query["top"], out var t) ? Math.Min(t, PageSize) : PageSize;
        var more = false;
        foreach (var results in items.Select(i => i?["results"]).OfType<JsonObject>())
        {
            foreach (var list in new[] { "documents", "errors" })
            {
                if (results[list] is JsonArray all)
                {
                    more |= all.Count > skip + top;
                    results[list] = new JsonArray([.. all.Skip(skip).Take(top).Select(n => n?.DeepClone())]);
                }
            }
        }

        if (more)
        {
            state["nextLink"] = $"{Endpoint.GetLeftPart(UriPartial.Authority)}/language/analyze-text/jobs/{state["jobId"]}?api-version=2025-11-01&top={top}&skip={skip + top}";
        }

        return state.ToJsonString();
    }

    /// <summary>Replies served in order; the last one repeats.</summary>
    private sealed class Script
    {
        private readonly Lock _lock = new();
        private Reply[] _replies = [];
        private int _next;

        public void Set(Reply[] replies)
        {
            lock (_lock)
            {
                _replies = replies;
                _next = 0;
            }
        }

        public Reply? Next()
        {
            lock (_lock)
            {
                if (_replies.Length == 0)
                {
                    return null;
                }

                return _replies[Math.Min(_next++, _replies.Length - 1)];
            }
        }
    }
}
