using Digest.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>The real custom handler on 127.0.0.1 (a free port) with its own data folder, and a client for it.</summary>
internal sealed class RunningHandler : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningHandler(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <param name="dataFolder">The local data folder (outbox, and the store when no storage account is set).</param>
    /// <param name="configureServices">Replaces registrations, e.g. the clock.</param>
    /// <param name="settings">More settings as <c>Section:Key=value</c>.</param>
    public static async Task<RunningHandler> StartAsync(string dataFolder, Action<IServiceCollection>? configureServices = null, params string[] settings)
    {
        var app = CustomHandler.Build(
            [$"--{CustomHandler.PortVariable}=0", $"--Storage:LocalFolder={dataFolder}", "--Logging:LogLevel:Default=Warning", .. settings.Select(s => "--" + s)],
            configureServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningHandler(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
