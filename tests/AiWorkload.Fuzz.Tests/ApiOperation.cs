namespace AiWorkload.Fuzz.Tests;

/// <summary>One operation of the OpenAPI document: what the fuzzer aims at.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<string> BodyMediaTypes)
{
    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => $"{Method} {PathTemplate}";
}
