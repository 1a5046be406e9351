using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Digest.Web;

/// <summary>
/// The routes of Digest's web side, under <c>/api/</c>: the HTTP functions take them in their triggers, and
/// <see cref="MapDigestWeb"/> maps the same handlers on the same routes for a plain ASP.NET Core host (the command
/// line's <c>serve</c>), so each page has one implementation.
/// </summary>
public static class WebRoutes
{
    public const string Prefix = "api";
    public const string Subscribe = "subscribe";
    public const string Confirm = "confirm";
    public const string Unsubscribe = "unsubscribe";
    public const string Briefing = "briefings/{date}";
    public const string Archive = "archive";
    public const string Health = "health";

    /// <summary>Maps every page and answer on its route and methods, as the function app serves them.</summary>
    public static IEndpointRouteBuilder MapDigestWeb(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + Prefix);
        api.MapGet(Subscribe, (HttpRequest request, SubscriptionPages pages) => pages.SubscribePage(request));
        api.MapPost(Subscribe, (HttpRequest request, SubscriptionPages pages, CancellationToken cancellationToken) => pages.SubscribeAsync(request, cancellationToken));
        api.MapGet(Confirm, (HttpRequest request, SubscriptionPages pages) => pages.ConfirmPage(request, request.Query["token"]));
        api.MapPost(Confirm, (HttpRequest request, SubscriptionPages pages, CancellationToken cancellationToken) => pages.ConfirmAsync(request.Query["token"], cancellationToken));
        api.MapGet(Unsubscribe, (HttpRequest request, SubscriptionPages pages) => pages.UnsubscribePage(request, request.Query["token"]));
        api.MapPost(Unsubscribe, (HttpRequest request, SubscriptionPages pages, CancellationToken cancellationToken) => pages.UnsubscribeAsync(request.Query["token"], cancellationToken));
        api.MapGet(Briefing, (string date, HttpRequest request, BriefingPages pages, CancellationToken cancellationToken) => pages.InvokeAsync(date, request.Query["page"], cancellationToken));
        api.MapGet(Archive, (HttpRequest request, BriefingPages pages, CancellationToken cancellationToken) => pages.ArchiveAsync(request.Query["page"], cancellationToken));
        api.MapGet(Health, (HealthCheck check, CancellationToken cancellationToken) => check.InvokeAsync(cancellationToken));
        return app;
    }
}
