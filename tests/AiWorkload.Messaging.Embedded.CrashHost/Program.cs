using System.Text;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Embedded.CrashHost;
using AiWorkload.Messaging.Topology;

// A storm for crash tests. Every line is printed only after the engine acknowledged the operation, so the parent
// knows exactly what must survive when it kills this process with SIGKILL.
//   storm  <dir>: concurrent sends and peek-lock receives on a queue
//   fanout <dir>: concurrent publishes to a topic with five subscriptions
if (args.Length < 2 || args[0] is not ("storm" or "fanout"))
{
    Console.Error.WriteLine("usage: CrashHost storm|fanout <data-dir>");
    return 2;
}

await using var bus = await EmbeddedServiceBus.OpenAsync(new EmbeddedServiceBusOptions { DataDirectory = args[1], Topology = CrashTopology.Model });
var run = Guid.NewGuid().ToString("N")[..8];
var target = args[0] == "storm" ? CrashTopology.Queue : CrashTopology.Topic;
Console.WriteLine("READY");

var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
{
    var random = new Random(sender);
    for (var n = 0; ; n++)
    {
        var batch = Enumerable.Range(0, random.Next(1, 11))
            .Select(i => new OutgoingMessage(Encoding.UTF8.GetBytes($"{run}-{sender}-{n}-{i}")) { MessageId = $"{run}-{sender}-{n}-{i}" })
            .ToList();
        await bus.SendAsync(target, batch);
        Console.WriteLine("SENT " + string.Join(',', batch.Select(m => m.MessageId)));
    }
}));

var receivers = args[0] != "storm" ? [] : Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        foreach (var message in await bus.ReceiveAsync(CrashTopology.Queue, 10, TimeSpan.FromSeconds(1)))
        {
            Console.WriteLine("RECV " + message.MessageId);
            await bus.CompleteAsync(CrashTopology.Queue, message.LockToken);
            Console.WriteLine("DONE " + message.MessageId);
        }
    }
}));

await Task.WhenAll(senders.Concat(receivers));
return 0;
