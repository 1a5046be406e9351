using Digest.Articles;
using Digest.Briefings;
using Digest.Briefings.Grouping;
using Digest.Mail;
using Digest.Storage;
using Digest.Subscribers;
using Digest.Summaries;
using Digest.Summaries.Cloud;
using Digest.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest;

/// <summary>Registers Digest's pipeline: options (validated at start), intake, summarizer, stores and email sender.</summary>
public static class DigestServices
{
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new UnresolvedSecrets(configuration));
        services.AddValidatedOptions<IntakeOptions>(configuration, IntakeOptions.SectionName);
        services.AddValidatedOptions<GroupingOptions>(configuration, GroupingOptions.SectionName);
        services.AddValidatedOptions<BriefingOptions>(configuration, BriefingOptions.SectionName);
        services.AddValidatedOptions<SubscriptionOptions>(configuration, SubscriptionOptions.SectionName);

        services.AddSingleton(sp => new ArticleReader(sp.GetRequiredService<IOptions<IntakeOptions>>().Value));
        services.AddDigestSummarizer(configuration);
        services.AddSingleton(sp => new StoryGrouper(sp.GetRequiredService<IOptions<GroupingOptions>>().Value));
        services.AddSingleton<StoryWriter>();
        services.AddSingleton<BriefingComposer>();

        // AzureWebJobsStorage set (connection string or identity-based settings): Azure Storage; else the data folder.
        services.AddDigestStorage(configuration, dataFolder);

        services.AddSingleton(sp => new SubscriberTokens(
            sp.GetRequiredService<IOptions<SubscriptionOptions>>().Value.ResolveSigningKey(dataFolder)));
        services.AddSingleton<SummarizeArticleHandler>();
        services.AddSingleton<ComposeBriefingHandler>();
        services.AddSingleton<BriefingFanOut>();
        services.AddSingleton<DailyBriefing>();
        services.AddDigestMail(configuration, dataFolder);
        services.AddSingleton<SendBriefingHandler>();

        // The web pages, served by the HTTP functions.
        services.AddSingleton<SubscribeLimits>();
        services.AddSingleton<SubscriptionPages>();
        services.AddSingleton<BriefingPages>();
        services.AddSingleton<HealthCheck>();
        return services;
    }

    /// <summary>
    /// Resolves every options class once so a missing or malformed setting stops start-up with a message naming it,
    /// instead of failing halfway through a run.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        services.GetService<UnresolvedSecrets>()?.Check();
        foreach (var validator in services.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
