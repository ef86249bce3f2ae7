namespace AiWorkload.ServiceDefaults.Tests;

public sealed record Item(string Name);
