using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiWorkload.Fuzz.Tests;

/// <summary>What the fuzz saw: answers by status code and by operation, and every answer that broke the rules.</summary>
public sealed class FuzzReport
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _operations = new();
    private readonly ConcurrentQueue<string> _failures = new();

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public IReadOnlyDictionary<string, int> Operations => _operations;

    public IReadOnlyCollection<string> Failures => _failures;

    public int Total => _statuses.Values.Sum();

    /// <summary>No 5xx; every status of 400 or more is application/problem+json whose body parses and carries that status.</summary>
    public async Task CheckAsync(FuzzRequest request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        _operations.AddOrUpdate(request.Operation.ToString(), 1, (_, n) => n + 1);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (status >= 500)
        {
            Fail(request, $"answered {status}: {Shorten(body)}");
        }
        else if (status >= 400)
        {
            var media = response.Content.Headers.ContentType?.MediaType;
            if (media != "application/problem+json")
            {
                Fail(request, $"answered {status} as '{media ?? "no content type"}', not application/problem+json: {Shorten(body)}");
            }
            else if (request.Method != "HEAD" && ProblemStatus(body) != status)
            {
                Fail(request, $"answered {status} with a problem body that does not parse or states another status: {Shorten(body)}");
            }
        }
    }

    public void Fail(FuzzRequest? request, string what) => _failures.Enqueue(request is null ? what : $"{request}: {what}");

    public string Summary(int seed, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fuzz seed {seed} (set AIWORKLOAD_FUZZ_SEED to replay): {Total} requests in {elapsed.TotalSeconds:F1} s");
        text.AppendLine("By status: " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        text.AppendLine("By operation: " + string.Join(", ", _operations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}")));
        text.AppendLine(CultureInfo.InvariantCulture, $"Failures: {_failures.Count}");
        foreach (var failure in _failures.Take(25))
        {
            text.AppendLine("  " + failure);
        }

        return text.ToString();
    }

    private static int? ProblemStatus(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status) && status.TryGetInt32(out var value)
                && document.RootElement.TryGetProperty("title", out _)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
