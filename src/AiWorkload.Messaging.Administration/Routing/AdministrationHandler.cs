using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AiWorkload.Messaging.Administration.Entities;
using AiWorkload.Messaging.Administration.Errors;
using AiWorkload.Messaging.Administration.Feeds;
using AiWorkload.Messaging.Administration.Security;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Adapter;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AiWorkload.Messaging.Administration.Routing;

/// <summary>
/// One request: authorize, take the address apart, then read, write or delete through the engine. A thin translation:
/// what may be created or changed is the engine's decision, this only maps its answers to the service's statuses.
/// </summary>
internal sealed class AdministrationHandler(EmbeddedServiceBusProvider engines, SasAuthorizer authorizer, TimeProvider time)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            authorizer.Authorize(http.Request);
            var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToString();
            var resource = ResourcePath.Parse(rawTarget);
            var engine = await engines.GetEngineAsync(http.RequestAborted);
            var context = new EntityContext(http.Request.Host.Host, engine.MaxMessageSizeBytes);
            var entries = new EntryFactory(engine, context, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"));
            var writer = new EntityWriter(engine, context, entries);
            if (HttpMethods.IsGet(http.Request.Method))
            {
                await WriteAsync(http, HttpStatusCode.OK, Get(http.Request, resource, engine, entries), entries, resource);
            }
            else if (HttpMethods.IsPut(http.Request.Method))
            {
                var description = await AtomReader.ReadDescriptionAsync(http.Request.Body, http.Request.ContentLength, http.RequestAborted);
                var ifMatch = http.Request.Headers.IfMatch.ToString();
                var (status, entry) = await writer.PutAsync(resource, description, ifMatch.Length == 0 ? null : ifMatch, http.RequestAborted);
                await WriteAsync(http, status, entry, entries, resource);
            }
            else
            {
                await writer.DeleteAsync(resource, http.RequestAborted);
                http.Response.StatusCode = StatusCodes.Status200OK;
            }
        }
        catch (AdministrationException error)
        {
            await ErrorAsync(http, error.Status, error.Message);
        }
        catch (MessagingException error)
        {
            await ErrorAsync(http, ErrorMapping.StatusOf(error), error.Message);
        }
    }

    private XElement Get(HttpRequest request, ResourcePath resource, EmbeddedServiceBus engine, EntryFactory entries) => resource.Kind switch
    {
        ResourceKind.Namespace => entries.Namespace(_startedAt),
        ResourceKind.QueueFeed => entries.Feed("Queues", "$Resources/queues", Page(request, engine.GetQueueNames()).Select(entries.Queue)),
        ResourceKind.TopicFeed => entries.Feed("Topics", "$Resources/topics", Page(request, engine.GetTopicNames()).Select(entries.Topic)),
        ResourceKind.Entity => entries.Entity(resource.Entity),
        ResourceKind.SubscriptionFeed => entries.Feed("Subscriptions", $"{resource.Entity}/Subscriptions",
            Page(request, [.. engine.GetSubscriptions(resource.Entity).Select(s => s.Name)]).Select(s => entries.Subscription(resource.Entity, s))),
        ResourceKind.Subscription => entries.Subscription(resource.Entity, resource.Subscription),
        ResourceKind.RuleFeed => entries.Feed("Rules", $"{resource.Entity}/Subscriptions/{resource.Subscription}/rules",
            Page(request, [.. engine.GetRules(resource.Entity, resource.Subscription).Select(r => r.Name)], sort: false).Select(r => entries.Rule(resource.Entity, resource.Subscription, r))),
        ResourceKind.Rule => entries.Rule(resource.Entity, resource.Subscription, resource.Rule),
        _ => throw AdministrationException.BadRequest("Unknown resource."),
    };

    /// <summary>$skip and $top as the SDK pages (100 at a time); names in a stable order so pages do not overlap.</summary>
    private static List<string> Page(HttpRequest request, IReadOnlyList<string> names, bool sort = true)
    {
        var skip = Number(request, "$skip", 0);
        var top = Number(request, "$top", 100);
        var ordered = sort ? names.Order(StringComparer.OrdinalIgnoreCase) : names.AsEnumerable();
        return ordered.Skip(skip).Take(top).ToList();
    }

    private static int Number(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw AdministrationException.BadRequest($"Query parameter '{name}' must be a non-negative integer, not '{text}'.");
    }

    private static async Task WriteAsync(HttpContext http, HttpStatusCode status, XElement body, EntryFactory entries, ResourcePath resource)
    {
        http.Response.StatusCode = (int)status;
        if (body.Name.LocalName == "entry" && EntityWriter.ETagOf(body) is { } etag)
        {
            http.Response.Headers.ETag = etag;
        }

        http.Response.ContentType = body.Name.LocalName == "feed" ? AtomNames.FeedContentType : AtomNames.EntryContentType;
        _ = entries;
        _ = resource;
        await http.Response.WriteAsync(AtomWriter.ToText(body), http.RequestAborted);
    }

    private async Task ErrorAsync(HttpContext http, HttpStatusCode status, string detail)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "application/xml; charset=utf-8";
        await http.Response.WriteAsync(ErrorBody.For(status, detail, time.GetUtcNow()), http.RequestAborted);
    }
}
