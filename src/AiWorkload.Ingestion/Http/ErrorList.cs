namespace AiWorkload.Ingestion.Http;

/// <summary>Collects validation errors by field, capped so a wholly wrong upload yields a readable answer, not megabytes.</summary>
internal sealed class ErrorList(int maxErrors = 50)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private int _count;
    private int _dropped;

    public bool Any => _count > 0;

    public bool Full => _count >= maxErrors;

    public void Add(string field, string message)
    {
        if (Full)
        {
            _dropped++;
            return;
        }

        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        _count++;
    }

    public Dictionary<string, string[]> ToDictionary()
    {
        var result = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        if (_dropped > 0)
        {
            var note = $"{_dropped} more errors were not listed; fix these first.";
            result[Problems.BodyField] = result.TryGetValue(Problems.BodyField, out var existing) ? [.. existing, note] : [note];
        }

        return result;
    }
}
