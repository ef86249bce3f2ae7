using Cronos;

namespace AiWorkload.Orchestration.Scheduling;

/// <summary>
/// A cron schedule evaluated by Cronos: five fields (minute hour day-of-month month day-of-week) or six with seconds
/// first, lists, ranges (reversed ones wrap, <c>22-2</c>), steps, month and day names, <c>L</c>, <c>W</c>, <c>#</c> and
/// the <c>@hourly</c>-style macros, in UTC or in a time zone, where Cronos keeps firings across DST changes (a time the
/// spring-forward gap skips fires at the jump; one the fall-back overlap repeats fires once). As in Vixie cron, when
/// both day fields are restricted a day matching either one fires (Cronos alone would need both).
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    private static readonly Dictionary<string, string> CronosFieldNames = new(StringComparer.Ordinal)
    {
        ["Seconds"] = "second",
        ["Minutes"] = "minute",
        ["Hours"] = "hour",
        ["Days of month"] = "day-of-month",
        ["Months"] = "month",
        ["Days of week"] = "day-of-week",
    };

    private const string CronosBaseMessage = "The given cron expression has an invalid format.";

    private readonly CronExpression[] _expressions;

    private CronSchedule(string expression, TimeZoneInfo timeZone, CronExpression[] expressions)
    {
        Expression = expression;
        TimeZone = timeZone;
        _expressions = expressions;
    }

    public string Expression { get; }

    /// <summary>The zone the fields are read in; UTC unless a trigger names one.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <exception cref="FormatException">The expression is not valid; the message quotes it and names the field and the reason.</exception>
    public static CronSchedule Parse(string expression, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (!text.StartsWith('@') && fields.Length is not (5 or 6))
        {
            throw new FormatException($"'{expression}' has {fields.Length} fields; cron needs 5 (minute hour day-of-month month day-of-week), 6 (seconds first) or a macro such as @daily");
        }

        var format = fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        var (dayOfMonth, dayOfWeek) = fields.Length == 6 ? (3, 5) : (2, 4);
        var expressions = text.StartsWith('@') || !Restricted(fields[dayOfMonth]) || !Restricted(fields[dayOfWeek])
            ? [ParseCronos(expression, text, format, fields)]
            : new[]
            {
                // Vixie cron's OR of the two day fields: the earlier firing of "by day of month" and "by day of week".
                ParseCronos(expression, Replace(fields, dayOfWeek, "*"), format, fields),
                ParseCronos(expression, Replace(fields, dayOfMonth, "*"), format, fields),
            };
        return new CronSchedule(expression, timeZone ?? TimeZoneInfo.Utc, expressions);
    }

    /// <summary>The first firing strictly after <paramref name="after"/>, in UTC; null if it never fires (say, 30 February).</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        DateTimeOffset? next = null;
        foreach (var expression in _expressions)
        {
            if (expression.GetNextOccurrence(after.ToUniversalTime(), TimeZone) is { } candidate && (next is null || candidate < next))
            {
                next = candidate;
            }
        }

        return next?.ToUniversalTime();
    }

    public override string ToString() => Expression;

    private static bool Restricted(string field) => field is not ("*" or "?");

    private static string Replace(string[] fields, int index, string value) =>
        string.Join(' ', fields.Select((field, i) => i == index ? value : field));

    private static CronExpression ParseCronos(string expression, string text, CronFormat format, string[] fields)
    {
        try
        {
            return CronExpression.Parse(text, format);
        }
        catch (CronFormatException error)
        {
            throw new FormatException($"'{expression}': {Describe(error.Message, fields)}", error);
        }
        catch (MissingSeedException error)
        {
            throw new FormatException($"'{expression}': H (hashed jitter) is not supported; write the minute or hour", error);
        }
    }

    /// <summary>Cronos's "… invalid format. Hours: Value must be …" as "field 2 (hour) '24': value must be …".</summary>
    private static string Describe(string message, string[] fields)
    {
        var detail = message.StartsWith(CronosBaseMessage, StringComparison.Ordinal) ? message[CronosBaseMessage.Length..].Trim() : message;
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && CronosFieldNames.TryGetValue(detail[..colon], out var name))
        {
            var position = name == "second" ? 1 : Array.IndexOf(FieldNames, name) + 1 + (fields.Length == 6 ? 1 : 0);
            var reason = detail[(colon + 1)..].Trim().TrimEnd('.');
            reason = reason.Length > 0 ? char.ToLowerInvariant(reason[0]) + reason[1..] : "is not valid";
            var written = position <= fields.Length ? $" '{fields[position - 1]}'" : string.Empty;
            return $"field {position} ({name}){written}: {reason}";
        }

        return detail.TrimEnd('.');
    }
}
