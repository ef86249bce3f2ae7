namespace AiWorkload.Orchestration.Templates;

/// <summary>One <c>${...}</c> of a template: its text and its dot-separated segments.</summary>
public sealed record TemplateReference(string Expression, IReadOnlyList<string> Segments)
{
    public string Root => Segments[0];

    public override string ToString() => "${" + Expression + "}";
}
