using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

public sealed class IngestBatchTests
{
    private const string JsonBatch = """
        {"records": [
          {"tenure_months": 12, "monthly_charges": 70.5, "support_tickets": 1, "churned": "no"},
          {"churned": "yes", "support_tickets": 4, "monthly_charges": 99.9, "tenure_months": 2}
        ]}
        """;

    [Fact]
    public async Task A_JSON_batch_is_stored_as_the_next_data_version_and_DataIngested_is_published()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var response = await client.PostAsync("/api/datasets/customers/batches", Requests.Json(JsonBatch));

        var batch = await response.ReadJsonAsync(201);
        Assert.Equal("/api/datasets/customers", response.Headers.Location?.OriginalString);
        Assert.Equal(2, batch.GetProperty("rowsAdded").GetInt32());
        Assert.Equal(1, batch.GetProperty("dataVersion").GetInt64());
        Assert.StartsWith("sha256-", batch.GetProperty("batchId").GetString(), StringComparison.Ordinal);
        var snapshot = await app.Catalog.ReadDatasetAsync("customers");
        Assert.Equal([2d, 99.9, 4d], snapshot.Rows[1].Features);
        Assert.Equal(["no", "yes"], snapshot.Rows.Select(r => r.Label));

        var published = Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested)));
        var ingested = published.Body<DataIngested>();
        Assert.Equal(("customers", 2, 2L, 1L), (ingested.DatasetId, ingested.RowsAdded, ingested.TotalRows, ingested.DataVersion));
        Assert.Equal($"data-ingested:customers:{ingested.BatchId}", published.MessageId);
        Assert.Equal("data_ingested", published.ApplicationProperties["trigger"]);
    }

    [Fact]
    public async Task A_CSV_batch_with_columns_in_any_order_quotes_and_CRLF_is_stored()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string csv = "\uFEFFchurned,support_tickets,\"monthly_charges\",tenure_months\r\n\"yes\",3,\"1e2\",5\r\n\r\nno, 0 ,20.25,48\r\n";

        var batch = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv))).ReadJsonAsync(201);

        Assert.Equal(2, batch.GetProperty("rowsAdded").GetInt32());
        var rows = (await app.Catalog.ReadDatasetAsync("customers")).Rows;
        Assert.Equal([5d, 100d, 3d], rows[0].Features);
        Assert.Equal([48d, 20.25, 0d], rows[1].Features);
        Assert.Equal(["yes", "no"], rows.Select(r => r.Label));
    }

    [Fact]
    public async Task Numeric_labels_are_checked_and_normalised()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await (await client.PostAsync("/api/models", Requests.Json("""{"name": "price", "task": "regression", "dataset": {"id": "houses", "features": ["rooms"], "label": "price"}}"""))).ReadJsonAsync(201);

        var stored = await client.PostAsync("/api/datasets/houses/batches", Requests.Csv("rooms,price\n3,250000.50\n4,1E6\n"));
        var refused = await client.PostAsync("/api/datasets/houses/batches", Requests.Json("""{"records": [{"rooms": 2, "price": "cheap"}]}"""));

        await stored.ReadJsonAsync(201);
        Assert.Equal(["250000.5", "1000000"], (await app.Catalog.ReadDatasetAsync("houses")).Rows.Select(r => r.Label));
        (await Problem.ReadAsync(refused, 400)).Names("records[0].price", "the label 'cheap' is not a number");
    }

    [Theory]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "no", "region": 4}]}""", "records[0].region", "'region' is not a column of dataset 'customers'")]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "churned": "no"}]}""", "records[0].support_tickets", "Record 0: the feature 'support_tickets' is missing")]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3}]}""", "records[0].churned", "the label 'churned' is missing")]
    [InlineData("""{"records": [{"tenure_months": "ten", "monthly_charges": 2, "support_tickets": 3, "churned": "no"}]}""", "records[0].tenure_months", "must be a number, not the text 'ten'")]
    [InlineData("""{"records": [{"tenure_months": null, "monthly_charges": 2, "support_tickets": 3, "churned": "no"}]}""", "records[0].tenure_months", "must be a number, not null")]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "  "}]}""", "records[0].churned", "Record 0: the label is empty")]
    [InlineData("""{"records": [{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "no"}, 7]}""", "records[1]", "Record 1 is number, not an object")]
    [InlineData("""{"records": [{"tenure_months": 1, "tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "no"}]}""", "records[0].tenure_months", "is given twice")]
    [InlineData("""{"records": []}""", "records", "no records")]
    [InlineData("""{"rows": []}""", "rows", "'rows' is not a known field")]
    [InlineData("""{}""", "records", "records is required")]
    [InlineData("""42""", "body", "Send {\"records\"")]
    public async Task Each_invalid_JSON_record_is_named_by_its_index_and_column(string body, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Json(body)), 400);

        problem.Names(field, message);
        Assert.Equal(0, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
    }

    [Theory]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned,region\n1,2,3,no,eu\n", "lines[1].region", "Line 1: 'region' is not a column")]
    [InlineData("tenure_months,monthly_charges,churned\n1,2,no\n", "lines[1].support_tickets", "Line 1: the header has no 'support_tickets' column")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned,churned\n1,2,3,no,no\n", "lines[1].churned", "appears twice")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,2,3,no\n4,abc,6,yes\n", "lines[3].monthly_charges", "Line 3: 'abc' in column 'monthly_charges' is not a number")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,,3,no\n", "lines[2].monthly_charges", "Line 2: the feature 'monthly_charges' is empty")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,2,3,\n", "lines[2].churned", "Line 2: the label is empty")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,2,3\n", "lines[2]", "Line 2 has 3 values; the header has 4 columns")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,2,3,\"no\n", "lines[2]", "a quoted value is not closed")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n1,2,NaN,no\n", "lines[2].support_tickets", "is not a number")]
    [InlineData("tenure_months,monthly_charges,support_tickets,churned\n", "body", "a header but no data rows")]
    [InlineData("\n\n", "body", "The CSV is empty")]
    public async Task Each_invalid_CSV_cell_is_named_by_its_line_and_column(string csv, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv)), 400);

        problem.Names(field, message);
    }

    [Fact]
    public async Task A_quoted_CSV_value_may_span_lines_and_later_line_numbers_stay_true()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string csv = "tenure_months,monthly_charges,support_tickets,churned\n1,2,3,\"no,\nreally\"\n4,x,6,yes\n";

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv)), 400);

        problem.Names("lines[4].monthly_charges", "Line 4: 'x'");
    }

    [Fact]
    public async Task Row_count_limits_are_enforced_and_the_error_list_is_capped()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory, new(IngestionApp.Keys()) { ["Ingestion:MaxRowsPerBatch"] = "3" });
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var fourRows = "tenure_months,monthly_charges,support_tickets,churned\n" + string.Concat(Enumerable.Repeat("1,2,3,no\n", 4));
        var records = "{\"records\": [" + string.Join(",", Enumerable.Repeat("""{"tenure_months": 1, "monthly_charges": 2, "support_tickets": 3, "churned": "no"}""", 4)) + "]}";

        (await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(fourRows)), 400)).Names("body", "more than 3 rows");
        (await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Json(records)), 400)).Names("records", "4 records; at most 3");
    }

    [Fact]
    public async Task A_wholly_wrong_upload_lists_at_most_fifty_errors()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var csv = "tenure_months,monthly_charges,support_tickets,churned\n" + string.Concat(Enumerable.Repeat("x,y,z,no\n", 500));

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(csv)), 400);

        Assert.Equal(50, problem.Errors.Where(e => e.Key != "body").Sum(e => e.Value.Length));
        problem.Names("body", "more errors were not listed");
    }

    [Fact]
    public async Task An_unknown_dataset_is_404_naming_it()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/datasets/nowhere/batches", Requests.Csv("a,b\n1,2\n")), 404);

        problem.Names("datasetId", "Dataset 'nowhere' does not exist");
    }

    [Fact]
    public async Task The_same_rows_sent_again_without_a_key_are_stored_and_announced_once_even_as_CSV()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        const string json = """
            {"records": [
              {"tenure_months": 12, "monthly_charges": 70.5, "support_tickets": 1, "churned": "no"},
              {"tenure_months": 2, "monthly_charges": 99.9, "support_tickets": 4, "churned": "yes"},
              {"tenure_months": 40, "monthly_charges": 35, "support_tickets": 0, "churned": "no"}
            ]}
            """;

        var first = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Csv(Requests.ChurnCsv))).ReadJsonAsync(201);
        var again = await (await client.PostAsync("/api/datasets/customers/batches", Requests.Json(json))).ReadJsonAsync(200);

        Assert.Equal(first.GetProperty("batchId").GetString(), again.GetProperty("batchId").GetString());
        Assert.True(again.GetProperty("alreadyStored").GetBoolean());
        Assert.Equal(3, (await app.Catalog.GetDatasetAsync("customers"))!.TotalRows);
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription, nameof(DataIngested)));
    }
}
