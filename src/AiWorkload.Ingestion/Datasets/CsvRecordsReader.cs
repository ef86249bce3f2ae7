using System.Text;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Ingestion.Http;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// Reads a CSV batch whose header row names the columns (any order, each of the dataset's columns exactly once). Each
/// error is keyed <c>lines[n].column</c> with n the line number in the file, header included.
/// </summary>
internal static class CsvRecordsReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<DatasetRow>? Rows, IResult? Problem) Read(byte[] body, DatasetDefinition schema, int maxRows)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Field(Problems.BodyField, "The CSV is not valid UTF-8 text."));
        }

        var errors = new ErrorList();
        using var records = CsvTokenizer.Read(text).Where(r => !r.IsBlank).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(Problems.BodyField, "The CSV is empty: send a header row naming the columns, then one line per row.");
            return (null, Problems.Validation(errors.ToDictionary()));
        }

        var header = records.Current;
        var positions = ReadHeader(header, schema, errors);
        if (positions is null)
        {
            return (null, Problems.Validation(errors.ToDictionary(), "The CSV header does not match the dataset's schema."));
        }

        var rows = new List<DatasetRow>();
        var count = 0;
        while (records.MoveNext() && !errors.Full)
        {
            if (++count > maxRows)
            {
                errors.Add(Problems.BodyField, $"The batch has more than {maxRows} rows; at most {maxRows} are accepted per batch.");
                break;
            }

            if (ReadRow(records.Current, header, positions, schema, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        if (count == 0)
        {
            errors.Add(Problems.BodyField, "The CSV has a header but no data rows.");
        }

        return errors.Any ? (null, Problems.Validation(errors.ToDictionary(), "The CSV does not match the dataset's schema.")) : (rows, null);
    }

    /// <summary>For each CSV column, its position in the schema (features, then the label).</summary>
    private static int[]? ReadHeader(CsvRecord header, DatasetDefinition schema, ErrorList errors)
    {
        var columns = ColumnIndex.For(schema);
        var positions = new int[header.Fields.Count];
        var seen = new bool[schema.Features.Count + 1];
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i];
            var field = $"lines[{header.Line}].{(name.Length == 0 ? $"column{i + 1}" : name)}";
            if (!columns.TryGet(name, out positions[i]))
            {
                errors.Add(field, name.Length == 0
                    ? $"Line {header.Line}: column {i + 1} of the header has no name."
                    : $"Line {header.Line}: '{name}' is not a column of dataset '{schema.DatasetId}'; {Cells.DescribeColumns(schema)}.");
            }
            else if (seen[positions[i]])
            {
                errors.Add(field, $"Line {header.Line}: the column '{name}' appears twice.");
            }
            else
            {
                seen[positions[i]] = true;
            }
        }

        for (var column = 0; column < seen.Length; column++)
        {
            if (!seen[column])
            {
                var name = column == schema.Features.Count ? schema.Label : schema.Features[column];
                errors.Add($"lines[{header.Line}].{name}", $"Line {header.Line}: the header has no '{name}' column.");
            }
        }

        return errors.Any ? null : positions;
    }

    private static DatasetRow? ReadRow(CsvRecord record, CsvRecord header, int[] positions, DatasetDefinition schema, ErrorList errors)
    {
        var where = $"Line {record.Line}";
        if (record.UnclosedQuote)
        {
            errors.Add($"lines[{record.Line}]", $"{where}: a quoted value is not closed.");
            return null;
        }

        if (record.Fields.Count != header.Fields.Count)
        {
            errors.Add($"lines[{record.Line}]", $"{where} has {record.Fields.Count} values; the header has {header.Fields.Count} columns.");
            return null;
        }

        var features = new double[schema.Features.Count];
        string? label = null;
        var valid = true;
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var name = header.Fields[i];
            var field = $"lines[{record.Line}].{name}";
            var value = record.Fields[i];
            if (positions[i] == ColumnIndex.LabelColumn(schema))
            {
                label = Cells.Label(value, schema.LabelKind, field, where, errors);
                valid &= label is not null;
            }
            else
            {
                switch (Cells.ParseNumber(value, out var number))
                {
                    case CellNumber.Valid:
                        features[positions[i]] = number;
                        continue;
                    case CellNumber.OutOfRange:
                        errors.Add(field, Cells.OutOfRange(where, value, name));
                        break;
                    default:
                        errors.Add(field, value.Length == 0
                            ? $"{where}: the feature '{name}' is empty."
                            : $"{where}: '{Cells.Shorten(value)}' in column '{name}' is not a number.");
                        break;
                }

                valid = false;
            }
        }

        return valid ? new DatasetRow(features, label!) : null;
    }
}
