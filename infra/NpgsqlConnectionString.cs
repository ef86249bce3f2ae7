// Targets .NET 10 (System.Data.Common.DbConnectionStringBuilder) only; no Pulumi type is used here. The format is
// Npgsql's (Npgsql 10.0.0, Directory.Packages.props), which the hosts read from ConnectionStrings:workloaddb.
using System.Data.Common;
using System.Text;

namespace AiWorkload.Infra;

/// <summary>
/// Builds the <c>workloaddb</c> connection string the hosts read:
/// <c>Host=…;Database=…;Username=…;Password=…;SSL Mode=Require</c>.
/// </summary>
public static class NpgsqlConnectionString
{
    /// <summary>
    /// Values go through <see cref="DbConnectionStringBuilder.AppendKeyValuePair(StringBuilder, string, string)"/>,
    /// the quoting that Npgsql's own builder parses back, so a password holding <c>;</c>, <c>=</c> or quotes cannot
    /// cut the string short or inject a keyword. TLS is required because the server requires it
    /// (<c>require_secure_transport</c> is on by default on a flexible server).
    /// </summary>
    public static string Build(string host, string database, string username, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);

        var builder = new StringBuilder();
        DbConnectionStringBuilder.AppendKeyValuePair(builder, "Host", host);
        DbConnectionStringBuilder.AppendKeyValuePair(builder, "Database", database);
        DbConnectionStringBuilder.AppendKeyValuePair(builder, "Username", username);
        DbConnectionStringBuilder.AppendKeyValuePair(builder, "Password", password);
        DbConnectionStringBuilder.AppendKeyValuePair(builder, "SSL Mode", "Require");
        return builder.ToString();
    }
}
