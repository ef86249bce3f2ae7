using System.Text;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;

// A send/receive storm for crash tests. Every line is printed only after the engine acknowledged the operation,
// so the parent knows exactly what must survive when it kills this process with SIGKILL.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CrashHost <data-dir>");
    return 2;
}

var topology = new TopologyModel([new QueueDefinition("storm") { MaxDeliveryCount = 1000, LockDuration = TimeSpan.FromSeconds(30) }], []);
await using var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = args[0], Topology = topology });
var run = Guid.NewGuid().ToString("N")[..8];
Console.WriteLine("READY");

var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
{
    var random = new Random(sender);
    for (var n = 0; ; n++)
    {
        var batch = Enumerable.Range(0, random.Next(1, 11))
            .Select(i => new OutgoingMessage(Encoding.UTF8.GetBytes($"{run}-{sender}-{n}-{i}")) { MessageId = $"{run}-{sender}-{n}-{i}" })
            .ToList();
        await bus.SendAsync("storm", batch);
        Console.WriteLine("SENT " + string.Join(',', batch.Select(m => m.MessageId)));
    }
}));

var receivers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        foreach (var message in await bus.ReceiveAsync("storm", 10, TimeSpan.FromSeconds(1)))
        {
            Console.WriteLine("RECV " + message.MessageId);
            await bus.CompleteAsync("storm", message.LockToken);
            Console.WriteLine("DONE " + message.MessageId);
        }
    }
}));

await Task.WhenAll(senders.Concat(receivers));
return 0;
