using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// <see cref="BriefingMailer"/>. SendGrid goes through the <see cref="SendGridEmailSender.HttpClientName"/> client
    /// of <see cref="IHttpClientFactory"/> with its resilience handler. The caller registers <see cref="TimeProvider"/>,
    /// logging, <see cref="Subscribers.SubscriberTokens"/> and <see cref="Storage.IDeliveryLog"/>.
    /// </summary>
    public static IServiceCollection AddDigestMail(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);

        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
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
                // Each attempt has its own timeout in the resilience handler; the client's overall one would cut rate-limit waits short.
                services.AddHttpClient(SendGridEmailSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                    .AddResilienceHandler("retries", (pipeline, context) => SendGridEmailSender.AddRetries(
                        pipeline,
                        context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value,
                        context.ServiceProvider.GetRequiredService<TimeProvider>(),
                        context.ServiceProvider.GetRequiredService<ILogger<SendGridEmailSender>>()));
                services.AddSingleton<IEmailSender, SendGridEmailSender>();
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
