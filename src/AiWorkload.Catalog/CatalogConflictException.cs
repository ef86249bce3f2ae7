namespace AiWorkload.Catalog;

/// <summary>A write that contradicts what is stored (a dataset re-created with another schema, a key reused for another request).</summary>
public sealed class CatalogConflictException : Exception
{
    public CatalogConflictException(string message)
        : base(message)
    {
    }

    public CatalogConflictException()
    {
    }

    public CatalogConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
