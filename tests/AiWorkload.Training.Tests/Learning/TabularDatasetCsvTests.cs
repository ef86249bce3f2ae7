using System.Text;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Tests.Learning;

public sealed class TabularDatasetCsvTests
{
    [Fact]
    public void Reads_requested_columns_in_any_header_order()
    {
        const string csv = "id,label,x2,x1\n1,cat,0.5,1e3\n2,dog,-2,3.25\n";

        var data = TabularDataset.ReadCsv(new StringReader(csv), ["x1", "x2"], "label", ModelTask.Classification);

        Assert.Equal(2, data.RowCount);
        Assert.Equal([1000.0, 0.5], data.GetFeatures(0).ToArray());
        Assert.Equal("dog", data.GetClassLabel(1));
        Assert.Equal(["cat", "dog"], data.ClassLabels);
    }

    [Fact]
    public void A_bad_number_names_its_line_and_column()
    {
        const string csv = "x1,x2,y\n1,2,3\n4,abc,6\n";

        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader(csv), ["x1", "x2"], "y", ModelTask.Regression));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
        Assert.Equal("x2", error.ColumnName);
        Assert.StartsWith("CSV line 3, column 2 ('x2'): 'abc' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_regression_target_names_the_label_column()
    {
        const string csv = "x,y\r\n1,2\r\n\r\n3,\r\n";

        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader(csv), ["x"], "y", ModelTask.Regression));

        Assert.Equal(4, error.LineNumber);
        Assert.Equal("y", error.ColumnName);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_values_are_rejected()
    {
        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader("x,y\nNaN,1\n"), ["x"], "y", ModelTask.Regression));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_row_reports_the_field_count()
    {
        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader("x,y\n1,2\n3\n"), ["x"], "y", ModelTask.Regression));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("expected 2 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader("x,y\n1,2\n"), ["x", "z"], "y", ModelTask.Regression));

        Assert.Equal(1, error.LineNumber);
        Assert.Equal("z", error.ColumnName);
    }

    [Fact]
    public void Line_numbers_stay_physical_after_multi_line_quoted_fields()
    {
        const string csv = "x,label\n1,\"two\nline label\"\n2,\"say \"\"hi\"\", ok\"\nbad,x\n";

        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader(csv), ["x"], "label", ModelTask.Classification));

        Assert.Equal(5, error.LineNumber);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_the_record_starts()
    {
        var error = Assert.Throws<CsvFormatException>(() => TabularDataset.ReadCsv(new StringReader("x,label\n1,a\n2,\"open\n"), ["x"], "label", ModelTask.Classification));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
    }

    [Fact]
    public void Classification_round_trips_through_csv_including_awkward_labels()
    {
        var original = TabularDataset.ForClassification(
            ["a", "b"],
            [[0.1, 1e-300], [-123456.789, double.Epsilon], [Math.PI, -0.0]],
            ["plain", "with, comma", "with \"quote\"\nand newline"]);
        using var stream = new MemoryStream();
        original.WriteCsv(stream);
        stream.Position = 0;

        var copy = TabularDataset.ReadCsv(stream, ["a", "b"], "label", ModelTask.Classification);

        AssertSameRows(original, copy);
        Assert.Equal(original.ClassLabels, copy.ClassLabels);
        for (var r = 0; r < original.RowCount; r++)
        {
            Assert.Equal(original.GetClassLabel(r), copy.GetClassLabel(r));
        }
    }

    [Fact]
    public void Regression_round_trips_through_csv()
    {
        var original = SyntheticData.KnownLinear(50, noise: 1);
        var text = new StringWriter();
        original.WriteCsv(text);

        var copy = TabularDataset.ReadCsv(new StringReader(text.ToString()), ["x1", "x2"], "y", ModelTask.Regression);

        AssertSameRows(original, copy);
        for (var r = 0; r < original.RowCount; r++)
        {
            Assert.Equal(original.GetTarget(r), copy.GetTarget(r));
        }

        Assert.StartsWith("x1,x2,y\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_class_labels_sort_by_value()
    {
        var data = TabularDataset.ReadCsv(new StringReader("x,y\n1,10\n2,2\n3,-1\n"), ["x"], "y", ModelTask.Classification);

        Assert.Equal(["-1", "2", "10"], data.ClassLabels);
    }

    [Fact]
    public void A_utf8_bom_is_tolerated()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("x,y\n1,2\n")).ToArray();

        var data = TabularDataset.ReadCsv(new MemoryStream(bytes), ["x"], "y", ModelTask.Regression);

        Assert.Equal(2.0, data.GetTarget(0));
    }

    private static void AssertSameRows(TabularDataset expected, TabularDataset actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var r = 0; r < expected.RowCount; r++)
        {
            Assert.Equal(expected.GetFeatures(r).ToArray(), actual.GetFeatures(r).ToArray());
        }
    }
}
