namespace AiWorkload.Training.Options;

/// <summary>Where model artifacts live: the local filesystem by default, Azure Blob Storage when a connection string is set.</summary>
public sealed class ArtifactStoreOptions
{
    /// <summary>
    /// <c>ConnectionStrings:artifacts</c>, the form Aspire and azd pass connection strings in, is used when
    /// <see cref="BlobConnectionString"/> is not set.
    /// </summary>
    public const string ConnectionName = "artifacts";

    /// <summary>Filesystem store root; defaults to <c>{data directory}/artifacts</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Azure Blob Storage, in any of the forms <see cref="Artifacts.BlobStorageConnection"/> takes: a connection string
    /// (UseDevelopmentStorage=true for Azurite), an account URL signed in with DefaultAzureCredential, or a SAS URL.
    /// Setting it selects the blob store.
    /// </summary>
    public string? BlobConnectionString { get; set; }

    public string Container { get; set; } = "models";
}
