// Targets Pulumi 3.114.2 (Pulumi.Config.GetBoolean/Get) and the storage SKU names of Pulumi.AzureNative 3.28.0
// (Storage.SkuName, REST API 2024-01-01); see Directory.Packages.props.
using System.Text.RegularExpressions;
using Pulumi;

namespace AiWorkload.Infra;

/// <summary>
/// What a stack chooses about the model-artifact store (an Azure Storage account with the <c>models</c> container). Loaded
/// by <see cref="StackSettings.Load"/>; <see langword="null"/> there when <c>aiworkload:artifacts</c> is false.
/// </summary>
public sealed partial record ArtifactSettings
{
    /// <summary>ArtifactStoreOptions.Container's default in the retraining service, so the service needs no extra setting.</summary>
    public const string ContainerName = "models";

    public const string DefaultSkuName = "Standard_LRS";

    /// <summary>The config key of the account name, named in every message about it.</summary>
    public const string AccountNameKey = "aiworkload:artifactsAccountName";

    /// <summary>
    /// The Standard redundancy options of a StorageV2 account. Premium is left out: a Premium StorageV2 account holds page
    /// blobs only, and the service writes block blobs (premium block blobs need a BlockBlobStorage account).
    /// </summary>
    private static readonly string[] SkuNames =
        ["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"];

    /// <summary>A global DNS label under blob.core.windows.net: 3-24 lowercase letters and digits, nothing else.</summary>
    public required string AccountName { get; init; }

    /// <summary>The redundancy, e.g. <c>Standard_LRS</c> (default) or <c>Standard_ZRS</c>.</summary>
    public string SkuName { get; init; } = DefaultSkuName;

    /// <summary>Reads the <c>aiworkload:artifacts*</c> keys. Returns <see langword="null"/> when <c>aiworkload:artifacts</c> is false.</summary>
    public static ArtifactSettings? Load(Config config, string stack)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!(config.GetBoolean("artifacts") ?? true))
        {
            return null;
        }

        var sku = config.Get("artifactsSkuName") ?? DefaultSkuName;
        return new ArtifactSettings
        {
            AccountName = config.Get("artifactsAccountName") ?? DefaultAccountName(stack),
            SkuName = SkuNames.FirstOrDefault(known => string.Equals(known, sku, StringComparison.OrdinalIgnoreCase)) ?? sku,
        }.Validate();
    }

    /// <summary>
    /// <c>aiworkload&lt;stack&gt;art</c>, like the other defaults (<c>aiworkload-&lt;stack&gt;-bus</c>, <c>-db</c>) but
    /// without hyphens, which account names cannot hold; the stack name keeps only its letters and digits, lowercased.
    /// </summary>
    public static string DefaultAccountName(string stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return $"aiworkload{string.Concat(stack.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant))}art";
    }

    /// <summary>Throws on a value Azure would refuse, naming the config key, before anything is created.</summary>
    public ArtifactSettings Validate()
    {
        if (!AccountNamePattern().IsMatch(AccountName))
        {
            throw new InvalidOperationException(
                $"{AccountNameKey} is '{AccountName}'; a storage account name must be 3-24 characters, lowercase letters " +
                $"and digits only, and unique across Azure. Set one with `pulumi config set {AccountNameKey} <name>`.");
        }

        if (!SkuNames.Contains(SkuName, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"aiworkload:artifactsSkuName is '{SkuName}'; it must be one of {string.Join(", ", SkuNames)} (a Premium " +
                "StorageV2 account holds page blobs only, and model artifacts are block blobs).");
        }

        return this;
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
