using System.CommandLine;
using Digest.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary><c>serve</c>: runs the Azure Functions custom handler (what host.json starts).</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("serve", $"Run as the Azure Functions custom handler on 127.0.0.1:${CustomHandler.PortVariable}.");
        command.SetAction((_, cancellationToken) => RunAsync(error, cancellationToken));
        return command;
    }

    /// <summary>Builds and runs the handler until it is stopped; exit code 2 when a setting is invalid.</summary>
    public static async Task<int> RunAsync(TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = CustomHandler.Build([]);
        }
        catch (OptionsValidationException invalid)
        {
            await error.WriteLineAsync($"Configuration error: {string.Join("; ", invalid.Failures)}");
            return DigestCli.BadArguments;
        }
        catch (Exception invalid) when (invalid is System.ComponentModel.DataAnnotations.ValidationException or FormatException or ArgumentException)
        {
            await error.WriteLineAsync($"Configuration error: {invalid.Message}");
            return DigestCli.BadArguments;
        }

        await app.RunAsync(cancellationToken);
        return DigestCli.Success;
    }
}
