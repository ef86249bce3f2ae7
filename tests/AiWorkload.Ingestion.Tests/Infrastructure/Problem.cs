using System.Text.Json;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

/// <summary>An RFC 7807 answer: asserted on its status and media type, read for the fields its errors name.</summary>
internal sealed record Problem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        var errors = root.TryGetProperty("errors", out var list)
            ? list.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : [];
        return new Problem(status, root.GetProperty("title").GetString()!, root.TryGetProperty("detail", out var detail) ? detail.GetString() : null, errors);
    }

    /// <summary>Asserts the problem names <paramref name="field"/> with a message containing <paramref name="text"/>.</summary>
    public Problem Names(string field, string text)
    {
        Assert.True(Errors.TryGetValue(field, out var messages), $"No error for '{field}'; errors: {string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"))}");
        Assert.Contains(messages, m => m.Contains(text, StringComparison.Ordinal));
        return this;
    }
}
