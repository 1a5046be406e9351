using Digest.Cli;

// One executable, two roles: the operator CLI (run, extract, ...) and, later, the Azure Functions custom handler.
return await DigestCli.InvokeAsync(args);
