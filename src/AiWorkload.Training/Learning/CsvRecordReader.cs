using System.Text;

namespace AiWorkload.Training.Learning;

/// <summary>
/// Reads RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. It tracks physical
/// line numbers so that errors point at the line an editor shows, even after multi-line quoted fields.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private const int EndOfInput = -1;

    private readonly char[] buffer = new char[64 * 1024];
    private readonly StringBuilder field = new();
    private int bufferLength;
    private int bufferPosition;
    private long currentLine = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of input. Empty lines are skipped.</summary>
    public bool TryReadRecord(List<string> fields, out long lineNumber)
    {
        fields.Clear();
        if (!SkipEmptyLines())
        {
            lineNumber = currentLine;
            return false;
        }

        lineNumber = currentLine;
        field.Clear();
        var inQuotes = false;
        var fieldWasQuoted = false;
        while (true)
        {
            var c = Read();
            if (inQuotes)
            {
                if (c == EndOfInput)
                {
                    throw new CsvFormatException(lineNumber, fields.Count + 1, null, "a quoted field is not closed before the end of the input.");
                }

                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    CountLineBreakInsideQuotes(c);
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case EndOfInput or '\n' or '\r':
                    fields.Add(field.ToString());
                    EndLine(c);
                    return true;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case '"':
                    throw new CsvFormatException(lineNumber, fields.Count + 1, null, "a quote may only start a field; double it (\"\") inside a quoted field.");
                default:
                    if (fieldWasQuoted)
                    {
                        throw new CsvFormatException(lineNumber, fields.Count + 1, null, "unexpected text after a closing quote.");
                    }

                    field.Append((char)c);
                    break;
            }
        }
    }

    private bool SkipEmptyLines()
    {
        while (true)
        {
            var c = Peek();
            if (c == EndOfInput)
            {
                return false;
            }

            if (c is not ('\n' or '\r'))
            {
                return true;
            }

            EndLine(Read());
        }
    }

    private void EndLine(int terminator)
    {
        if (terminator == '\r' && Peek() == '\n')
        {
            Read();
        }

        if (terminator != EndOfInput)
        {
            currentLine++;
        }
    }

    private void CountLineBreakInsideQuotes(int c)
    {
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            currentLine++;
        }
    }

    private int Read()
    {
        var c = Peek();
        if (c != EndOfInput)
        {
            bufferPosition++;
        }

        return c;
    }

    private int Peek()
    {
        if (bufferPosition == bufferLength)
        {
            bufferLength = reader.Read(buffer, 0, buffer.Length);
            bufferPosition = 0;
            if (bufferLength == 0)
            {
                return EndOfInput;
            }
        }

        return buffer[bufferPosition];
    }
}
