using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>Registers the email side: validated settings, the sender chosen by <c>Mail:Sender</c>, the builder and the mailer.</summary>
public static class MailServices
{
    /// <summary>
    /// Adds <see cref="MailOptions"/> (and <see cref="SmtpOptions"/> or <see cref="SendGridOptions"/> for the chosen
    /// sender), all validated at start, the <see cref="IEmailSender"/> named by <c>Mail:Sender</c> (<c>outbox</c>,
    /// the default, writes to <c>&lt;dataFolder&gt;/outbox</c>), <see cref="BriefingEmailBuilder"/> and
    /// <see cref="BriefingMailer"/>. The caller registers <see cref="TimeProvider"/>, logging,
    /// <see cref="Subscribers.SubscriberTokens"/> and <see cref="Storage.IDeliveryLog"/>.
    /// </summary>
    public static IServiceCollection AddDigestMail(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var sender = configuration.GetSection(MailOptions.SectionName)[nameof(MailOptions.Sender)]?.Trim().ToLowerInvariant();
        switch (sender)
        {
            case "smtp":
                services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
                services.AddSingleton<IEmailSender>(sp => new SmtpEmailSender(
                    sp.GetRequiredService<IOptions<SmtpOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SmtpEmailSender>>()));
                break;
            case "sendgrid":
                services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.SectionName)).ValidateDataAnnotations()
                    .Validate(options => !string.IsNullOrWhiteSpace(options.ApiKey), "Mail:SendGrid:ApiKey is required when Mail:Sender is sendgrid.")
                    .ValidateOnStart();
                services.AddSingleton<IEmailSender>(sp =>
                {
                    var options = sp.GetRequiredService<IOptions<SendGridOptions>>();
                    // One long-lived client; recycling pooled connections picks up DNS changes.
                    var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                    {
                        Timeout = Timeout.InfiniteTimeSpan,
                    };
                    return new SendGridEmailSender(http, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SendGridEmailSender>>());
                });
                break;
            default:
                // "outbox" or not set; any other value fails MailOptions validation at start.
                services.AddSingleton<IEmailSender>(new OutboxEmailSender(Path.Combine(dataFolder, "outbox")));
                break;
        }

        services.AddSingleton<BriefingEmailBuilder>();
        services.AddSingleton<BriefingMailer>();
        return services;
    }
}
