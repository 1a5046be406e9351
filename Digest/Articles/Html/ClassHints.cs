using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Digest.Articles.Html;

/// <summary>
/// What the class and id of an element suggest about it: article content or page furniture. Names repeat a lot
/// within a page, so each distinct name is matched once per page.
/// </summary>
internal sealed partial class ClassHints
{
    private readonly Dictionary<string, NameHint> cache = new(StringComparer.Ordinal);

    [Flags]
    private enum NameHint
    {
        None = 0,
        Negative = 1,
        Positive = 2,
        Boilerplate = 4,
        Media = 8,
    }

    /// <summary>+25 for each of class and id that reads like content, -25 for each that reads like furniture.</summary>
    public int Weight(IElement element) => WeightOf(Hint(element.ClassName)) + WeightOf(Hint(element.Id));

    /// <summary>The class or id names page furniture: sharing, related stories, newsletters, comments, ads, banners.</summary>
    public bool IsBoilerplate(IElement element) => ((Hint(element.ClassName) | Hint(element.Id)) & NameHint.Boilerplate) != 0;

    /// <summary>The class or id names article content.</summary>
    public bool IsContent(IElement element) => ((Hint(element.ClassName) | Hint(element.Id)) & NameHint.Positive) != 0;

    /// <summary>The class or id names a picture, photo or gallery box.</summary>
    public bool IsMedia(IElement element) => ((Hint(element.ClassName) | Hint(element.Id)) & NameHint.Media) != 0;

    private static int WeightOf(NameHint hint) =>
        ((hint & NameHint.Negative) != 0 ? -25 : 0) + ((hint & NameHint.Positive) != 0 ? 25 : 0);

    private NameHint Hint(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return NameHint.None;
        }

        if (!cache.TryGetValue(name, out var hint))
        {
            var advert = Advert().IsMatch(name);
            hint = (Negative().IsMatch(name) || advert ? NameHint.Negative : NameHint.None)
                | (Positive().IsMatch(name) ? NameHint.Positive : NameHint.None)
                | (advert || Boilerplate().IsMatch(name) || Dateline().IsMatch(name) ? NameHint.Boilerplate : NameHint.None)
                | (Media().IsMatch(name) ? NameHint.Media : NameHint.None);
            cache[name] = hint;
        }

        return hint;
    }

    [GeneratedRegex(@"comment|disqus|share|sharing|related|recommend|newsletter|subscri|signup|sign-up|cookie|consent|gdpr|banner|sponsor|promo|outbrain|taboola|popup|modal|breadcrumb|sidebar|footer|masthead|menu|navbar|navigation|pagination|pager|author-bio|tag-?list|toolbar|most-?popular|trending|paywall|overlay|skip-link|byline|dateline|timestamp|caption|credit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"(^|[\s_-])(ad|ads|adv|advert\w*|advertisement|dfp|gpt)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Advert();

    [GeneratedRegex(@"(^|[\s_-])(date|time|author|authors|published|updated|credits?)($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"image|img|photo|picture|figure|gallery|slideshow|media", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Media();

    [GeneratedRegex(@"hidden|^hid$|banner|combx|comment|contact|foot|footnote|gdpr|masthead|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption|newsletter|nav|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();
}
