using Digest.Mail;
using Digest.Storage;
using Digest.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Mail;

public sealed class MailServicesTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("digest-mail-services-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(MailTestSupport.Tokens)
            .AddSingleton<IDeliveryLog>(new LocalFolderStore(_data))
            .AddDigestMail(configuration, _data);
        return services.BuildServiceProvider();
    }

    private static void ValidateAtStart(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }

    [Fact]
    public void AddDigestMail_NoSenderSetting_WritesToTheDataFoldersOutbox()
    {
        using var services = Services();

        ValidateAtStart(services);
        var sender = Assert.IsType<OutboxEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.StartsWith(Path.Combine(_data, "outbox"), sender.PathFor("a@b.c"));
        Assert.NotNull(services.GetRequiredService<BriefingMailer>());
    }

    [Fact]
    public void AddDigestMail_Smtp_UsesTheConfiguredRelay()
    {
        using var services = Services(("Mail:Sender", "SMTP"), ("Mail:Smtp:Host", "relay.example.org"), ("Mail:Smtp:Port", "2525"), ("Mail:Smtp:UseStartTls", "true"));

        ValidateAtStart(services);
        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(("relay.example.org", 2525, (bool?)true), (options.Host, options.Port, options.UseStartTls));
    }

    [Fact]
    public void AddDigestMail_SendGrid_BatchesAThousandRecipientsAtTheConfiguredRegion()
    {
        using var services = Services(
            ("Mail:Sender", "sendgrid"), ("Mail:SendGrid:ApiKey", "SG.key"), ("Mail:SendGrid:BaseUrl", "https://api.eu.sendgrid.com"),
            ("Mail:SendGrid:Categories:0", "news"));

        ValidateAtStart(services);
        var sender = Assert.IsType<SendGridEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.Equal(1000, ((IEmailSender)sender).MaxBatchSize);
        var options = services.GetRequiredService<IOptions<SendGridOptions>>().Value;
        Assert.Equal("https://api.eu.sendgrid.com", options.BaseUrl);
        Assert.Equal(["news"], options.Categories);
    }

    [Theory]
    [InlineData("Mail:Sender", "pigeon", "Mail:Sender must be outbox, smtp or sendgrid")]
    [InlineData("Mail:FromAddress", "nobody", "FromAddress")]
    [InlineData("Mail:UnsubscribeMailto", "nobody", "UnsubscribeMailto")]
    public void AddDigestMail_BadMailSetting_StopsStartUpNamingIt(string key, string value, string named)
    {
        using var services = Services((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));
        Assert.Contains(named, failure.Message);
    }

    [Theory]
    [InlineData("Mail:FromName", "Digest\r\nBcc: victim@example.com", "Mail:FromName contains a line break")]
    [InlineData("Mail:FromName", "Digest\n", "Mail:FromName contains a line break")]
    [InlineData("Mail:FromAddress", "digest@example.org\r\nBcc: victim@example.com", "Mail:FromAddress contains a line break")]
    [InlineData("Mail:FromAddress", "digest@example.org\r", "Mail:FromAddress contains a line break")]
    [InlineData("Mail:ReplyTo", "editors@example.org\nBcc: victim@example.com", "Mail:ReplyTo contains a line break")]
    [InlineData("Mail:UnsubscribeMailto", "leave@example.org\r\n", "Mail:UnsubscribeMailto contains a line break")]
    [InlineData("Mail:FromAddress", "\"quoted\"@example.org", "Mail:FromAddress is not an address")]
    public void AddDigestMail_SettingThatWouldCorruptAHeader_StopsStartUpNamingIt(string key, string value, string named)
    {
        using var services = Services((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public void AddDigestMail_SendGrid_SendsThroughTheFactorysResilientClient()
    {
        using var services = Services(("Mail:Sender", "sendgrid"), ("Mail:SendGrid:ApiKey", "SG.key"));

        ValidateAtStart(services);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridEmailSender.HttpClientName);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Theory]
    [InlineData("Mail:SendGrid:BatchSize", "1001", "BatchSize")]
    [InlineData("Mail:SendGrid:BaseUrl", "api.sendgrid.com", "BaseUrl")]
    [InlineData("Mail:SendGrid:ApiKey", "", "ApiKey is required")]
    public void AddDigestMail_BadSendGridSetting_StopsStartUpNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string> { ["Mail:Sender"] = "sendgrid", ["Mail:SendGrid:ApiKey"] = "SG.key", [key] = value };
        using var services = Services([.. settings.Select(s => (s.Key, s.Value))]);

        var failure = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));
        Assert.Contains(named, failure.Message);
    }

    [Theory]
    [InlineData("Mail:Smtp:Port", "0", "Port")]
    [InlineData("Mail:Smtp:Host", "", "Host")]
    public void AddDigestMail_BadSmtpSetting_StopsStartUpNamingIt(string key, string value, string named)
    {
        using var services = Services(("Mail:Sender", "smtp"), (key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => ValidateAtStart(services));
        Assert.Contains(named, failure.Message);
    }
}
