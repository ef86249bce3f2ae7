namespace AiWorkload.Fuzz.Tests;

/// <summary>A parameter as the OpenAPI document declares it: where it goes (path, query, header) and its schema type.</summary>
public sealed record ApiParameter(string Name, string In, string? Type);
