using System.Security.Cryptography;
using System.Text;
using AiWorkload.Catalog.Datasets;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// The batch id: a hash of the parsed rows, so re-sending the same data (as JSON or as CSV, however formatted, with any
/// Idempotency-Key or none) stores it once.
/// </summary>
internal static class BatchFingerprint
{
    public static string Of(IReadOnlyList<DatasetRow> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[sizeof(double)];
        foreach (var row in rows)
        {
            foreach (var feature in row.Features)
            {
                BitConverter.TryWriteBytes(number, feature);
                hash.AppendData(number);
            }

            hash.AppendData(Encoding.UTF8.GetBytes(row.Label));
            hash.AppendData("\n"u8);
        }

        return "sha256-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
