using System.Globalization;
using System.Text;

namespace AiWorkload.Fuzz.Tests;

/// <summary>
/// Request bodies that are wrong on purpose: broken encodings, extreme sizes and numbers, wrong types, CSV shapes.
/// <see cref="Broken"/> ones can never be a valid request, so they may be aimed at the seeded resources.
/// </summary>
public static class HostileBodies
{
    private static readonly string[] Fields = ["name", "id", "task", "dataset", "features", "label", "records", "metric", "value", "driftScore", "reason", "modelId", "parameters", "promotion", "drift", "requestRetraining", "trainer"];

    private static readonly string[] Numbers = ["1e308", "-1e308", "1e400", "-1e400", "123456789012345678901234567890", "0.0000000000000000000001", "-0", "NaN", "Infinity", "-Infinity", "1E+2", "0x10", "01", ".5", "5."];

    public static HostileBody Any(Random random) => random.Next(12) switch
    {
        0 => WrongTypes(random),
        1 => Numbers_(random),
        2 => Csv(random),
        3 => Encoding_(random),
        4 => new HostileBody("empty", []),
        5 => HugeString(random),
        6 => StructuredJson(random),
        7 => LoneSurrogate(random),
        _ => Broken(random),
    };

    /// <summary>Bodies no endpoint can accept: not UTF-8, not JSON or CSV of any shape, or nested beyond any parser's limit.</summary>
    public static HostileBody Broken(Random random) => random.Next(5) switch
    {
        0 => new HostileBody("invalid-utf8", [.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8]),
        1 => new HostileBody("deep-nesting", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))),
        2 => new HostileBody("truncated-json", Encoding.UTF8.GetBytes("{\"records\": [{\"a\": ")),
        3 => RandomBytes(random),
        _ => new HostileBody("deep-objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000))),
    };

    private static HostileBody RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4096)];
        random.NextBytes(bytes);
        bytes[0] = 0xFF; // never accidentally valid JSON or CSV
        return new HostileBody("random-bytes", bytes);
    }

    private static HostileBody WrongTypes(Random random)
    {
        string[] values = ["[]", "{}", "\"text\"", "true", "null", "[1,2,3]", "{\"nested\":{\"x\":[null]}}", "-1", "\"\""];
        var fields = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"\"{Fields[random.Next(Fields.Length)]}\": {values[random.Next(values.Length)]}");
        string[] roots = ["[]", "null", "42", "\"string\"", "true", $"{{{string.Join(",", fields)}}}", $"[{{{string.Join(",", fields)}}}]"];
        return Json("wrong-types", roots[random.Next(roots.Length)]);
    }

    private static HostileBody Numbers_(Random random)
    {
        var number = Numbers[random.Next(Numbers.Length)];
        string[] shapes =
        [
            $"{{\"metric\": \"accuracy\", \"value\": {number}, \"driftScore\": {number}}}",
            $"{{\"records\": [{{\"x\": {number}}}]}}",
            $"{{\"features\": {{\"tenure_months\": {number}}}}}",
            $"[{number}]",
            number,
        ];
        return Json("numbers", shapes[random.Next(shapes.Length)]);
    }

    private static HostileBody Csv(Random random)
    {
        string[] shapes =
        [
            "a,b,c\n1,2\n3,4,5,6\n", "tenure_months,churned\n", "1,2,3\n4,5,6\n", "\"unterminated,1\n2,3\n", "a,b\r\n1,2\r\n",
            "a,b\n1\u00002,3\n", "\"a\"\"b\",c\n\"x\",\"y\"\"\n", "a;b;c\n1;2;3\n", "\n\n\n", ",,,\n,,,\n", "a,a,a\n1,2,3\n",
            "tenure_months,monthly_charges,support_tickets,usage_hours,contract_months_left,late_payments,churned\n1e400,NaN,x,,,-,maybe\n",
            "\uFEFFa,b\n1,2\n", string.Concat(Enumerable.Repeat("x,", 5000)) + "\n",
        ];
        return new HostileBody("csv", Encoding.UTF8.GetBytes(shapes[random.Next(shapes.Length)]));
    }

    private static HostileBody Encoding_(Random random)
    {
        const string json = "{\"name\": \"Churn\", \"metric\": \"accuracy\", \"value\": 0.5, \"records\": [{\"a\": 1}]}";
        return random.Next(4) switch
        {
            0 => new HostileBody("utf8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]),
            1 => new HostileBody("utf16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]),
            2 => new HostileBody("utf16-no-bom", Encoding.BigEndianUnicode.GetBytes(json)),
            _ => new HostileBody("latin1", Encoding.Latin1.GetBytes("{\"name\": \"Café ünïcödé\", \"records\": [{\"a\": \"é\"}]}")),
        };
    }

    private static HostileBody HugeString(Random random) =>
        Json("huge-string", $"{{\"{Fields[random.Next(Fields.Length)]}\": \"{new string('x', random.Next(100_000, 2_000_000))}\"}}");

    private static HostileBody LoneSurrogate(Random random)
    {
        string[] shapes =
        [
            "{\"records\": [{\"churned\": \"\\ud800\"}]}", "[{\"\\udc00\": 1}]", "{\"name\": \"\\ud800\"}", "{\"\\ud800\": 1}",
            "{\"features\": {\"\\udfff\": 1}}", "{\"metric\": \"\\ud83d\", \"value\": 1}", "{\"reason\": \"a\\ud800b\"}",
            "{\"modelId\": \"\\ud800\", \"parameters\": {\"\\ud800\": \"\\udc00\"}}",
        ];
        return Json("lone-surrogate", shapes[random.Next(shapes.Length)]);
    }

    /// <summary>Plausible shapes with hostile values: what a confused client sends.</summary>
    private static HostileBody StructuredJson(Random random)
    {
        var text = HostileValues.RandomText(random, random.Next(0, 300)).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var number = random.NextDouble() * Math.Pow(10, random.Next(-10, 300)) * (random.Next(2) == 0 ? -1 : 1);
        var n = number.ToString("R", CultureInfo.InvariantCulture);
        string[] shapes =
        [
            $"{{\"name\": \"{text}\", \"task\": \"{text}\", \"dataset\": {{\"id\": \"{text}\", \"features\": [\"{text}\"], \"label\": \"{text}\"}}}}",
            $"{{\"records\": [{{\"{text}\": {n}}}, {{}}, []]}}",
            $"{{\"metric\": \"{text}\", \"value\": \"{n}\"}}",
            $"{{\"features\": {{\"{text}\": {n}}}, \"extra\": true}}",
            $"{{\"modelId\": \"{text}\", \"parameters\": {{\"{text}\": {n}}}}}",
            $"{{\"reason\": {n}, \"unknown\": \"{text}\"}}",
            $"{{\"name\": \"\", \"task\": \"classification\"}}",
        ];
        return Json("structured", shapes[random.Next(shapes.Length)]);
    }

    private static HostileBody Json(string kind, string json) => new(kind, Encoding.UTF8.GetBytes(json));
}
