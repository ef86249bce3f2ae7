using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

/// <summary>
/// Values a trainer cannot standardise (beyond ±2^53, or overflowing to infinity) are refused with the row and column,
/// in CSV and JSON alike, and nothing of the batch is stored or announced.
/// </summary>
public sealed class TrainableValueTests
{
    [Theory]
    [InlineData("1e308")]
    [InlineData("-9.1e15")]
    [InlineData("1e400")]
    public async Task A_CSV_feature_out_of_range_is_refused_naming_line_and_column(string value)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var csv = $"tenure_months,monthly_charges,support_tickets,churned\n12,70.5,1,no\n2,{value},4,yes\n";

        var response = await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv));

        (await Problem.ReadAsync(response, 400)).Names("lines[3].monthly_charges", $"Line 3: {value} in column 'monthly_charges' is out of range");
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task A_JSON_feature_out_of_range_is_refused_naming_record_and_column()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string json = """
            {"records": [
              {"tenure_months": 12, "monthly_charges": 70.5, "support_tickets": 1, "churned": "no"},
              {"tenure_months": 1e308, "monthly_charges": 99.9, "support_tickets": -1e16, "churned": "yes"}
            ]}
            """;

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Json(json), "bad-batch"), 400);

        problem.Names("records[1].tenure_months", "Record 1: 1E+308 in column 'tenure_months' is out of range; training accepts finite numbers within ±9007199254740992");
        problem.Names("records[1].support_tickets", "Record 1: -10000000000000000 in column 'support_tickets' is out of range");
        Assert.Equal(2, problem.Errors.Count);
        await AssertNothingStoredAsync(app);
    }

    [Fact]
    public async Task The_bound_itself_is_accepted()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string csv = "tenure_months,monthly_charges,support_tickets,churned\n9007199254740992,-9007199254740992,0,no\n";

        await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv))).ReadJsonAsync(201);

        Assert.Equal([9007199254740992d, -9007199254740992d, 0d], Assert.Single((await app.Catalog.ReadDatasetAsync("customers")).Rows).Features);
    }

    [Fact]
    public async Task A_numeric_label_out_of_range_is_refused_in_both_formats()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await (await client.PostAsync("/api/models", Requests.Json("""{"name": "price", "task": "regression", "dataset": {"id": "houses", "features": ["rooms"], "label": "price"}}"""))).ReadJsonAsync(201);

        var csv = await client.PostAsync("/api/datasets/houses/batches", Requests.Csv("rooms,price\n3,250000\n4,1e300\n"));
        var json = await client.PostAsync("/api/datasets/houses/batches", Requests.Json("""{"records": [{"rooms": 2, "price": -1e20}]}"""));

        (await Problem.ReadAsync(csv, 400)).Names("lines[3].price", "Line 3: 1e300 in column 'price' is out of range");
        (await Problem.ReadAsync(json, 400)).Names("records[0].price", "Record 0: -1e20 in column 'price' is out of range");
        Assert.Equal(0, (await app.Catalog.GetDatasetAsync("houses"))!.TotalRows);
    }

    private static async Task AssertNothingStoredAsync(IngestionApp app)
    {
        Assert.Equal(0, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
        Assert.Empty(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested)));
    }
}
