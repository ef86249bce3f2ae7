using System.Globalization;

namespace AiWorkload.Orchestration.Api;

/// <summary>page (from 1) and pageSize (1-100, default 20) from the query string, with errors that name the parameter.</summary>
internal static class Paging
{
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 20;

    /// <summary>Bound as integers, so text is refused by binding (a 400 naming the parameter) before this range check.</summary>
    public static (int Page, int PageSize) Read(int? page, int? pageSize, Dictionary<string, string[]> errors) =>
        (Number(page, "page", 1, int.MaxValue, 1, errors), Number(pageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, errors));

    private static int Number(int? given, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (given is not { } value)
        {
            return fallback;
        }

        if (value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{value} is not a whole number from {min} to {(max == int.MaxValue ? "up" : max.ToString(CultureInfo.InvariantCulture))}."];
        return fallback;
    }
}
