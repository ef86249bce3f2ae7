using AiWorkload.Catalog.Sqlite;
using AiWorkload.Testing;
using static AiWorkload.Catalog.Tests.CatalogSamples;

namespace AiWorkload.Catalog.Tests;

public sealed class SqliteWorkloadCatalogTests : WorkloadCatalogContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteWorkloadCatalog? _catalog;

    public void Dispose()
    {
        _catalog?.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Everything_survives_reopening_the_file()
    {
        await Catalog.WriteAsync(w => w.CreateDataset(Churn));
        await Catalog.WriteAsync(w => w.AppendRows("churn", "b1", [Row(1, 2, "yes")]));
        using var reopened = new SqliteWorkloadCatalog(_directory.Path);
        Assert.Equal(1, (await reopened.GetDatasetAsync("churn"))!.TotalRows);
    }

    protected override Task<IWorkloadCatalog> CreateCatalogAsync()
    {
        _catalog = new SqliteWorkloadCatalog(_directory.Path);
        return Task.FromResult<IWorkloadCatalog>(_catalog);
    }
}
