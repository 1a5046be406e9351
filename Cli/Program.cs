using Digest.Cli;

return await DigestCli.InvokeAsync(args);
