using System.Text;
using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Ingestion.Http;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// Reads <c>{"records": [{"column": value, ...}]}</c> (or a bare array of records) against the dataset's schema. Each
/// error is keyed <c>records[i].column</c> (i from 0) and says what is wrong with that cell.
/// </summary>
internal static class JsonRecordsReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<DatasetRow>? Rows, IResult? Problem) Read(byte[] body, DatasetDefinition schema, int maxRows)
    {
        // The parser checks structure, not every string's bytes; reading a name or value later would throw instead.
        if (InvalidUtf8At(body) is { } offset)
        {
            return (null, Problems.Field(Problems.BodyField, $"The body is not valid UTF-8 (at byte {offset}); send JSON encoded as UTF-8."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            return (null, JsonBody.Malformed(error));
        }

        using (document)
        {
            var errors = new ErrorList();
            var records = Records(document.RootElement, errors);
            if (records is { } array)
            {
                var count = array.GetArrayLength();
                if (count == 0)
                {
                    errors.Add("records", "The batch has no records; send at least one.");
                }
                else if (count > maxRows)
                {
                    errors.Add("records", $"The batch has {count} records; at most {maxRows} are accepted per batch.");
                }
            }

            if (errors.Any)
            {
                return (null, Problems.Validation(errors.ToDictionary()));
            }

            var rows = ReadRows(records!.Value, schema, errors);
            return errors.Any ? (null, Problems.Validation(errors.ToDictionary(), "The records do not match the dataset's schema.")) : (rows, null);
        }
    }

    private static JsonElement? Records(JsonElement root, ErrorList errors)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Problems.BodyField, "Send {\"records\": [ {\"column\": value, ...}, ... ]}.");
            return null;
        }

        JsonElement? records = null;
        foreach (var property in root.EnumerateObject())
        {
            if (JsonText.Name(property) is not { } name)
            {
                errors.Add(Problems.BodyField, JsonText.LoneSurrogate);
            }
            else if (name != "records")
            {
                errors.Add(name, $"'{name}' is not a known field; the batch is {{\"records\": [...]}}.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add("records", "records must be an array of objects.");
            }
            else
            {
                records = property.Value;
            }
        }

        if (records is null && !errors.Any)
        {
            errors.Add("records", "records is required: an array of objects, one per row.");
        }

        return records;
    }

    private static List<DatasetRow> ReadRows(JsonElement records, DatasetDefinition schema, ErrorList errors)
    {
        var columns = ColumnIndex.For(schema);
        var rows = new List<DatasetRow>(records.GetArrayLength());
        var index = -1;
        foreach (var record in records.EnumerateArray())
        {
            index++;
            if (errors.Full)
            {
                break;
            }

            var where = $"Record {index}";
            if (record.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"records[{index}]", $"{where} is {record.ValueKind.ToString().ToLowerInvariant()}, not an object of column values.");
                continue;
            }

            var row = ReadRow(record, index, schema, columns, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static DatasetRow? ReadRow(JsonElement record, int index, DatasetDefinition schema, ColumnIndex columns, ErrorList errors)
    {
        var where = $"Record {index}";
        var features = new double[schema.Features.Count];
        var seen = new bool[schema.Features.Count + 1];
        string? label = null;
        var valid = true;
        foreach (var cell in record.EnumerateObject())
        {
            if (JsonText.Name(cell) is not { } name)
            {
                errors.Add($"records[{index}]", $"{where}: {JsonText.LoneSurrogate}");
                valid = false;
                continue;
            }

            var field = $"records[{index}].{name}";
            if (!columns.TryGet(name, out var column))
            {
                errors.Add(field, $"{where}: '{name}' is not a column of dataset '{schema.DatasetId}'; {Cells.DescribeColumns(schema)}.");
                valid = false;
                continue;
            }

            if (seen[column])
            {
                errors.Add(field, $"{where}: '{name}' is given twice.");
                valid = false;
                continue;
            }

            seen[column] = true;
            if (column == ColumnIndex.LabelColumn(schema))
            {
                if (cell.Value.ValueKind == JsonValueKind.String && JsonText.Value(cell.Value) is null)
                {
                    errors.Add(field, $"{where}: {JsonText.LoneSurrogate}");
                    valid = false;
                    continue;
                }

                label = Cells.Label(LabelText(cell.Value), schema.LabelKind, field, where, errors);
                valid &= label is not null;
            }
            else if (cell.Value.ValueKind == JsonValueKind.Number && cell.Value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                features[column] = number;
            }
            else
            {
                errors.Add(field, $"{where}: the feature '{name}' must be a number, not {Describe(cell.Value)}.");
                valid = false;
            }
        }

        for (var column = 0; column <= schema.Features.Count; column++)
        {
            if (!seen[column])
            {
                var name = column == schema.Features.Count ? schema.Label : schema.Features[column];
                errors.Add($"records[{index}].{name}", $"{where}: the {(column == schema.Features.Count ? "label" : "feature")} '{name}' is missing.");
                valid = false;
            }
        }

        return valid ? new DatasetRow(features, label!) : null;
    }

    private static string? LabelText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.Value(value) is { } text ? $"the text '{Cells.Shorten(text)}'" : "text with a lone surrogate escape",
        JsonValueKind.Null => "null",
        JsonValueKind.Number => $"{value.GetRawText()} (out of range)",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static int? InvalidUtf8At(byte[] body)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(body);
            return null;
        }
        catch (DecoderFallbackException error)
        {
            return error.Index;
        }
    }
}
