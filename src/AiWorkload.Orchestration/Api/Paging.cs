using System.Globalization;

namespace AiWorkload.Orchestration.Api;

/// <summary>page (from 1) and pageSize (1-100, default 20) from the query string, with errors that name the parameter.</summary>
internal static class Paging
{
    public const int MaxPageSize = 100;

    public static (int Page, int PageSize) Read(string? page, string? pageSize, Dictionary<string, string[]> errors) =>
        (Number(page, "page", 1, int.MaxValue, 1, errors), Number(pageSize, "pageSize", 1, MaxPageSize, 20, errors));

    private static int Number(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not a whole number from {min} to {(max == int.MaxValue ? "up" : max.ToString(CultureInfo.InvariantCulture))}."];
        return fallback;
    }
}
