namespace AiWorkload.Messaging.Amqp.Security;

/// <summary>A named shared access key and the rights it grants, like a namespace's authorization rule.</summary>
public sealed record SharedAccessKey(string Name, string Key, AccessRights Rights)
{
    /// <summary>The official emulator's well-known development key, so its documented connection string works unchanged.</summary>
    public static SharedAccessKey DevelopmentDefault { get; } = new("RootManageSharedAccessKey", "SAS_KEY_VALUE", AccessRights.Manage);
}
