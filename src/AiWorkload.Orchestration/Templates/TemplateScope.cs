using System.Globalization;
using System.Text.Json;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Templates;

/// <summary>
/// The values a template can read while a run executes: <c>run.*</c>, <c>activities.NAME.output.KEY</c> and, inside a
/// ForEach, <c>item</c>, <c>item.FIELD</c> and <c>index</c>. Trigger templates read <c>event.FIELD</c> instead.
/// </summary>
internal sealed class TemplateScope
{
    public PipelineRun? Run { get; init; }

    public string? Item { get; init; }

    public int? Index { get; init; }

    public RunEvent? Event { get; init; }

    public string Render(string template) => Template.Parse(template).Render(Resolve);

    public IReadOnlyDictionary<string, string> RenderAll(IReadOnlyDictionary<string, string> templates)
    {
        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in templates)
        {
            try
            {
                rendered[name] = Render(template);
            }
            catch (TemplateException error)
            {
                throw new TemplateException($"input '{name}': {error.Message}", error);
            }
        }

        return rendered;
    }

    private string? Resolve(TemplateReference reference)
    {
        var s = reference.Segments;
        return (reference.Root, s.Count) switch
        {
            ("run", 2) => RunValue(s[1]),
            ("run", 3) when s[1] == "parameters" => Run?.Parameters.GetValueOrDefault(s[2]),
            ("activities", 4) when s[2] == "output" => Run?.FindActivity(s[1])?.Outputs?.GetValueOrDefault(s[3]),
            ("item", 1) => Item,
            ("item", 2) => ItemField(s[1]),
            ("index", 1) => Index?.ToString(CultureInfo.InvariantCulture),
            ("event", 2) => Event?.GetField(s[1]),
            _ => null,
        };
    }

    private string? RunValue(string name) => name switch
    {
        "id" => Run?.RunId,
        "pipeline" => Run?.Pipeline,
        "modelId" => Run?.ModelId,
        "trigger" => Run?.Trigger,
        _ => null,
    };

    private string? ItemField(string field)
    {
        if (Item is not { Length: > 0 } item || item[0] != '{')
        {
            return null;
        }

        using var document = JsonDocument.Parse(item);
        return JsonFields.Find(document.RootElement, field);
    }
}
