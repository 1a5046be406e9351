using System.CommandLine;
using Digest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary>
/// <c>serve [--port N] [--out DIR]</c>: the function app's HTTP side on 127.0.0.1 without the Functions host (which
/// cannot run everywhere): the same handlers on the same <c>/api/</c> routes (<see cref="WebRoutes.MapDigestWeb"/>),
/// errors shaped by the same <see cref="HttpProblems"/>, the local folder store unless <c>AzureWebJobsStorage</c> is
/// set. Links in pages and emails point at this server unless <c>Mail__PublicBaseUrl</c> says otherwise.
/// </summary>
public static partial class ServeCommand
{
    public const int DefaultPort = 7071;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (default {DefaultPort}, as func start)", DefaultValueFactory = _ => DefaultPort };
        var outFolder = new Option<DirectoryInfo>("--out")
        {
            Description = "Data folder: briefings, subscribers.json, outbox (default: digest-data, as run)",
            DefaultValueFactory = _ => new DirectoryInfo("digest-data"),
        };
        var command = new Command("serve", "Serve the subscribe, confirm, unsubscribe, briefing and archive pages on 127.0.0.1 (Ctrl+C stops).") { port, outFolder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portNumber = parse.GetValue(port);
            if (portNumber is < 1 or > 65535)
            {
                await error.WriteLineAsync($"--port {portNumber} is not a port number (1-65535).");
                return DigestCli.BadArguments;
            }

            if (DataFolder.Problem(parse.GetValue(outFolder)!) is { } badFolder)
            {
                await error.WriteLineAsync(badFolder);
                return DigestCli.BadArguments;
            }

            WebApplication app;
            try
            {
                app = Build(parse.GetValue(outFolder)!.FullName, portNumber);
            }
            catch (Exception invalid) when (invalid is FormatException or OptionsValidationException)
            {
                await error.WriteLineAsync($"Configuration error: {invalid.Message}");
                return DigestCli.BadArguments;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException inUse)
                {
                    await error.WriteLineAsync($"Cannot listen on 127.0.0.1:{portNumber}: {inUse.Message}");
                    return DigestCli.Failure;
                }

                var baseUrl = app.Services.GetRequiredService<IOptions<Mail.MailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
                await output.WriteLineAsync($"Digest pages on http://127.0.0.1:{portNumber}/api/ (data in {parse.GetValue(outFolder)!.FullName}); Ctrl+C stops.");
                await output.WriteLineAsync($"  {baseUrl}/api/subscribe  {baseUrl}/api/briefings/latest  {baseUrl}/api/archive");
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return DigestCli.Success;
        });
        return command;
    }

    /// <summary>
    /// The web host of <c>serve</c>, not started: Digest's services over <paramref name="dataFolder"/>, options validated,
    /// the pages mapped. Settings come from environment variables, then <paramref name="settings"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    internal static WebApplication Build(string dataFolder, int port, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Defaults first, so the environment and the caller's settings override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Mail:PublicBaseUrl"] = $"http://127.0.0.1:{port}" },
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddDigest(builder.Configuration, dataFolder);

        var app = builder.Build();
        DigestServices.ValidateOptions(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeCommand));
        app.UseDigestResponseHeaders();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception failure) when (!context.Response.HasStarted)
            {
                if (HttpProblems.Describe(failure).Status >= 500)
                {
                    LogFailed(logger, failure, context.Request.Path);
                }

                await HttpProblems.ToResult(failure, context.Request).ExecuteAsync(context);
            }
        });
        app.MapDigestWeb();
        return app;
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Request to {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);
}
