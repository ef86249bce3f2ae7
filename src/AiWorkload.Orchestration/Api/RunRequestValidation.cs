using System.Text.RegularExpressions;
using AiWorkload.Catalog;

namespace AiWorkload.Orchestration.Api;

/// <summary>What a manual run's request must satisfy before a run exists: a registered model, sensible parameters.</summary>
internal static partial class RunRequestValidation
{
    public const int MaxParameters = 50;
    public const int MaxValueLength = 1024;
    public const int MaxKeyLength = 100;

    public static async Task<Dictionary<string, string[]>> ValidateAsync(StartRunRequest? start, IWorkloadCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (start?.ModelId is { } modelId)
        {
            if (modelId.Length is 0 or > 200)
            {
                errors["modelId"] = ["A model id is 1 to 200 characters."];
            }
            else if (await catalog.GetModelAsync(modelId, cancellationToken) is null)
            {
                errors["modelId"] = [$"Model '{modelId}' is not registered."];
            }
        }

        if (start?.Parameters is not { } parameters)
        {
            return errors;
        }

        if (parameters.Count > MaxParameters)
        {
            errors["parameters"] = [$"At most {MaxParameters} parameters are accepted."];
            return errors;
        }

        foreach (var (name, value) in parameters)
        {
            if (!Column().IsMatch(name))
            {
                errors[$"parameters.{Shorten(name)}"] = ["A parameter name is 1 to 64 characters: letters, digits, '_', '.' or '-', starting with a letter or '_'."];
            }
            else if (value is null || value.Length > MaxValueLength)
            {
                errors[$"parameters.{name}"] = [$"A parameter value is text of at most {MaxValueLength} characters."];
            }
        }

        return errors;
    }

    /// <summary>The Idempotency-Key is the run id: visible ASCII, so it can travel as a MessageId.</summary>
    public static string? KeyError(string key) =>
        key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"The key must be 1 to {MaxKeyLength} visible ASCII characters without spaces."
            : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Column();
}
