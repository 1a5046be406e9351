using Digest.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Hosting;

/// <summary>The real custom handler on 127.0.0.1 (a free port), with its own data folder; one per test class.</summary>
public sealed class HandlerServer : IAsyncLifetime
{
    private WebApplication? app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("digest-handler-").FullName;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        app = CustomHandler.Build([$"--{CustomHandler.PortVariable}=0", $"--Storage:LocalFolder={DataFolder}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Directory.Delete(DataFolder, recursive: true);
    }
}
