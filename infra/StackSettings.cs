// Targets Pulumi 3.114.2 (Pulumi.Config, Deployment.Instance.StackName); see Directory.Packages.props.
using Pulumi;

namespace AiWorkload.Infra;

/// <summary>
/// What a stack chooses about the namespace: where it lives, its tier and who may use it; about the workload database
/// (<see cref="Database"/>) and the model-artifact store (<see cref="Artifacts"/>). The entities themselves come from the
/// topology model, never from config.
/// </summary>
public sealed record StackSettings
{
    public const string Standard = "Standard";
    public const string Premium = "Premium";

    /// <summary>The Azure region, from the provider's own <c>azure-native:location</c> key.</summary>
    public required string Location { get; init; }

    public required string ResourceGroupName { get; init; }

    /// <summary>A global DNS name: 6-50 letters, digits and hyphens, not ending in <c>-sb</c> or <c>-mgmt</c>.</summary>
    public required string NamespaceName { get; init; }

    /// <summary><see cref="Standard"/> or <see cref="Premium"/>; Basic has no topics.</summary>
    public string Sku { get; init; } = Standard;

    /// <summary>Premium messaging units; 1 when unset. Standard has no capacity.</summary>
    public int? Capacity { get; init; }

    /// <summary>
    /// Premium namespace partitions (1, 2 or 4; set when the namespace is created). A Premium namespace takes partitioned
    /// entities, such as the workload topic, only when it has more than one.
    /// </summary>
    public int? MessagingPartitions { get; init; }

    /// <summary>Turns SAS keys off, so clients must use Microsoft Entra ID and no connection string is exported.</summary>
    public bool DisableLocalAuth { get; init; }

    /// <summary>Object ids of managed identities that get Data Sender and Data Receiver on the namespace.</summary>
    public IReadOnlyList<string> PrincipalIds { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The workload database, or <see langword="null"/> for none (<c>aiworkload:database: false</c>). Null unless set, so
    /// settings built in code provision no database; <see cref="Load"/> sets it, as the config key defaults to true.
    /// </summary>
    public DatabaseSettings? Database { get; init; }

    /// <summary>
    /// The model-artifact storage account, or <see langword="null"/> for none (<c>aiworkload:artifacts: false</c>). Null
    /// unless set, like <see cref="Database"/>; <see cref="Load"/> sets it, as the config key defaults to true.
    /// </summary>
    public ArtifactSettings? Artifacts { get; init; }

    public bool IsPremium => string.Equals(Sku, Premium, StringComparison.Ordinal);

    /// <summary>Reads the stack's config: <c>azure-native:location</c> and the <c>aiworkload:*</c> keys (see Pulumi.dev.yaml).</summary>
    public static StackSettings Load()
    {
        var config = new Config();
        var stack = Deployment.Instance.StackName;
        var sku = config.Get("sku") ?? Standard;
        return new StackSettings
        {
            Location = new Config("azure-native").Require("location"),
            ResourceGroupName = config.Get("resourceGroupName") ?? $"rg-aiworkload-{stack}",
            NamespaceName = config.Get("namespaceName") ?? $"aiworkload-{stack}-bus",
            Sku = string.Equals(sku, Premium, StringComparison.OrdinalIgnoreCase) ? Premium
                : string.Equals(sku, Standard, StringComparison.OrdinalIgnoreCase) ? Standard
                : sku,
            Capacity = config.GetInt32("capacity"),
            MessagingPartitions = config.GetInt32("messagingPartitions"),
            DisableLocalAuth = config.GetBoolean("disableLocalAuth") ?? false,
            PrincipalIds = config.GetObject<string[]>("principalIds") ?? [],
            Tags = new Dictionary<string, string> { ["application"] = "aiworkload", ["stack"] = stack },
            Database = DatabaseSettings.Load(config, stack),
            Artifacts = ArtifactSettings.Load(config, stack),
        }.Validate();
    }

    /// <summary>Throws on a combination Azure would refuse, naming the config key, before anything is created.</summary>
    public StackSettings Validate()
    {
        if (!IsPremium && !string.Equals(Sku, Standard, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"aiworkload:sku is '{Sku}'; it must be {Standard} or {Premium} (Basic has no topics).");
        }

        if (Capacity is not null && !IsPremium)
        {
            throw new InvalidOperationException("aiworkload:capacity applies to the Premium tier only.");
        }

        if (Capacity is < 1)
        {
            throw new InvalidOperationException($"aiworkload:capacity is {Capacity}; Premium needs at least 1 messaging unit.");
        }

        if (MessagingPartitions is not null && (!IsPremium || MessagingPartitions is not (1 or 2 or 4)))
        {
            throw new InvalidOperationException($"aiworkload:messagingPartitions is {MessagingPartitions}; it applies to Premium only and is 1, 2 or 4.");
        }

        if (PrincipalIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException("aiworkload:principalIds has an empty entry.");
        }

        Database?.Validate();
        Artifacts?.Validate();
        return this;
    }
}
