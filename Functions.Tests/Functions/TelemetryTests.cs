using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Digest.Functions;
using Digest.Tests.TestSupport;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Functions;

/// <summary>
/// With a connection string the worker sends its own logs to Application Insights, Information included (the SDK's
/// default rule would keep only warnings); without one nothing is registered. The ingestion endpoint is played on
/// 127.0.0.1 (the connection string's IngestionEndpoint), speaking the track API's gzip'd JSON lines.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-telemetry-").FullName;

    public void Dispose() => Directory.Delete(dataFolder, recursive: true);

    [Fact]
    public async Task Telemetry_WithAConnectionString_SendsInformationLogsToIngestion()
    {
        await using var ingestion = await IngestionStandIn.StartAsync();
        await using var app = FunctionApp.Create(dataFolder, settings:
        [
            $"{Telemetry.ConnectionStringSetting}=InstrumentationKey=0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0;IngestionEndpoint={ingestion.Address};LiveEndpoint={ingestion.Address}",
            "Logging:LogLevel:Default=Information",
        ]);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Digest.Briefings");

        logger.LogInformation("Composed the briefing of {Day} with {Stories} stories", "2026-11-20", 7);
        await app.Services.GetRequiredService<TelemetryClient>().FlushAsync(CancellationToken.None);

        var item = await ingestion.WaitForAsync(line => line.Contains("Composed the briefing of 2026-11-20 with 7 stories", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        Assert.Contains("\"severityLevel\":\"Information\"", item, StringComparison.Ordinal);
        Assert.Contains("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_WithoutAConnectionString_IsNotRegistered()
    {
        await using var app = FunctionApp.Create(dataFolder);

        Assert.Null(app.Services.GetService<TelemetryClient>());
    }

    [Theory]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f;Authorization=AAD", "5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f")]
    [InlineData(" authorization=aad ; ClientId=5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f ", "5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f")]
    public void IngestionIdentity_EntraAuthenticationString_NamesTheIdentity(string authentication, string? clientId)
    {
        Assert.Equal(clientId, IngestionIdentity.Parse(authentication)?.ClientId);
    }

    [Theory]
    [InlineData("Authorization=Basic")]
    [InlineData("ClientId=5b1f3c2e-6d4a-4f7b-9c1e-2a3b4c5d6e7f")]
    [InlineData("ClientId=not-a-guid;Authorization=AAD")]
    public void IngestionIdentity_MalformedAuthenticationString_StopsStartNamingTheSetting(string authentication)
    {
        var error = Assert.Throws<FormatException>(() => FunctionApp.Create(dataFolder, settings:
        [
            $"{Telemetry.ConnectionStringSetting}=InstrumentationKey=0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/",
            $"{Telemetry.AuthenticationStringSetting}={authentication}",
        ]));

        Assert.Contains(Telemetry.AuthenticationStringSetting, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Application Insights' ingestion (<c>POST /v2/track</c>, <c>/v2.1/track</c>) on 127.0.0.1.</summary>
    private sealed class IngestionStandIn : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<string> items = new();

        private IngestionStandIn(WebApplication app) => this.app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<IngestionStandIn> StartAsync()
        {
            var port = FreePorts.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var stand = new IngestionStandIn(builder.Build()) { Address = new Uri($"http://127.0.0.1:{port}/") };
            stand.app.MapPost("/v2/track", (Delegate)stand.TrackAsync);
            stand.app.MapPost("/v2.1/track", (Delegate)stand.TrackAsync);
            stand.app.Map("/{**path}", () => Results.Ok());
            await stand.app.StartAsync();
            return stand;
        }

        private async Task<IResult> TrackAsync(HttpContext context)
        {
            var body = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(body);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                items.Enqueue(line);
            }

            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        }

        public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            while (!timeout.IsCancellationRequested)
            {
                if (items.FirstOrDefault(match) is { } item)
                {
                    return item;
                }

                await Task.Delay(100, CancellationToken.None);
            }

            throw new TimeoutException($"Nothing matching reached ingestion; received:\n{string.Join("\n", items)}");
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
