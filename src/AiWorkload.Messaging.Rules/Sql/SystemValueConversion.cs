namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// Converts a SET value to the CLR type of the system property it targets. Beyond C#'s implicit conversions we
/// accept a Guid for string properties, because <c>SET sys.MessageId = newid()</c> is the natural way to give a
/// routed copy a fresh id and newid() returns a Guid (docs); we render it in the usual "D" format.
/// </summary>
internal static class SystemValueConversion
{
    public static bool TryConvert(string canonicalName, in SqlValue value, out object? converted)
    {
        converted = null;
        if (value.IsNull)
        {
            return true;
        }

        var target = SystemProperties.GetValueType(canonicalName);
        converted = (target, value.ToObject()) switch
        {
            (_, var same) when same?.GetType() == target => same,
            _ when target == typeof(string) && value.Ref is Guid guid => guid.ToString("D"),
            _ when target == typeof(DateTime) && value.Ref is DateTimeOffset offset => offset.UtcDateTime,
            _ => null,
        };
        return converted is not null;
    }

    public static object? Convert(string canonicalName, in SqlValue value) =>
        TryConvert(canonicalName, value, out var converted)
            ? converted
            : throw new EvaluationFailure(
                $"a value of type '{value.TypeName}' cannot be assigned to sys.{canonicalName}, which is of type " +
                $"'{SystemProperties.GetValueType(canonicalName).Name}'");
}
