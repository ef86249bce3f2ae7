namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>A setting of the topology model that Aspire's Service Bus resources cannot declare, and where it is honoured instead.</summary>
public sealed record AppModelOmission(string Entity, string Field, string Reason)
{
    public override string ToString() => $"{Entity} {Field}: {Reason}";
}
