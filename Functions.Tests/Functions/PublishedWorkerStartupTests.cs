using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>
/// The published worker, started as Azure starts it: every app setting the compiled Bicep gives the function app,
/// the variables Flex Consumption adds, and the host's own arguments. It must build its whole service provider
/// (registrations validated, every option and function class resolved), connect to the host, initialize and list its
/// functions, with no error or exception on the way. A broken setting must stop it before it connects, naming the
/// setting.
/// </summary>
[Collection(PublishedFunctionAppCollection.Name)]
public sealed class PublishedWorkerStartupTests(PublishedFunctionApp published)
{
    /// <summary>Long enough for a cold start on a loaded machine; a healthy start takes a few seconds.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromMinutes(3);

    public static TheoryData<string, string, string> Configurations() => new()
    {
        { "builtin", "sendgrid", "" },
        { "language-extractive", "sendgrid", "" },
        { "builtin", "smtp", "" },
        { "language-extractive", "smtp", "briefing@news.example.com" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task PublishedWorker_WithAzuresSettings_StartsAndAnswersTheHostsHandshake(string summarizer, string mail, string smtpUserName)
    {
        await using var host = await FunctionsHostStandIn.StartAsync(published.Folder);
        var environment = AzureWorkerEnvironment.For(new DeployedConfiguration(summarizer, mail, smtpUserName), host, published.Folder);
        Assert.Equal(mail, environment["Mail__Sender"]);
        var workerId = Guid.NewGuid().ToString();

        await using var worker = PublishedWorkerProcess.Start(published.Folder, host.Address, workerId, environment);
        var handshake = await WaitForHandshakeAsync(host, worker);

        Assert.Equal(workerId, handshake.WorkerId);
        Assert.True(handshake.Init.Succeeded, $"WorkerInitResponse: {handshake.Init}\n{worker.Output}");
        Assert.True(handshake.Metadata.Succeeded, $"FunctionMetadataResponse: {handshake.Metadata}\n{worker.Output}");
        Assert.Equal(FunctionsMetadata.All.Select(f => f.Name).Order(), handshake.Functions.Order());
        Assert.False(worker.HasExited, worker.Output);
        var errors = host.Logs.Where(log => log.Level >= 4 || log.Exception is not null).ToList();
        Assert.True(errors.Count == 0, "The worker logged errors to the host:\n" + string.Join("\n", errors));
        Assert.DoesNotContain("Exception", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", worker.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Subscriptions__SigningKey", "@Microsoft.KeyVault(VaultName=kv-digest-abc123;SecretName=subscription-signing-key)", "Subscriptions:SigningKey")]
    [InlineData("Mail__SendGrid__ApiKey", "@Microsoft.KeyVault(VaultName=kv-digest-abc123;SecretName=sendgrid-api-key)", "Mail:SendGrid:ApiKey")]
    [InlineData("BriefingSchedule", "every day at six", "BriefingSchedule")]
    [InlineData("BriefingSchedule", "0 6 * * *", "BriefingSchedule")]
    [InlineData("Briefing__TimeZone", "Mars/Olympus_Mons", "Briefing:TimeZone")]
    [InlineData("Mail__FromAddress", "not an address", "FromAddress")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=Basic", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    public async Task PublishedWorker_OneAzureSettingBroken_RefusesToStartNamingIt(string setting, string value, string named)
    {
        await using var host = await FunctionsHostStandIn.StartAsync(published.Folder);
        var environment = AzureWorkerEnvironment.For(new DeployedConfiguration("builtin", "sendgrid"), host, published.Folder);
        environment[setting] = value;

        await using var worker = PublishedWorkerProcess.Start(published.Folder, host.Address, Guid.NewGuid().ToString(), environment);
        var exit = await worker.WaitForExitAsync(StartWait);

        Assert.True(exit is not null, "The worker did not stop:\n" + worker.Output);
        Assert.NotEqual(0, exit);
        Assert.False(host.Handshake.IsCompletedSuccessfully, "The worker reached the host with a broken setting.");
        Assert.Contains(named, worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-digest-abc123", worker.Output, StringComparison.Ordinal);
    }

    private static async Task<WorkerHandshake> WaitForHandshakeAsync(FunctionsHostStandIn host, PublishedWorkerProcess worker)
    {
        var exited = worker.WaitForExitAsync(StartWait);
        var first = await Task.WhenAny(host.Handshake, exited);
        if (first != host.Handshake)
        {
            Assert.Fail($"The worker stopped (exit {exited.Result?.ToString() ?? "none: still running"}) before the handshake:\n{worker.Output}");
        }

        return await host.Handshake;
    }
}
