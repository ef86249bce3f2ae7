using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace AiWorkload.Fuzz.Tests;

/// <summary>
/// Thousands of hostile requests over every operation of the OpenAPI document, against the Standalone composition root:
/// none may answer 5xx, every error must be a parseable ProblemDetails, and what existed before must be unchanged.
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_hostile_request_fails_the_server_answers_without_a_problem_or_changes_existing_data()
    {
        var settings = FuzzSettings.FromEnvironment();
        Console.WriteLine($"Fuzz seed {settings.Seed} (AIWORKLOAD_FUZZ_SEED), {settings.Requests} requests (AIWORKLOAD_FUZZ_REQUESTS)");
        await using var app = new FuzzApp();
        using var client = app.CreateApiClient();
        var seeded = new SeededData(client);
        await seeded.SeedAsync();
        var before = await seeded.SnapshotAsync();
        var operations = OpenApiOperations.Read(await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json"));
        Assert.True(operations.Count >= 15, $"the OpenAPI document lists only {operations.Count} operations");

        var report = new FuzzReport();
        var random = new Random(settings.Seed);
        var factory = new RequestFactory(random, SeededData.Ids);
        // Generated up front from one Random, so the seed alone decides every request whatever the concurrency.
        var requests = Enumerable.Range(0, settings.Requests).Select(i => factory.Create(i, operations[i % operations.Count])).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (request, cancellationToken) =>
        {
            try
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, cancellationToken);
                await report.CheckAsync(request, response);
            }
            catch (Exception error) when (error is HttpRequestException or InvalidOperationException or IOException)
            {
                // The in-memory server rethrows what escaped the app: the same request would be a 500 or a reset over HTTP.
                report.Fail(request, $"the request failed: {error.GetType().Name}: {error.Message}");
            }
        });
        clock.Stop();

        var after = await seeded.SnapshotAsync();
        foreach (var (path, representation) in before)
        {
            if (after[path] != representation)
            {
                report.Fail(null, $"GET {path} changed:\n    before {Shorten(representation)}\n    after  {Shorten(after[path])}");
            }
        }

        var summary = report.Summary(settings.Seed, clock.Elapsed);
        Console.WriteLine(summary);
        output.WriteLine(summary);
        Assert.Equal(settings.Requests, report.Total);
        Assert.Equal(operations.Count, report.Operations.Count);
        Assert.True(report.Failures.Count == 0, summary);
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
