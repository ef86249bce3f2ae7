using AiWorkload.Ingestion.Datasets;

namespace AiWorkload.Ingestion.Tests;

public sealed class CsvTokenizerTests
{
    [Fact]
    public void Quotes_escaped_quotes_commas_and_line_breaks_inside_quotes_are_kept()
    {
        var records = CsvTokenizer.Read("a,\"b,\"\"c\"\"\",\" d \"\n\"x\ny\",2,3").ToList();

        Assert.Equal(["a", "b,\"c\"", " d "], records[0].Fields);
        Assert.Equal(["x\ny", "2", "3"], records[1].Fields);
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public void Unquoted_values_are_trimmed_and_blank_lines_are_blank_records()
    {
        var records = CsvTokenizer.Read(" a , b \r\n\r\n1,2\r\n").ToList();

        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.True(records[1].IsBlank);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["1", "2"], records[2].Fields);
        Assert.Equal(3, records.Count);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_line_it_opened()
    {
        var record = CsvTokenizer.Read("h\n\"open\nstill open").Last();

        Assert.True(record.UnclosedQuote);
        Assert.Equal(2, record.Line);
    }
}
