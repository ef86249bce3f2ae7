using System.Net.Http.Json;
using System.Text.Json;

namespace AiWorkload.ServiceDefaults.Tests;

internal static class ProblemJson
{
    /// <summary>Asserts an RFC 7807 answer and returns its document.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
