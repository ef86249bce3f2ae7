using AiWorkload.Catalog.Datasets;
using AiWorkload.Ingestion.Http;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// Refuses JSON records whose features fall outside <see cref="TrainableRange"/>. The JSON reader accepts any finite
/// number, so the range is checked on its rows, which it returns one per record, in order, only when all are valid;
/// CSV cells are checked as they are read, where their line numbers are known.
/// </summary>
internal static class TrainableRows
{
    public static IResult? CheckRecords(IReadOnlyList<DatasetRow> rows, DatasetDefinition schema)
    {
        var errors = new ErrorList();
        for (var index = 0; index < rows.Count; index++)
        {
            var features = rows[index].Features;
            for (var column = 0; column < features.Count; column++)
            {
                if (!TrainableRange.Contains(features[column]))
                {
                    var name = schema.Features[column];
                    errors.Add($"records[{index}].{name}", Cells.OutOfRange($"Record {index}", Cells.NumberText(features[column]), name));
                }
            }
        }

        return errors.Any ? Problems.Validation(errors.ToDictionary(), "The records do not match the dataset's schema.") : null;
    }
}
