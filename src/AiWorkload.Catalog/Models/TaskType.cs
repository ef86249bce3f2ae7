namespace AiWorkload.Catalog.Models;

public enum TaskType
{
    Classification,
    Regression,
}
