using Azure;

namespace AiWorkload.Messaging.Administration.Tests;

internal static class AsyncPageableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this AsyncPageable<T> pageable)
        where T : notnull
    {
        var items = new List<T>();
        await foreach (var item in pageable)
        {
            items.Add(item);
        }

        return items;
    }
}
