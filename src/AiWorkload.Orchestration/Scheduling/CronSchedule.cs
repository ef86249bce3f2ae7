using System.Globalization;

namespace AiWorkload.Orchestration.Scheduling;

/// <summary>
/// Five-field cron (minute hour day-of-month month day-of-week) in UTC, with <c>*</c>, lists, ranges, steps, month and
/// day names and the <c>@hourly</c>-style macros. As in Vixie cron, when both day fields are restricted a day matching
/// either one fires. Written here because the feed has no cron package and the grammar is small.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];
    private static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private readonly bool[][] _allowed;
    private readonly bool _dayOfMonthRestricted;
    private readonly bool _dayOfWeekRestricted;

    private CronSchedule(string expression, bool[][] allowed, bool dayOfMonthRestricted, bool dayOfWeekRestricted)
    {
        Expression = expression;
        _allowed = allowed;
        _dayOfMonthRestricted = dayOfMonthRestricted;
        _dayOfWeekRestricted = dayOfWeekRestricted;
    }

    public string Expression { get; }

    /// <exception cref="FormatException">The expression is not valid; the message names the field and the reason.</exception>
    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = Macros.TryGetValue(expression.Trim(), out var macro) ? macro : expression.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"'{expression}' has {fields.Length} fields; cron needs 5 (minute hour day-of-month month day-of-week) or a macro such as @daily");
        }

        var allowed = new bool[5][];
        for (var i = 0; i < 5; i++)
        {
            allowed[i] = ParseField(fields[i], i);
        }

        // Day-of-week 7 is Sunday too.
        allowed[4][0] |= allowed[4][7];
        return new CronSchedule(expression, allowed, fields[2] != "*", fields[4] != "*");
    }

    /// <summary>The first firing strictly after <paramref name="after"/>, or null if none within five years (say, 30 February).</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var utc = after.ToUniversalTime();
        var t = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_allowed[3][t.Month])
            {
                t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            }
            else if (!_allowed[1][t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            }
            else if (!_allowed[0][t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        return null;
    }

    public override string ToString() => Expression;

    private bool DayMatches(DateTimeOffset t)
    {
        var dayOfMonth = _allowed[2][t.Day];
        var dayOfWeek = _allowed[4][(int)t.DayOfWeek];
        return _dayOfMonthRestricted && _dayOfWeekRestricted ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    private static bool[] ParseField(string field, int index)
    {
        var (min, max) = Ranges[index];
        var allowed = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? item : item[..slash];
            var step = slash < 0 ? 1 : Number(item[(slash + 1)..], index, 1, max, "step");
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max == 7 ? 6 : max);
            }
            else if (range.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
            {
                from = Value(range[..dash], index);
                to = Value(range[(dash + 1)..], index);
                if (to < from)
                {
                    throw Error(index, $"range '{range}' goes backwards");
                }
            }
            else
            {
                from = Value(range, index);
                to = slash < 0 ? from : (max == 7 ? 6 : max);
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        return allowed;
    }

    private static int Value(string text, int index)
    {
        var names = index switch { 3 => Months, 4 => Days, _ => null };
        var named = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (named >= 0)
        {
            return index == 3 ? named + 1 : named;
        }

        var (min, max) = Ranges[index];
        return Number(text, index, min, max, "value");
    }

    private static int Number(string text, int index, int min, int max, string what)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(index, $"{what} '{text}' is not a number");
        }

        return value < min || value > max ? throw Error(index, $"{what} {value} is out of range {min}-{max}") : value;
    }

    private static FormatException Error(int index, string reason) => new($"field {index + 1} ({FieldNames[index]}): {reason}");
}
