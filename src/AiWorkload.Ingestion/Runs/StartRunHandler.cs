using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Contracts.Commands;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Runs;

/// <summary>
/// POST /api/pipelines/{pipeline}/runs: sends StartPipelineRun to the pipeline-runs queue. The run id is the
/// Idempotency-Key (else a new GUID); the orchestration API serves the run at the Location, /api/runs/{runId}.
/// </summary>
internal sealed class StartRunHandler(IWorkloadCatalog catalog, IdempotentWriter writer, IOptions<IngestionOptions> options)
{
    /// <summary>The StartPipelineRun trigger for runs a client asked for, as opposed to runs the orchestrator starts from events.</summary>
    public const string ManualTrigger = "manual";

    private const int MaxParameters = 50;

    public async Task<IResult> HandleAsync(string pipeline, HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Read(request, required: false);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        if (!Identifiers.IsSlug(pipeline))
        {
            return Problems.Field("pipeline", $"'{pipeline}' is not a valid pipeline name: use {Identifiers.SlugRule}.");
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var idempotency = key is null ? null : IdempotencyKey.For(key, request, body);
        if (await writer.TryReplayAsync(idempotency, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (start, problem) = JsonBody.Read(body!, IngestionJsonContext.Default.StartRunRequest, required: false);
        if (problem is not null)
        {
            return problem;
        }

        if (await ValidateAsync(start, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var runId = key ?? Guid.NewGuid().ToString("N");
        return await writer.CommitAsync(idempotency, (catalogWriter, now) =>
        {
            catalogWriter.Enqueue(WorkloadOutbox.Entry(new StartPipelineRun(runId, pipeline, ManualTrigger, now, start?.ModelId, start?.Parameters), now));
            var accepted = new RunAccepted(runId, pipeline, start?.ModelId, "pending", now);
            return new ApiResponse(StatusCodes.Status202Accepted, Locations.Run(runId), JsonSerializer.Serialize(accepted, IngestionJsonContext.Default.RunAccepted));
        }, cancellationToken);
    }

    private async Task<IResult?> ValidateAsync(StartRunRequest? start, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (start?.ModelId is { } modelId && await catalog.GetModelAsync(modelId, cancellationToken) is null)
        {
            errors.Add("modelId", $"Model '{modelId}' is not registered.");
        }

        if (start?.Parameters is { } parameters)
        {
            if (parameters.Count > MaxParameters)
            {
                errors.Add("parameters", $"At most {MaxParameters} parameters are accepted.");
            }

            foreach (var (name, value) in parameters)
            {
                if (!Identifiers.IsColumn(name))
                {
                    errors.Add($"parameters.{name}", $"'{name}' is not a valid parameter name: use {Identifiers.ColumnRule}.");
                }
                else if (value is null || value.Length > 1024)
                {
                    errors.Add($"parameters.{name}", "A parameter value is text of at most 1024 characters.");
                }
            }
        }

        return errors.Any ? Problems.Validation(errors.ToDictionary()) : null;
    }
}
