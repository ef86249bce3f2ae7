using AiWorkload.Ingestion.Http;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AiWorkload.Ingestion.OpenApi;

/// <summary>Describes what the endpoints' metadata cannot: the API-key scheme, and which operations take an Idempotency-Key.</summary>
internal static class IngestionOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.HeaderName,
                Description = "An API key with the read scope (GET) or the write scope (everything). Without configured keys, only loopback callers are served.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<RequestBodyMetadata>().FirstOrDefault() is { } body)
            {
                var content = new Dictionary<string, OpenApiMediaType>
                {
                    [MediaTypes.Json] = new() { Schema = await context.GetOrCreateSchemaAsync(body.JsonType, null, cancellationToken) },
                };
                if (body.AcceptsCsv)
                {
                    content[MediaTypes.Csv] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A header row naming the columns, then one line per row (RFC 4180)." } };
                }

                operation.RequestBody = new OpenApiRequestBody { Required = body.Required, Content = content };
            }

            if (metadata.OfType<IdempotencyKeyMetadata>().FirstOrDefault() is { } idempotency)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKey.HeaderName,
                    In = ParameterLocation.Header,
                    Required = idempotency.Required,
                    Description = "Makes a retry safe: the same key and request get the stored response (Idempotent-Replayed: true); the same key with another request gets 422.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
                });
            }
        });
    }
}
