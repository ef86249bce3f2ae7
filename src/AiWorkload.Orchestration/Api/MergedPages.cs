using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Api;

/// <summary>
/// One newest-first page over several single-valued store queries whose results are disjoint (one per combination of
/// filter values): each is read up to the end of the wanted page, then the lists are merged in the store's order.
/// </summary>
internal static class MergedPages
{
    public static async Task<Page<T>> ReadAsync<T>(
        IReadOnlyList<Func<int, int, Task<Page<T>>>> queries, int page, int pageSize, IComparer<T> newestFirst)
    {
        if (queries.Count == 1)
        {
            return await queries[0](page, pageSize);
        }

        var totals = new long[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            totals[i] = (await queries[i](1, 1)).Total;
        }

        var total = totals.Sum();
        var skip = (long)(page - 1) * pageSize;
        if (skip >= total)
        {
            return new Page<T>([], page, pageSize, total);
        }

        // Everything before the page's end may come from any one query, so each is read that far (no further than it has).
        var wanted = (int)Math.Min(skip + pageSize, int.MaxValue);
        var merged = new List<T>();
        for (var i = 0; i < queries.Count; i++)
        {
            if (totals[i] > 0)
            {
                merged.AddRange((await queries[i](1, (int)Math.Min(wanted, totals[i]))).Items);
            }
        }

        merged.Sort(newestFirst);
        return new Page<T>([.. merged.Skip((int)skip).Take(pageSize)], page, pageSize, total);
    }
}
