using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>Send, rule routing, handler and settlement on the product topology, with the engine's real subscriptions.</summary>
public sealed class RoutingTests
{
    private static readonly MessageSource Orchestrator = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription);
    private static readonly MessageSource Training = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.TrainingSubscription);

    [Fact]
    public async Task An_event_reaches_every_default_subscription_and_the_training_subscription_only_when_its_SQL_rule_matches()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Orchestrator).AddHandler<TrainingRequested, TestHandler<TrainingRequested>>()
            .AddProcessor(Training).AddHandler<TrainingRequested, TestHandler<TrainingRequested>>());

        await bus.Bus.PublishAsync(new TrainingRequested("churn", WorkloadTopology.ModelTrainingTrigger, "d1"));
        await bus.Bus.PublishAsync(new TrainingRequested("churn", "data_ingested", "d2"));

        // Three deliveries: both events to the orchestrator ($Default), only the model_training one to training (SQL rule).
        var handled = await bus.Recorder.WaitForCountAsync(3);
        var training = handled.Where(h => h.Context.Source == Training).ToList();
        var orchestrator = handled.Where(h => h.Context.Source == Orchestrator).ToList();
        Assert.Equal(["d1"], training.Select(h => h.As<TrainingRequested>().DatasetVersion));
        Assert.Equal(["d1", "d2"], orchestrator.Select(h => h.As<TrainingRequested>().DatasetVersion).Order());

        var engine = await bus.GetEngineAsync();
        foreach (var subscription in new[] { WorkloadTopology.PreprocessingSubscription, WorkloadTopology.InferenceSubscription })
        {
            Assert.Equal(2, engine.Peek(EntityPaths.Subscription(WorkloadTopology.WorkloadEventsTopic, subscription), 0, 10).Count);
        }

        await bus.WaitUntilEmptyAsync(Training.EntityPath);
        await bus.WaitUntilEmptyAsync(Orchestrator.EntityPath);
    }

    [Fact]
    public async Task The_envelope_carries_subject_idempotency_key_correlation_and_the_routing_properties()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Orchestrator).AddHandler<TrainingRequested, TestHandler<TrainingRequested>>());

        await bus.Bus.PublishAsync(new TrainingRequested("fraud", WorkloadTopology.ModelTrainingTrigger, "v7"));

        var context = (await bus.Recorder.WaitForCountAsync(1))[0].Context;
        Assert.Equal("training-requested-fraud-v7", context.MessageId);
        Assert.Equal(context.MessageId, context.TransportMessageId);
        Assert.Equal(nameof(TrainingRequested), context.Subject);
        Assert.Equal("fraud", context.CorrelationId);
        Assert.Equal("application/json", context.ContentType);
        Assert.Equal(nameof(TrainingRequested), context.Properties[MessageProperties.EventType]);
        Assert.Equal(WorkloadTopology.ModelTrainingTrigger, context.Properties[MessageProperties.Trigger]);
        Assert.Equal("fraud", context.Properties[MessageProperties.ModelId]);
        Assert.Equal(1, context.DeliveryCount);
        Assert.Equal(1, context.Attempt);
        Assert.True(context.SequenceNumber > 0);
        Assert.Null(context.Session);
    }

    [Fact]
    public async Task Per_send_options_override_the_conventions()
    {
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(MessageSource.Queue(TestTopology.Work)).AddHandler<Ping, TestHandler<Ping>>());

        await bus.Bus.SendAsync(new Ping("1"), new MessageOptions
        {
            MessageId = "chosen-id",
            CorrelationId = "corr",
            TimeToLive = TimeSpan.FromMinutes(5),
            Properties = new Dictionary<string, object?> { ["priority"] = 3 },
        });

        var context = (await bus.Recorder.WaitForCountAsync(1))[0].Context;
        Assert.Equal("chosen-id", context.MessageId);
        Assert.Equal("corr", context.CorrelationId);
        Assert.Equal(3, context.Properties["priority"]);
        Assert.Equal(context.EnqueuedTime + TimeSpan.FromMinutes(5), context.ExpiresAt);
    }

    [Fact]
    public async Task A_message_without_an_idempotency_key_is_refused_before_it_reaches_the_broker()
    {
        await using var bus = await TestBus.StartAsync(m => m.AddCommand(TestTopology.Fragile, TestJsonContext.Default.Unkeyed));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.Bus.SendAsync(new Unkeyed("x")));
        Assert.Contains("has no MessageId", error.Message, StringComparison.Ordinal);

        await bus.Bus.SendAsync(new Unkeyed("y"), new MessageOptions { MessageId = "unkeyed-y" });
        var engine = await bus.GetEngineAsync();
        Assert.Equal(["unkeyed-y"], engine.Peek(TestTopology.Fragile, 0, 10).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Commands_are_sent_and_events_published_never_the_other_way_round()
    {
        await using var bus = await TestBus.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.Bus.PublishAsync(new Ping("x")));
        Assert.Contains("use SendAsync", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bus.Bus.SendAsync(new TrainingRequested("m", "t", "d")));
    }

    [Fact]
    public async Task Events_and_commands_are_checked_against_the_topology_when_the_host_starts()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBus.StartAsync(pingQueue: "no-such-queue"));
        Assert.Contains("no-such-queue", error.Message, StringComparison.Ordinal);
    }
}
