using AiWorkload.ServiceDefaults.Security;
using AiWorkload.Training.Inference;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

public static class InferenceEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST /api/models/{modelId}/predict</c>, body <c>{"features": {"name": value}}</c>: 200 with the prediction of
    /// the promoted version, 404 ProblemDetails when there is none, 400 ValidationProblemDetails naming features that do
    /// not match the model's schema; a body that is not JSON of that shape or a wrong Content-Type is answered by
    /// ServiceDefaults' problem handling (400 / 415 naming the request). Behind API-key authentication (the <c>workload.read</c> policy) and the per-key rate
    /// limit; the middleware is added here unless another service already added it.
    /// </summary>
    public static WebApplication MapInferenceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiKeyAuthentication();
        app.MapPost(InferenceApi.PredictRoute, InferenceApi.PredictAsync)
            .WithName("PredictWithPromotedModel")
            .WithTags("Inference")
            .WithSummary("Predict with the promoted version of a model.")
            .Accepts<PredictRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy);
        return app;
    }
}
