using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

/// <summary>The shipped samples work with the API as the walkthrough uses them.</summary>
public sealed class SampleDataTests
{
    [Fact]
    public async Task The_walkthrough_registration_and_the_sample_CSV_files_are_accepted()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var walkthrough = await File.ReadAllTextAsync(Path.Combine(samples, "walkthrough.http"));
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var model = await (await client.PostAsync("/api/models", Requests.Json(FirstBody(walkthrough)))).ReadJsonAsync(201);
        var first = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(await File.ReadAllTextAsync(Path.Combine(samples, "churn.csv"))))).ReadJsonAsync(201);
        var recent = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(await File.ReadAllTextAsync(Path.Combine(samples, "churn-recent.csv"))))).ReadJsonAsync(201);

        Assert.Equal("customer-churn", model.GetProperty("id").GetString());
        Assert.Equal(2000, first.GetProperty("rowsAdded").GetInt32());
        Assert.Equal((600, 2600L, 2L), (recent.GetProperty("rowsAdded").GetInt32(), recent.GetProperty("totalRows").GetInt64(), recent.GetProperty("dataVersion").GetInt64()));
        var labels = (await app.Catalog.ReadDatasetAsync("customers")).Rows.Select(r => r.Label).ToHashSet();
        Assert.Equal(["no", "yes"], labels.Order());
        Assert.Equal(2, (await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested))).Count);
    }

    /// <summary>The JSON body of the walkthrough's first request: from its first '{' line to the next request separator.</summary>
    private static string FirstBody(string http)
    {
        var start = http.IndexOf("\n{", StringComparison.Ordinal);
        var end = http.IndexOf("\n###", start, StringComparison.Ordinal);
        return http[start..end];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AiWorkload.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (AiWorkload.sln) was not found above " + AppContext.BaseDirectory);
    }
}
