using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Models;

/// <summary>
/// POST /api/models: stores the model (and its dataset when new) and a ModelRegistered outbox entry in one transaction.
/// Registering the same definition again answers 200 with the stored model and announces nothing new.
/// </summary>
internal sealed class RegisterModelHandler(IWorkloadCatalog catalog, IdempotentWriter writer, IOptions<IngestionOptions> options)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Read(request, required: false);
        if (keyProblem is not null)
        {
            return keyProblem;
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

        var (registration, problem) = Parse(body!, writer.Now);
        if (problem is not null)
        {
            return problem;
        }

        var model = registration!.Model;
        var dataset = await catalog.GetDatasetAsync(model.DatasetId, cancellationToken);
        if (CheckDataset(registration, dataset) is { } datasetProblem)
        {
            return datasetProblem;
        }

        var stored = await catalog.GetModelAsync(model.ModelId, cancellationToken);
        if (stored is not null && stored with { RegisteredAt = model.RegisteredAt } != model)
        {
            return Problems.Conflict("id", $"Model '{model.ModelId}' is already registered with another definition; register the new one under another id.");
        }

        var schema = registration.Schema ?? dataset!.Definition;
        var stats = dataset ?? new DatasetStats(schema, 0, 0);
        var versions = stored is null ? [] : await catalog.GetVersionsAsync(model.ModelId, cancellationToken);
        try
        {
            return await writer.CommitAsync(idempotency, (catalogWriter, now) =>
            {
                catalogWriter.CreateDataset(schema);
                var registered = catalogWriter.RegisterModel(model with { RegisteredAt = stored?.RegisteredAt ?? now });
                if (stored is null)
                {
                    catalogWriter.Enqueue(WorkloadOutbox.Entry(
                        new ModelRegistered($"model-registered:{registered.ModelId}", registered.ModelId, registered.DatasetId, ModelMapping.TaskText(registered.Task), now),
                        now));
                }

                var response = ModelMapping.ToResponse(registered, stats, versions);
                return new ApiResponse(
                    stored is null ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                    Locations.Model(registered.ModelId),
                    JsonSerializer.Serialize(response, IngestionJsonContext.Default.ModelResponse));
            }, cancellationToken);
        }
        catch (CatalogConflictException conflict)
        {
            // A concurrent registration of the same id or dataset with another definition won the race.
            return Problems.Conflict("id", conflict.Message);
        }
    }

    private static (ModelRegistration? Registration, IResult? Problem) Parse(RequestBody body, DateTimeOffset now)
    {
        var (request, problem) = JsonBody.Read(body, IngestionJsonContext.Default.RegisterModelRequest, required: true);
        if (problem is not null)
        {
            return (null, problem);
        }

        var errors = new ErrorList();
        var registration = ModelRegistration.Validate(request!, now, errors);
        return errors.Any ? (null, Problems.Validation(errors.ToDictionary())) : (registration, null);
    }

    private static IResult? CheckDataset(ModelRegistration registration, DatasetStats? dataset)
    {
        var model = registration.Model;
        if (dataset is null)
        {
            return registration.Schema is null
                ? Problems.Field("dataset.features", $"Dataset '{model.DatasetId}' does not exist yet: give its features and label to create it.")
                : null;
        }

        var existing = dataset.Definition;
        if (registration.Schema is { } schema && !existing.SameSchemaAs(schema))
        {
            return Problems.Conflict("dataset", $"Dataset '{existing.DatasetId}' already exists with features [{string.Join(", ", existing.Features)}] and label '{existing.Label}' ({existing.LabelKind.ToString().ToLowerInvariant()}); give the same schema, or only its id.");
        }

        return existing.LabelKind != ModelRegistration.LabelKindFor(model.Task)
            ? Problems.Conflict("task", $"Dataset '{existing.DatasetId}' has a {existing.LabelKind.ToString().ToLowerInvariant()} label, which a {ModelMapping.TaskText(model.Task)} model cannot learn.")
            : null;
    }
}
