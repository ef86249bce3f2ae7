using System.Text;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// RFC 4180 records: comma-separated, double quotes around fields that hold commas, quotes ("" inside) or line breaks,
/// CRLF or LF line ends. Unquoted fields are trimmed; a quoted field is kept as written.
/// </summary>
// Kept over Sep/CsvHelper: the capped body is buffered anyway (hashed for idempotency), and our 400s name every bad row's start line and an unclosed quote's opening line, which Sep does not report (no quote errors; one exception at the first column-count mismatch).
internal static class CsvTokenizer
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !quoted && string.IsNullOrWhiteSpace(field.ToString()):
                    field.Clear();
                    inQuotes = quoted = true;
                    break;
                case ',':
                    fields.Add(Finish(field, quoted));
                    quoted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    fields.Add(Finish(field, quoted));
                    yield return new CsvRecord(recordLine, fields, UnclosedQuote: false);
                    fields = [];
                    quoted = false;
                    recordLine = ++line;
                    break;
                default:
                    // Text after a closing quote is kept rather than refused: the value check will say if it is not a number.
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields, UnclosedQuote: true);
        }
        else if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            fields.Add(Finish(field, quoted));
            yield return new CsvRecord(recordLine, fields, UnclosedQuote: false);
        }
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var value = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return value;
    }
}
