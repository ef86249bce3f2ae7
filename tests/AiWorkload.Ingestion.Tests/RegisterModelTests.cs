using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Events;

namespace AiWorkload.Ingestion.Tests;

public sealed class RegisterModelTests
{
    [Fact]
    public async Task Registering_stores_the_model_and_its_new_dataset_with_default_policies_and_publishes_ModelRegistered()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var response = await client.PostAsync("/api/models", Requests.Json(Requests.ChurnModel));

        var model = await response.ReadJsonAsync(201);
        Assert.Equal("/api/models/customer-churn", response.Headers.Location?.OriginalString);
        Assert.Equal("customer-churn", model.GetProperty("id").GetString());
        Assert.Equal("classification", model.GetProperty("task").GetString());
        Assert.Equal("accuracy", model.GetProperty("promotion").GetProperty("primaryMetric").GetString());
        Assert.Equal(3600, model.GetProperty("drift").GetProperty("coolDownSeconds").GetDouble());
        Assert.Equal("categorical", model.GetProperty("dataset").GetProperty("labelKind").GetString());

        var stored = await app.Catalog.GetModelAsync("customer-churn");
        Assert.Equal(new PromotionPolicy("accuracy", 0), stored!.Promotion);
        Assert.Equal(new DriftPolicy("accuracy", 0.05, 0.3, TimeSpan.FromHours(1), 1000), stored.Drift);
        var dataset = await app.Catalog.GetDatasetAsync("customers");
        Assert.Equal(["tenure_months", "monthly_charges", "support_tickets"], dataset!.Definition.Features);
        Assert.Equal(LabelKind.Categorical, dataset.Definition.LabelKind);

        var published = Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription));
        Assert.Equal("model-registered:customer-churn", published.MessageId);
        var registered = published.Body<ModelRegistered>();
        Assert.Equal(("customer-churn", "customers", "classification"), (registered.ModelId, registered.DatasetId, registered.Task));
        Assert.Equal("customer-churn", published.ApplicationProperties["model_id"]);
        Assert.Empty(await app.PublishedAsync(IngestionApp.TrainingSubscription));
    }

    [Fact]
    public async Task Explicit_policies_a_regression_task_and_an_existing_dataset_by_id_are_accepted()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        const string first = """
            {"id": "house-price", "name": "House price", "task": "regression", "trainer": "builtin",
             "dataset": {"id": "houses", "features": ["rooms", "area"], "label": "price"},
             "promotion": {"primaryMetric": "rmse", "minimumImprovement": 0.5},
             "drift": {"metric": "mae", "maxDrop": 2, "driftScoreThreshold": 0.7, "coolDownSeconds": 60, "newDataRows": 25}}
            """;
        const string second = """{"id": "house-price-2", "name": "House price 2", "task": "regression", "dataset": {"id": "houses"}}""";

        var created = await (await client.PostAsync("/api/models", Requests.Json(first))).ReadJsonAsync(201);
        var reused = await (await client.PostAsync("/api/models", Requests.Json(second))).ReadJsonAsync(201);

        Assert.Equal("rmse", created.GetProperty("promotion").GetProperty("primaryMetric").GetString());
        Assert.Equal(new DriftPolicy("mae", 2, 0.7, TimeSpan.FromMinutes(1), 25), (await app.Catalog.GetModelAsync("house-price"))!.Drift);
        Assert.Equal("houses", reused.GetProperty("dataset").GetProperty("id").GetString());
        Assert.Equal("r2", reused.GetProperty("promotion").GetProperty("primaryMetric").GetString());
        Assert.Equal(LabelKind.Numeric, (await app.Catalog.GetDatasetAsync("houses"))!.Definition.LabelKind);
    }

    [Fact]
    public async Task Registering_the_same_definition_again_answers_200_and_announces_nothing_new()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var again = await client.PostAsync("/api/models", Requests.Json(Requests.ChurnModel));

        Assert.Equal("customer-churn", (await again.ReadJsonAsync(200)).GetProperty("id").GetString());
        Assert.Single(await app.PublishedAsync(IngestionApp.OrchestratorSubscription));
    }

    [Theory]
    [InlineData("""{"task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}}""", "name", "A name is required")]
    [InlineData("""{"name": "m", "task": "clustering", "dataset": {"id": "d", "features": ["a"], "label": "y"}}""", "task", "'clustering' is not a task")]
    [InlineData("""{"name": "m", "dataset": {"id": "d", "features": ["a"], "label": "y"}}""", "task", "A task is required")]
    [InlineData("""{"name": "m", "task": "regression"}""", "dataset", "A dataset is required")]
    [InlineData("""{"id": "Bad Id", "name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a"], "label": "y"}}""", "id", "'Bad Id' is not a valid id")]
    [InlineData("""{"name": "!!!", "task": "regression", "dataset": {"id": "d", "features": ["a"], "label": "y"}}""", "id", "No id can be made from the name")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "D!", "features": ["a"], "label": "y"}}""", "dataset.id", "not a valid dataset id")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": [], "label": "y"}}""", "dataset.features", "Give 1 to 1000")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a", "1b"], "label": "y"}}""", "dataset.features[1]", "'1b' is not a valid column name")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a", "A"], "label": "y"}}""", "dataset.features[1]", "listed twice")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a"]}}""", "dataset.label", "The label column is required")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a", "y"], "label": "y"}}""", "dataset.label", "is also a feature")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "label": "y"}}""", "dataset.features", "Give the feature columns with the label")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "promotion": {"primaryMetric": "accuracy"}}""", "promotion.primaryMetric", "'accuracy' is not a regression metric")]
    [InlineData("""{"name": "m", "task": "regression", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "promotion": {"minimumImprovement": -1}}""", "promotion.minimumImprovement", "0 or more")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"metric": "r2"}}""", "drift.metric", "'r2' is not a classification metric")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"maxDrop": -0.1}}""", "drift.maxDrop", "0 or more")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"driftScoreThreshold": 0}}""", "drift.driftScoreThreshold", "above 0")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"coolDownSeconds": -5}}""", "drift.coolDownSeconds", "The cool-down must be")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"newDataRows": 0}}""", "drift.newDataRows", "at least 1 row")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "trainer": "Not Valid"}""", "trainer", "not a valid trainer name")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d"}}""", "dataset.features", "does not exist yet")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "promotion": {"primaryMetirc": "f1"}}""", "promotion.primaryMetirc", "'promotion.primaryMetirc' is not a known field")]
    [InlineData("""{"name": "m", "task": "classification", "dataset": {"id": "d", "features": ["a"], "label": "y"}, "drift": {"newDataRows": "many"}}""", "drift.newDataRows", "has the wrong type for this field")]
    public async Task Each_invalid_field_is_a_400_validation_problem_naming_it(string body, string field, string message)
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models", Requests.Json(body)), 400);

        problem.Names(field, message);
        Assert.Empty(await app.Catalog.ListModelsAsync());
        Assert.Empty(await app.Catalog.ListDatasetsAsync());
    }

    [Fact]
    public async Task Several_invalid_fields_are_all_reported_at_once()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();

        var problem = await Problem.ReadAsync(await client.PostAsync("/api/models", Requests.Json("""{"task": "x", "dataset": {"id": "d", "features": ["a"]}}""")), 400);

        problem.Names("name", "required").Names("task", "not a task").Names("dataset.label", "required");
    }

    [Fact]
    public async Task A_dataset_redefined_with_another_schema_or_label_kind_and_a_model_redefined_are_409_conflicts()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();

        var otherSchema = await client.PostAsync("/api/models", Requests.Json("""{"name": "other", "task": "classification", "dataset": {"id": "customers", "features": ["tenure_months"], "label": "churned"}}"""));
        var otherKind = await client.PostAsync("/api/models", Requests.Json("""{"name": "spend", "task": "regression", "dataset": {"id": "customers"}}"""));
        var redefined = await client.PostAsync("/api/models", Requests.Json(Requests.ChurnModel.Replace("\"classification\"", "\"classification\", \"promotion\": {\"primaryMetric\": \"f1\"}", StringComparison.Ordinal)));

        (await Problem.ReadAsync(otherSchema, 409)).Names("dataset", "already exists with features [tenure_months, monthly_charges, support_tickets]");
        (await Problem.ReadAsync(otherKind, 409)).Names("task", "has a categorical label");
        (await Problem.ReadAsync(redefined, 409)).Names("id", "already registered with another definition");
        Assert.Single(await app.Catalog.ListModelsAsync());
    }
}
