using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Testing;
using AiWorkload.Training.Inference;
using AiWorkload.Training.Tests.Retraining.Infrastructure;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>POST /api/models/{modelId}/predict over real HTTP, served from the promoted version.</summary>
public sealed class InferenceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Predict_switches_to_a_newly_promoted_version_when_ModelPromoted_arrives_without_a_restart()
    {
        // A day-long refresh interval: only the ModelPromoted event on the inference subscription can cause the switch.
        await using var host = await RetrainingHost.StartAsync(_directory.Path, new Dictionary<string, string?> { ["Training:ServingRefreshInterval"] = "1.00:00:00" });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");
        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first", TestData.Now));
        await host.Events.WaitForAsync<ModelPromoted>(e => e.JobId == "job-1");

        var before = await PredictAsync(http, "churn-model", 2, -2);
        Assert.Equal((1, "yes"), (before.GetProperty("version").GetInt32(), before.GetProperty("prediction").GetProperty("label").GetString()));
        var probabilities = before.GetProperty("prediction").GetProperty("probabilities");
        Assert.Equal(1, probabilities.GetProperty("yes").GetDouble() + probabilities.GetProperty("no").GetDouble(), precision: 9);
        Assert.True(probabilities.GetProperty("yes").GetDouble() > 0.5);
        Assert.False(before.GetProperty("prediction").TryGetProperty("value", out _));

        await TestData.AppendAsync(host.Catalog, "churn", "batch-2", TestData.FollowsX2(240, seed: 2));
        await host.Bus.SendAsync(new RetrainModel("job-2", "churn-model", "drift", TestData.Now));
        await host.Events.WaitForAsync<ModelPromoted>(e => e.JobId == "job-2");
        var after = await PollAsync(() => PredictAsync(http, "churn-model", 2, -2), p => p.GetProperty("version").GetInt32() == 2);

        Assert.Equal(("churn-model", "no"), (after.GetProperty("modelId").GetString(), after.GetProperty("prediction").GetProperty("label").GetString()));

        // A promotion of an older version arriving late changes nothing.
        Assert.False(await host.Services.GetRequiredService<ModelServingCache>().SwitchToAsync("churn-model", 1));
        Assert.Equal(2, (await PredictAsync(http, "churn-model", 2, -2)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_regression_model_predicts_a_value()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await TestData.AddDatasetAsync(host.Catalog, "prices", LabelKind.Numeric, TestData.Linear(50, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "price-model", "prices", TaskType.Regression);
        await host.Bus.SendAsync(new RetrainModel("job-1", "price-model", "first", TestData.Now));
        await host.Events.WaitForAsync<ModelPromoted>();

        var prediction = (await PredictAsync(http, "price-model", 1, 1)).GetProperty("prediction");

        Assert.Equal(2, prediction.GetProperty("value").GetDouble(), precision: 2);
        Assert.False(prediction.TryGetProperty("label", out _));
    }

    [Fact]
    public async Task Without_a_promoted_version_predict_is_404_problem_details()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "untrained", "churn");

        foreach (var model in new[] { "untrained", "unknown" })
        {
            using var response = await http.PostAsync(new Uri($"/api/models/{model}/predict", UriKind.Relative), Json("""{"features": {"x1": 1, "x2": 2}}"""));
            var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Equal($"Model '{model}' has no promoted version to predict with: it is not registered, or no trained version has been promoted yet.", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Features_that_do_not_match_the_schema_are_rejected_with_validation_problem_details_naming_them()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");
        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first", TestData.Now));
        await host.Events.WaitForAsync<ModelPromoted>();

        using (var response = await http.PostAsync(Predict("churn-model"), Json("""{"features": {"x1": 1, "x3": 2}}""")))
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("v1 of model 'churn-model' expects [x1, x2]; missing [x2], unexpected [x3].", problem.GetProperty("detail").GetString());
            var errors = problem.GetProperty("errors");
            Assert.Equal("Missing: the model expects this feature.", errors.GetProperty("features.x2")[0].GetString());
            Assert.Equal("Unexpected: the model has no such feature; it expects [x1, x2].", errors.GetProperty("features.x3")[0].GetString());
        }

        using (var response = await http.PostAsync(Predict("churn-model"), Json("""{"features": {"x1": "high", "x2": 1}}""")))
        {
            var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Equal("Must be a finite number.", errors.GetProperty("features.x1")[0].GetString());
        }

        using (var response = await http.PostAsync(Predict("churn-model"), Json("{}")))
        {
            var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.StartsWith("Required: an object of feature names to numbers", errors.GetProperty("features")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_API_keys_configured_predict_needs_a_key_with_the_read_scope()
    {
        const string key = "reader-key-0123456789abcdef";
        await using var host = await RetrainingHost.StartAsync(_directory.Path, new Dictionary<string, string?>
        {
            ["Authentication:ApiKeys:0:Name"] = "dashboard",
            ["Authentication:ApiKeys:0:Key"] = key,
            ["Authentication:ApiKeys:0:Scopes"] = "read",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var body = """{"features": {"x1": 1, "x2": 2}}""";

        using var anonymous = await http.PostAsync(Predict("churn-model"), Json(body));
        using var request = new HttpRequestMessage(HttpMethod.Post, Predict("churn-model")) { Content = Json(body) };
        request.Headers.Add("X-Api-Key", key);
        using var authenticated = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authenticated.StatusCode); // past authorization, to a model with no promoted version
    }

    private static Uri Predict(string modelId) => new($"/api/models/{modelId}/predict", UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> PredictAsync(HttpClient http, string modelId, double x1, double x2)
    {
        using var response = await http.PostAsJsonAsync(Predict(modelId), new { features = new { x1, x2 } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
