namespace AiWorkload.Messaging.Embedded;

public enum EngineDurability
{
    /// <summary>Every acknowledged operation is fsynced: it survives a process crash and a power loss.</summary>
    Full,

    /// <summary>Acknowledged operations survive a process crash; the last ones may be lost on power loss. Faster on slow disks.</summary>
    ProcessCrashSafe,
}
