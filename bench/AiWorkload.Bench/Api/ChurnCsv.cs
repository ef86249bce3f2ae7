using System.Globalization;
using System.Text;

namespace AiWorkload.Bench.Api;

/// <summary>
/// Synthetic rows with the walkthrough churn model's schema and value ranges (samples/churn.csv), seeded so every run
/// uploads the same bytes.
/// </summary>
internal static class ChurnCsv
{
    public static readonly IReadOnlyList<string> Features =
        ["tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments"];

    public const string Label = "churned";

    public static byte[] Generate(int rows, int seed = 14)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(rows * 40);
        csv.Append(string.Join(',', Features)).Append(',').Append(Label).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var tenure = random.Next(1, 73);
            var charges = Math.Round(20 + (random.NextDouble() * 100), 2);
            var tickets = random.Next(0, 6);
            var usage = Math.Round(random.NextDouble() * 40, 1);
            var contractLeft = random.Next(0, 25);
            var late = random.Next(0, 4);
            var churned = tickets + late > 4 || (tenure < 6 && charges > 90) ? "yes" : "no";
            csv.Append(CultureInfo.InvariantCulture, $"{tenure},{charges},{tickets},{usage},{contractLeft},{late},{churned}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
