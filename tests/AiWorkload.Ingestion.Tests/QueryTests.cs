using AiWorkload.Catalog.Models;

namespace AiWorkload.Ingestion.Tests;

public sealed class QueryTests
{
    [Fact]
    public async Task Models_are_listed_with_their_dataset_versions_metrics_and_promoted_version()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv))).ReadJsonAsync(201);
        await app.Catalog.WriteAsync(w =>
        {
            w.AddVersion(new NewModelVersion("customer-churn", "job-1", "builtin", 1, new Dictionary<string, double> { ["accuracy"] = 0.81 }, "a/1", DateTimeOffset.UtcNow, 2));
            w.AddVersion(new NewModelVersion("customer-churn", "job-2", "builtin", 1, new Dictionary<string, double> { ["accuracy"] = 0.79 }, "a/2", DateTimeOffset.UtcNow, 2));
            w.SetVersionStatus("customer-churn", 1, VersionStatus.Promoted, "first version");
            return w.SetVersionStatus("customer-churn", 2, VersionStatus.Rejected, "0.79 < 0.81");
        });
        using var reader = app.Client(IngestionApp.ReaderKey);

        var list = await (await reader.GetAsync(new Uri("/api/models", UriKind.Relative))).ReadJsonAsync(200);
        var one = await (await reader.GetAsync(new Uri("/api/models/customer-churn", UriKind.Relative))).ReadJsonAsync(200);
        var versions = await (await reader.GetAsync(new Uri("/api/models/customer-churn/versions", UriKind.Relative))).ReadJsonAsync(200);

        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal("customer-churn", listed.GetProperty("id").GetString());
        Assert.Equal(1, one.GetProperty("promotedVersion").GetInt32());
        Assert.Equal(3, one.GetProperty("dataset").GetProperty("totalRows").GetInt64());
        Assert.Equal(["promoted", "rejected"], versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(0.79, versions[1].GetProperty("metrics").GetProperty("accuracy").GetDouble());
        Assert.Equal("0.79 < 0.81", versions[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Datasets_are_listed_and_read_and_unknown_ids_are_404()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client(IngestionApp.ReaderKey);
        using var writer = app.Client();
        await writer.RegisterChurnAsync();

        var list = await (await client.GetAsync(new Uri("/api/datasets", UriKind.Relative))).ReadJsonAsync(200);
        var one = await (await client.GetAsync(new Uri("/api/datasets/customers", UriKind.Relative))).ReadJsonAsync(200);

        Assert.Equal("customers", Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("churned", one.GetProperty("label").GetString());
        (await Problem.ReadAsync(await client.GetAsync(new Uri("/api/datasets/nope", UriKind.Relative)), 404)).Names("datasetId", "'nope'");
        (await Problem.ReadAsync(await client.GetAsync(new Uri("/api/models/nope", UriKind.Relative)), 404)).Names("modelId", "'nope'");
        (await Problem.ReadAsync(await client.GetAsync(new Uri("/api/models/nope/versions", UriKind.Relative)), 404)).Names("modelId", "'nope'");
    }
}
