using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>A CSV input that cannot be read as a dataset; the message names the line and column so the data can be fixed.</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(long lineNumber, int? columnNumber, string? columnName, string problem)
        : base(Describe(lineNumber, columnNumber, columnName, problem))
    {
        LineNumber = lineNumber;
        ColumnNumber = columnNumber;
        ColumnName = columnName;
    }

    /// <summary>1-based physical line on which the offending record starts (the header is line 1).</summary>
    public long LineNumber { get; }

    /// <summary>1-based position of the offending field, when the problem is about one field.</summary>
    public int? ColumnNumber { get; }

    public string? ColumnName { get; }

    private static string Describe(long lineNumber, int? columnNumber, string? columnName, string problem)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"CSV line {lineNumber}");
        if (columnNumber is { } number)
        {
            location += string.Create(CultureInfo.InvariantCulture, $", column {number}");
        }

        if (columnName is not null)
        {
            location += $" ('{columnName}')";
        }

        return $"{location}: {problem}";
    }
}
