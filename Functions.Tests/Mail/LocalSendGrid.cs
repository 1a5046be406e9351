using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Mail;

/// <summary>
/// A local HTTP server on 127.0.0.1 (free port) that plays SendGrid's documented v3 Mail Send API: it checks the
/// bearer key (401 with SendGrid's error JSON otherwise), the JSON body and the 1,000-personalization limit (400),
/// and otherwise answers what the test scripted for each request in turn (202 when nothing is scripted).
/// </summary>
internal sealed class LocalSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key.0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _script = new();

    private LocalSendGrid(WebApplication app) => _app = app;

    /// <summary>Every request that reached the endpoint, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<LocalSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalSendGrid(app);
        app.MapPost("/v3/mail/send", server.HandleAsync);
        // GET /v3/scopes: the API key's permissions; 401 with SendGrid's error JSON for an unknown key.
        app.MapGet("/v3/scopes", context => context.Request.Headers.Authorization == $"Bearer {ApiKey}"
            ? Answer(context.Response, HttpStatusCode.OK, JsonSerializer.Serialize(new { scopes = new[] { "mail.send" } }))
            : Answer(context.Response, HttpStatusCode.Unauthorized, Errors("The provided authorization grant is invalid, expired, or revoked")));
        await app.StartAsync();
        return server;
    }

    /// <summary>Answers the next unscripted request with <paramref name="status"/>, optional JSON and headers.</summary>
    public void Then(int status, string? json = null, params (string Name, string Value)[] headers) =>
        _script.Enqueue(async response =>
        {
            response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            if (json is not null)
            {
                response.ContentType = "application/json";
                await response.WriteAsync(json);
            }
        });

    public static string Errors(params string[] messages) =>
        JsonSerializer.Serialize(new { errors = messages.Select(m => new { message = m, field = "personalizations.0.to", help = (string?)null }) });

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new ReceivedRequest(context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? string.Empty, body));

        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            await Answer(context.Response, HttpStatusCode.Unauthorized, Errors("The provided authorization grant is invalid, expired, or revoked"));
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            await Answer(context.Response, HttpStatusCode.BadRequest, Errors("Bad Request"));
            return;
        }

        using (document)
        {
            var personalizations = document.RootElement.GetProperty("personalizations").GetArrayLength();
            if (personalizations > 1000)
            {
                await Answer(context.Response, HttpStatusCode.BadRequest, Errors($"The personalization block is limited to 1000 personalizations per API request. You have provided {personalizations} personalizations."));
                return;
            }
        }

        if (_script.TryDequeue(out var scripted))
        {
            await scripted(context.Response);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task Answer(HttpResponse response, HttpStatusCode status, string json)
    {
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        await response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the server saw it.</summary>
internal sealed record ReceivedRequest(string Authorization, string ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
