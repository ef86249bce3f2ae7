using System.Globalization;

namespace AiWorkload.Training.Learning;

/// <summary>The CSV reading and writing behind <see cref="TabularDataset"/>.</summary>
internal static class TabularCsv
{
    public static TabularDataset Read(TextReader reader, string[] featureColumns, string labelColumn, ModelTask task)
    {
        var csv = new CsvRecordReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields, out var headerLine))
        {
            throw new CsvFormatException(1, null, null, "the input is empty; a header row is required.");
        }

        var header = fields.ToArray();
        var featurePositions = featureColumns.Select(name => FindColumn(header, name, headerLine)).ToArray();
        var labelPosition = FindColumn(header, labelColumn, headerLine);

        var rows = new List<double[]>();
        var labels = new List<string>();
        var targets = new List<double>();
        while (csv.TryReadRecord(fields, out var line))
        {
            if (fields.Count != header.Length)
            {
                throw new CsvFormatException(line, null, null, $"expected {header.Length} fields as in the header but found {fields.Count}.");
            }

            var row = new double[featurePositions.Length];
            for (var f = 0; f < featurePositions.Length; f++)
            {
                row[f] = ParseNumber(fields[featurePositions[f]], line, featurePositions[f], header);
            }

            rows.Add(row);
            if (task == ModelTask.Classification)
            {
                labels.Add(fields[labelPosition].Length > 0
                    ? fields[labelPosition]
                    : throw new CsvFormatException(line, labelPosition + 1, header[labelPosition], "the class label is empty."));
            }
            else
            {
                targets.Add(ParseNumber(fields[labelPosition], line, labelPosition, header));
            }
        }

        if (task == ModelTask.Regression)
        {
            return TabularDataset.FromOwnedArrays(task, featureColumns, labelColumn, [.. rows], [], [], [.. targets]);
        }

        var order = ClassLabelOrder.Natural(labels);
        var indexOf = order.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        return TabularDataset.FromOwnedArrays(task, featureColumns, labelColumn, [.. rows], order, [.. labels.Select(l => indexOf[l])], []);
    }

    public static void Write(TabularDataset data, TextWriter writer)
    {
        writer.Write(string.Join(',', data.FeatureNames.Append(data.LabelName).Select(Escape)));
        writer.Write('\n');
        for (var r = 0; r < data.RowCount; r++)
        {
            foreach (var value in data.GetFeatures(r))
            {
                writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            writer.Write(data.Task == ModelTask.Classification
                ? Escape(data.GetClassLabel(r))
                : data.GetTarget(r).ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static int FindColumn(string[] header, string name, long headerLine)
    {
        var position = Array.IndexOf(header, name);
        if (position < 0)
        {
            throw new CsvFormatException(headerLine, null, name, $"column not found in the header [{string.Join(", ", header)}].");
        }

        if (Array.LastIndexOf(header, name) != position)
        {
            throw new CsvFormatException(headerLine, null, name, "the header names this column more than once.");
        }

        return position;
    }

    private static double ParseNumber(string text, long line, int position, string[] header)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var problem = text.Length == 0 ? "the value is empty; a number is required." : $"'{text}' is not a number (invariant culture, e.g. 1234.5 or 1.2e-3).";
            throw new CsvFormatException(line, position + 1, header[position], problem);
        }

        return double.IsFinite(value)
            ? value
            : throw new CsvFormatException(line, position + 1, header[position], $"'{text}' is not a finite number.");
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
