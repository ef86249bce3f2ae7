using System.Text;

namespace AiWorkload.Fuzz.Tests;

/// <summary>
/// Turns an operation into a hostile request: every path parameter, query parameter and header of the document gets a
/// hostile value, sometimes a real id; methods, extra parameters and huge headers are mixed in. A write aimed at a
/// seeded resource always carries a broken body, so no request could legitimately change what existed before.
/// </summary>
public sealed class RequestFactory(Random random, IReadOnlyList<string> seededIds)
{
    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"];

    public FuzzRequest Create(int index, ApiOperation operation)
    {
        var method = random.Next(12) == 0 ? OtherMethods[random.Next(OtherMethods.Length)] : operation.Method;
        var path = new StringBuilder(operation.PathTemplate);
        var targetsSeeded = false;
        foreach (var parameter in operation.In("path"))
        {
            var value = HostileValues.PathSegment(random, seededIds);
            targetsSeeded |= seededIds.Contains(value);
            path.Replace("{" + parameter.Name + "}", value);
        }

        var query = new List<string>();
        foreach (var parameter in operation.In("query").Where(_ => random.Next(3) > 0))
        {
            var repeats = random.Next(5) == 0 ? random.Next(2, 4) : 1;
            for (var i = 0; i < repeats; i++)
            {
                query.Add($"{parameter.Name}={HostileValues.QueryValue(random, parameter.Type)}");
            }
        }

        if (random.Next(10) == 0)
        {
            query.Add($"{HostileValues.QueryValue(random, null)}={HostileValues.QueryValue(random, null)}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (operation.In("header").Any() || random.Next(5) == 0)
        {
            headers["Idempotency-Key"] = HostileValues.IdempotencyKey(random);
        }

        if (random.Next(40) == 0)
        {
            headers["X-Huge"] = new string('h', random.Next(16_000, 64_000));
        }

        var write = method is not ("GET" or "OPTIONS" or "TRACE");
        var body = !write && random.Next(4) > 0 ? new HostileBody("none", [])
            : targetsSeeded ? HostileBodies.Broken(random)
            : HostileBodies.Any(random);
        var contentType = body.Bytes.Length == 0 && random.Next(2) == 0 ? null
            : operation.BodyMediaTypes.Count > 0 && random.Next(3) > 0 ? operation.BodyMediaTypes[random.Next(operation.BodyMediaTypes.Count)]
            : HostileValues.ContentType(random);
        var url = query.Count == 0 ? path.ToString() : $"{path}?{string.Join("&", query)}";
        return new FuzzRequest(index, operation, method, url, body.Kind, contentType, headers, body.Bytes);
    }
}
