using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class ProcessorTests
{
    [Fact]
    public async Task A_processor_processes_and_completes_every_message()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 10).Select(i => new ServiceBusMessage($"w-{i}")).ToList());

        var seen = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = client.CreateProcessor("orders", new ServiceBusProcessorOptions { MaxConcurrentCalls = 2, PrefetchCount = 5 });
        processor.ProcessMessageAsync += args =>
        {
            seen.Enqueue(args.Message.Body.ToString());
            if (seen.Count == 10)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Enqueue(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await processor.StopProcessingAsync();

        Assert.Empty(errors);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"w-{i}").Order(), seen.Order());
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_session_processor_processes_every_session_in_order()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("sessions");
        var messages = new List<ServiceBusMessage>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var session in new[] { "s1", "s2", "s3" })
            {
                messages.Add(new ServiceBusMessage($"{session}-{i}") { SessionId = session });
            }
        }

        await sender.SendMessagesAsync(messages);

        var seen = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var errors = new ConcurrentQueue<Exception>();
        var count = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = client.CreateSessionProcessor("sessions", new ServiceBusSessionProcessorOptions
        {
            MaxConcurrentSessions = 2,
            SessionIdleTimeout = TimeSpan.FromSeconds(1),
        });
        processor.ProcessMessageAsync += args =>
        {
            seen.GetOrAdd(args.SessionId, _ => new ConcurrentQueue<string>()).Enqueue(args.Message.Body.ToString());
            if (Interlocked.Increment(ref count) == 12)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Enqueue(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await processor.StopProcessingAsync();

        Assert.Equal(["s1", "s2", "s3"], seen.Keys.Order());
        foreach (var (session, bodies) in seen)
        {
            Assert.Equal(Enumerable.Range(0, 4).Select(i => $"{session}-{i}"), bodies);
        }

        Assert.Equal(0, bus.Engine.GetRuntimeProperties("sessions").ActiveMessageCount);
        Assert.DoesNotContain(errors, e => e is not ServiceBusException { Reason: ServiceBusFailureReason.ServiceTimeout });
    }
}
