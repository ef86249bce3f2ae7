using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Training.Inference;

/// <summary>The predict endpoint: the promoted version of a model applied to one feature vector.</summary>
public static class InferenceApi
{
    public const string PredictRoute = "/api/models/{modelId}/predict";

    public static async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> PredictAsync(
        string modelId,
        PredictRequest? request,
        ModelServingCache cache,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var served = await cache.GetAsync(modelId, cancellationToken);
        if (served is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No promoted version",
                detail: $"Model '{modelId}' has no promoted version to predict with: it is not registered, or no trained version has been promoted yet.");
        }

        if (served.Model is not { } model)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status501NotImplemented,
                title: "Model cannot be served here",
                detail: $"v{served.Version} of model '{modelId}' was trained by '{served.Trainer}' into an opaque '{served.ContentType}' artifact, which this service stores and promotes but cannot execute.");
        }

        var errors = FeatureVector.Validate(request?.Features, model.FeatureNames, out var features);
        if (errors.Count > 0)
        {
            var missing = model.FeatureNames.Where(name => request?.Features is { } given && !given.ContainsKey(name));
            var unexpected = request?.Features?.Keys.Where(name => !model.FeatureNames.Contains(name)) ?? [];
            return TypedResults.ValidationProblem(
                errors,
                title: "The features do not match the model's schema",
                detail: $"v{served.Version} of model '{modelId}' expects [{string.Join(", ", model.FeatureNames)}]; " +
                    $"missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].");
        }

        var prediction = model.Predict(features);
        return TypedResults.Ok(new PredictResponse(served.ModelId, served.Version, PredictedValue.From(prediction, model)));
    }
}
