using System.Globalization;
using System.Text;

namespace AiWorkload.Fuzz.Tests;

/// <summary>Values for path segments, query strings and headers, already in their wire (percent-encoded where needed) form.</summary>
public static class HostileValues
{
    // No %00: Kestrel refuses such a path before the app sees it, and the in-memory test server throws on it.
    private static readonly string[] PathSegments =
    [
        "x", "%2F", "a%2Fb", "..", "%2E%2E", "%25", "%ED%A0%80", "%FF%FE",
        "%C3%A9t%C3%A9", "%F0%9F%A4%96", "UPPER", "with%20space", "-", "_", "a.b", "0", "-1", "9999999999999999999999", "null",
        "%3Cscript%3E", "%27%20OR%201%3D1--", "%E2%80%AE", "%EF%BB%BF", "%0D%0A", "a;b", "a,b", "%3F", "%23",
    ];

    private static readonly string[] QueryValues =
    [
        "", "0", "-1", "1", "2147483648", "-2147483649", "99999999999999999999999", "1e308", "1e400", "NaN", "Infinity", "-0", "0x10",
        "1.5", "abc", "true", "false", "TRUE", "Running", "Running,Failed", "running,,failed", ",", "Pending%2CSucceeded", "%00", "%ED%A0%80",
        "%FF", "%F0%9F%A4%96", "drift", "new-data", "drift,new-data,bogus", "%27", "%22", "[]", "{}",
    ];

    private static readonly string[] IdempotencyKeys =
    [
        "", " ", "key", "a b", "\t", "ключ", "🤖", "null", "%00", "a,b", "Idempotency-Key", "x\u007f",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/csv", "text/csv; charset=latin1",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
        "application/merge-patch+json", "*/*", "application/octet-stream", "application/json; charset=bogus",
    ];

    public static string PathSegment(Random random, IReadOnlyList<string> known) => random.Next(10) switch
    {
        0 => new string('a', random.Next(100, 5000)),
        1 => Escape(RandomText(random, random.Next(1, 40))),
        2 or 3 when known.Count > 0 => known[random.Next(known.Count)],
        _ => PathSegments[random.Next(PathSegments.Length)],
    };

    public static string QueryValue(Random random, string? type) => random.Next(8) switch
    {
        0 => Escape(RandomText(random, random.Next(0, 30))),
        1 => new string('9', random.Next(20, 3000)),
        2 when type == "integer" => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture),
        _ => QueryValues[random.Next(QueryValues.Length)],
    };

    public static string IdempotencyKey(Random random) => random.Next(6) switch
    {
        0 => new string('k', random.Next(90, 20000)),
        1 => Guid.NewGuid().ToString(),
        _ => IdempotencyKeys[random.Next(IdempotencyKeys.Length)],
    };

    public static string? ContentType(Random random) => random.Next(12) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)];

    /// <summary>Printable text from several scripts, no control characters (those cannot travel in a header or an unescaped URL).</summary>
    public static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(0xa0, 0x2000),
                2 => (char)random.Next(0x4e00, 0x9fff),
                3 => "🤖",
                _ => (char)random.Next('a', 'z' + 1),
            });
        }

        return builder.ToString();
    }

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
