using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>Subscribing (double opt-in), confirming and unsubscribing: the pages and answers of <see cref="SubscriptionPages"/>.</summary>
public sealed class Subscriptions(SubscriptionPages pages)
{
    /// <summary>GET shows the subscribe form; POST (the form, or JSON from an API client) asks for a confirmation email.</summary>
    [Function("Subscribe")]
    public async Task<IResult> SubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = WebRoutes.Subscribe)] HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await pages.SubscribeAsync(request, cancellationToken)
            : pages.SubscribePage(request);

    /// <summary>GET shows the confirmation page with its button; POST (the button) subscribes.</summary>
    [Function("Confirm")]
    public async Task<IResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = WebRoutes.Confirm)] HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await pages.ConfirmAsync(request.Query["token"], cancellationToken)
            : pages.ConfirmPage(request, request.Query["token"]);

    /// <summary>GET shows the page with its button; POST is the button or RFC 8058 one-click.</summary>
    [Function("Unsubscribe")]
    public async Task<IResult> UnsubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = WebRoutes.Unsubscribe)] HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await pages.UnsubscribeAsync(request.Query["token"], cancellationToken)
            : pages.UnsubscribePage(request, request.Query["token"]);
}
