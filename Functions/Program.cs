using Digest.Cli;

// One executable, two roles. The Functions host starts it as `Digest serve` (host.json): that path goes straight to
// the custom handler, without building the operator CLI first, because every millisecond of cold start counts.
if (args is ["serve"])
{
    return await ServeCommand.RunAsync(Console.Error, CancellationToken.None);
}

return await DigestCli.InvokeAsync(args);
