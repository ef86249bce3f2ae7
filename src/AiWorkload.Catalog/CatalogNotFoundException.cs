namespace AiWorkload.Catalog;

public sealed class CatalogNotFoundException : Exception
{
    public CatalogNotFoundException(string message)
        : base(message)
    {
    }

    public CatalogNotFoundException()
    {
    }

    public CatalogNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
