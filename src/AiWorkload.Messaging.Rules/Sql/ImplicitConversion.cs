using System.Globalization;

namespace AiWorkload.Messaging.Rules.Sql;

/// <summary>
/// "SET performs implicit conversion if possible when the expression type and the existing property type are
/// different" (SQL rule action syntax). Possible means a C# implicit conversion exists: the numeric widenings and
/// DateTime to DateTimeOffset. Otherwise the new value keeps its own type; narrowing (Int64 into an Int32 property)
/// would silently lose data, which C# does not do implicitly either.
/// </summary>
internal static class ImplicitConversion
{
    private static readonly Dictionary<Type, Type[]> Widenings = new()
    {
        [typeof(sbyte)] = [typeof(short), typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal)],
        [typeof(byte)] = [typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal)],
        [typeof(short)] = [typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal)],
        [typeof(ushort)] = [typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal)],
        [typeof(int)] = [typeof(long), typeof(float), typeof(double), typeof(decimal)],
        [typeof(uint)] = [typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal)],
        [typeof(long)] = [typeof(float), typeof(double), typeof(decimal)],
        [typeof(ulong)] = [typeof(float), typeof(double), typeof(decimal)],
        [typeof(char)] = [typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal)],
        [typeof(float)] = [typeof(double)],
    };

    public static bool TryConvert(object value, Type target, out object converted)
    {
        var source = value.GetType();
        if (source == target)
        {
            converted = value;
            return true;
        }

        if (value is DateTime dateTime && target == typeof(DateTimeOffset))
        {
            converted = new DateTimeOffset(dateTime);
            return true;
        }

        if (Widenings.TryGetValue(source, out var targets) && Array.IndexOf(targets, target) >= 0)
        {
            converted = Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            return true;
        }

        converted = value;
        return false;
    }
}
