// Targets Pulumi 3.114.2 (Pulumi.Config.GetBoolean/Get/GetSecret, Output<T>); see Directory.Packages.props.
using System.Text.RegularExpressions;
using Pulumi;

namespace AiWorkload.Infra;

/// <summary>
/// What a stack chooses about the workload database (an Azure Database for PostgreSQL flexible server). Loaded by
/// <see cref="StackSettings.Load"/>; <see langword="null"/> there when <c>aiworkload:database</c> is false.
/// </summary>
public sealed partial record DatabaseSettings
{
    public const string Burstable = "Burstable";
    public const string GeneralPurpose = "GeneralPurpose";
    public const string MemoryOptimized = "MemoryOptimized";

    /// <summary>The one database the hosts share; its name is part of the contract with them, so it is not configurable.</summary>
    public const string DatabaseName = "workload";

    public const string DefaultAdministratorLogin = "aiworkload";
    public const string DefaultSkuName = "Standard_B1ms";

    /// <summary>The config key of the password, named in every message about it.</summary>
    public const string PasswordKey = "aiworkload:databasePassword";

    private static readonly string[] Tiers = [Burstable, GeneralPurpose, MemoryOptimized];

    /// <summary>Logins the service refuses for the administrator (flexible server quickstart: "can't be …, can't start with pg_").</summary>
    private static readonly string[] ReservedLogins = ["azure_superuser", "azure_pg_admin", "admin", "administrator", "root", "guest", "public"];

    /// <summary>
    /// A global DNS label under postgres.database.azure.com: 3-63 characters, lowercase letters and digits in runs joined
    /// by single hyphens (the REST API's pattern <c>^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*</c>, lowercased as DNS names are).
    /// </summary>
    public required string ServerName { get; init; }

    public string AdministratorLogin { get; init; } = DefaultAdministratorLogin;

    /// <summary>
    /// From the secret config value <see cref="PasswordKey"/>, and never from a default. An output, so that Pulumi keeps
    /// it encrypted in state and masked in every diff and log.
    /// </summary>
    public required Output<string> AdministratorPassword { get; init; }

    /// <summary>The compute size, e.g. <c>Standard_B1ms</c> (Burstable), <c>Standard_D2ds_v5</c> (GeneralPurpose).</summary>
    public string SkuName { get; init; } = DefaultSkuName;

    /// <summary><see cref="Burstable"/>, <see cref="GeneralPurpose"/> or <see cref="MemoryOptimized"/>.</summary>
    public string SkuTier { get; init; } = Burstable;

    /// <summary>
    /// Reads the <c>aiworkload:database*</c> keys. Returns <see langword="null"/> when <c>aiworkload:database</c> is false;
    /// otherwise the password must be set, and set as a secret.
    /// </summary>
    public static DatabaseSettings? Load(Config config, string stack)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!(config.GetBoolean("database") ?? true))
        {
            return null;
        }

        // GetSecret rather than Get: the value is wrapped as a secret before any code sees it.
        var password = config.GetSecret("databasePassword") ?? throw new InvalidOperationException(
            $"{PasswordKey} is not set. Set it with `pulumi config set --secret {PasswordKey} <password>`, " +
            "or set aiworkload:database to false to provision no database.");
        var tier = config.Get("databaseSkuTier") ?? Burstable;
        return new DatabaseSettings
        {
            ServerName = config.Get("databaseServerName") ?? $"aiworkload-{stack}-db",
            AdministratorLogin = config.Get("databaseAdministratorLogin") ?? DefaultAdministratorLogin,
            AdministratorPassword = password,
            SkuName = config.Get("databaseSkuName") ?? DefaultSkuName,
            SkuTier = Tiers.FirstOrDefault(known => string.Equals(known, tier, StringComparison.OrdinalIgnoreCase)) ?? tier,
        }.Validate();
    }

    /// <summary>Throws on a value Azure would refuse, naming the config key, before anything is created.</summary>
    public DatabaseSettings Validate()
    {
        if (ServerName.Length is < 3 or > 63 || !ServerNamePattern().IsMatch(ServerName))
        {
            throw new InvalidOperationException(
                $"aiworkload:databaseServerName is '{ServerName}'; it must be 3-63 lowercase letters, digits and single " +
                "hyphens, and not start or end with a hyphen.");
        }

        if (!LoginPattern().IsMatch(AdministratorLogin)
            || AdministratorLogin.StartsWith("pg_", StringComparison.OrdinalIgnoreCase)
            || ReservedLogins.Contains(AdministratorLogin, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"aiworkload:databaseAdministratorLogin is '{AdministratorLogin}'; it must be 1-63 letters, digits and " +
                $"underscores, not start with a digit or pg_, and not be one of {string.Join(", ", ReservedLogins)}.");
        }

        if (!Tiers.Contains(SkuTier, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"aiworkload:databaseSkuTier is '{SkuTier}'; it must be {Burstable}, {GeneralPurpose} or {MemoryOptimized}.");
        }

        // Burstable sizes are the B series; Azure refuses a size from another tier's series.
        var burstableSize = SkuName.StartsWith("Standard_B", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(SkuName) || burstableSize != string.Equals(SkuTier, Burstable, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"aiworkload:databaseSkuName is '{SkuName}', which does not fit aiworkload:databaseSkuTier {SkuTier}: " +
                "Burstable takes the Standard_B sizes (e.g. Standard_B1ms), the other tiers take the D and E sizes.");
        }

        return this;
    }

    /// <summary>
    /// Azure's password rule: 8-128 characters from at least three of uppercase, lowercase, digits and symbols. Checked
    /// inside an apply, where the secret is known; the message never contains the value.
    /// </summary>
    public static string CheckPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var categories = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }
            .Count(present => present);
        if (password.Length is < 8 or > 128 || categories < 3)
        {
            throw new InvalidOperationException(
                $"{PasswordKey} does not meet Azure's rule: 8-128 characters, from at least three of uppercase letters, " +
                "lowercase letters, digits and symbols.");
        }

        return password;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ServerNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex LoginPattern();
}
