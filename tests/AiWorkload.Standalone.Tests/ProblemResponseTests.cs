using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AiWorkload.Standalone.Tests;

/// <summary>Errors no endpoint writes itself (no route, wrong method, unreadable body, wrong media type) are ProblemDetails too.</summary>
public sealed class ProblemResponseTests
{
    [Theory]
    [InlineData("GET", "/api/nothing-here", null, null, 404, "path")]
    [InlineData("GET", "/no/such/route", null, null, 404, "path")]
    [InlineData("DELETE", "/api/models", null, null, 405, "method")]
    [InlineData("PUT", "/api/runs/any", null, null, 405, "method")]
    [InlineData("POST", "/api/models/m/predict", "application/json", "{not json", 400, "request")]
    [InlineData("POST", "/api/models/m/predict", "application/json", "[]", 400, "request")]
    [InlineData("POST", "/api/models/m/predict", "application/json", """{"features":[1,2]}""", 400, "request")]
    [InlineData("POST", "/api/models/m/predict", "text/plain", """{"features":{}}""", 415, "Content-Type")]
    [InlineData("POST", "/api/models/m/predict", "application/json; charset=bogus", """{"features":{}}""", 415, "Content-Type")]
    [InlineData("GET", "/api/runs?page=abc", null, null, 400, "page")]
    [InlineData("GET", "/api/decisions?pageSize=1e308", null, null, 400, "pageSize")]
    [InlineData("POST", "/api/pipelines/no-such-pipeline/runs", null, null, 404, "name")]
    public async Task Every_error_is_a_problem_naming_what_was_wrong(string method, string path, string? contentType, string? body, int status, string field)
    {
        await using var app = new StandaloneApp();
        using var api = app.CreateApiClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await api.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_client_that_accepts_only_text_still_gets_problem_json()
    {
        await using var app = new StandaloneApp();
        using var api = app.CreateApiClient();
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await api.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
