using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Summaries.Cloud;

/// <summary>Registers the summarizer chosen by <c>Summarizer:Provider</c>.</summary>
public static class SummarizerServices
{
    /// <summary>
    /// Binds <see cref="SummarizerOptions"/> to the <c>Summarizer</c> section, validated at start (an unknown provider,
    /// or a missing <c>Summarizer:Language:Endpoint</c> when a language provider is chosen, stops start-up with a message
    /// naming the setting), and registers the <see cref="ISummarizer"/> it chooses: <see cref="BuiltInSummarizer"/> or
    /// <see cref="LanguageSummarizer"/>. Uses the registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IServiceCollection AddDigestSummarizer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SummarizerOptions>()
            .Bind(configuration.GetSection(SummarizerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ISummarizer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SummarizerOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.UsesLanguageService
                ? new LanguageSummarizer(options, time, sp.GetRequiredService<ILogger<LanguageSummarizer>>())
                : new BuiltInSummarizer(options, time);
        });
        return services;
    }
}
