using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>What the class and id of an element suggest about it: article content or page furniture.</summary>
internal static partial class ClassHints
{
    /// <summary>+25 for each of class and id that reads like content, -25 for each that reads like furniture.</summary>
    public static int Weight(IElement element)
    {
        return WeightOf(element.ClassName) + WeightOf(element.Id);

        static int WeightOf(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return 0;
            }

            var weight = 0;
            if (Negative().IsMatch(name) || Advert().IsMatch(name))
            {
                weight -= 25;
            }

            if (Positive().IsMatch(name))
            {
                weight += 25;
            }

            return weight;
        }
    }

    /// <summary>The class or id names page furniture: sharing, related stories, newsletters, comments, ads, banners.</summary>
    public static bool IsBoilerplate(IElement element) => Matches(element, Boilerplate()) || Matches(element, Advert()) || Matches(element, Dateline());

    /// <summary>The class or id names article content.</summary>
    public static bool IsContent(IElement element) => Matches(element, Positive());

    private static bool Matches(IElement element, Regex pattern)
    {
        var className = element.ClassName;
        var id = element.Id;
        return (!string.IsNullOrEmpty(className) && pattern.IsMatch(className)) || (!string.IsNullOrEmpty(id) && pattern.IsMatch(id));
    }

    [GeneratedRegex(@"comment|disqus|share|sharing|related|recommend|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|banner|sponsor|promo|outbrain|taboola|popup|modal|breadcrumb|sidebar|footer|masthead|menu|navbar|navigation|pagination|pager|author-bio|tag-?list|toolbar|most-?popular|trending|paywall|overlay|skip-link|byline|dateline|timestamp|caption|credit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"(^|[\s_-])(ad|ads|adv|advert\w*|advertisement|dfp|gpt)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Advert();

    [GeneratedRegex(@"(^|[\s_-])(date|time|author|authors|published|updated|credits?)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"hidden|^hid$|banner|combx|comment|contact|foot|footnote|gdpr|masthead|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption|newsletter|nav|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();
}
