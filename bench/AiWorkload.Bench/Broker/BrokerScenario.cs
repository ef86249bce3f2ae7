namespace AiWorkload.Bench.Broker;

/// <summary>
/// One load shape, run identically against every broker: <see cref="Senders"/> concurrent producers send
/// <see cref="BatchSize"/> messages per call while <see cref="Receivers"/> consumers take up to <see cref="BatchSize"/> at a time.
/// </summary>
internal sealed record BrokerScenario(int BatchSize, int Receivers, int Senders, int MessageCount)
{
    /// <summary>Every sender on a connection of its own (the many-clients shape) instead of all senders sharing one.</summary>
    public bool ConnectionPerSender { get; init; }

    public string Name => ConnectionPerSender
        ? $"{Senders} clients, batch {BatchSize}, {Receivers} receiver{(Receivers == 1 ? "" : "s")}"
        : $"batch {BatchSize}, {Receivers} receiver{(Receivers == 1 ? "" : "s")}";

    /// <summary>Every sender sends whole batches, so the count is rounded up to a multiple of senders × batch.</summary>
    public static int RoundCount(int requested, int senders, int batchSize)
    {
        var unit = senders * batchSize;
        return Math.Max(unit, (requested + unit - 1) / unit * unit);
    }
}
