using AiWorkload.Ingestion;

namespace Microsoft.AspNetCore.Builder;

public static class IngestionApplicationExtensions
{
    private const string OpenApiMapped = "AiWorkload.OpenApi.Mapped";

    /// <summary>
    /// Maps the ingestion API under <c>/api</c> and the OpenAPI document at <c>/openapi/v1.json</c>, behind API-key
    /// authentication and the per-key rate limit (the middleware is added here unless a service already added it).
    /// </summary>
    public static WebApplication MapIngestionApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiKeyAuthentication();

        // One document for the whole app: a second MapOpenApi on the same route would make every request for it ambiguous.
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.ContainsKey(OpenApiMapped))
        {
            properties[OpenApiMapped] = true;
            app.MapOpenApi();
        }

        IngestionEndpoints.Map(app);
        return app;
    }
}
