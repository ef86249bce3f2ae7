using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiWorkload.Ingestion.Http;

/// <summary>
/// Ids travel in URLs, MessageIds, SessionIds and rule-routed properties, so they are short lowercase slugs; column names
/// are identifiers that read the same in JSON and in a CSV header.
/// </summary>
internal static partial class Identifiers
{
    public const string SlugRule = "1 to 64 characters: lowercase letters, digits, '.', '_' or '-', starting and ending with a letter or digit";
    public const string ColumnRule = "1 to 64 characters: letters, digits, '_', '.' or '-', starting with a letter or '_'";

    public static bool IsSlug([NotNullWhen(true)] string? value) => value is not null && Slug().IsMatch(value);

    public static bool IsColumn([NotNullWhen(true)] string? value) => value is not null && Column().IsMatch(value);

    /// <summary>"Customer Churn (EU)" becomes "customer-churn-eu": a model registered by name alone still gets a usable id.</summary>
    public static string ToSlug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 64 ? slug[..64].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Column();
}
