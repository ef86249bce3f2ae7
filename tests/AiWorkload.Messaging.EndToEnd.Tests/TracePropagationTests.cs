using System.Diagnostics;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>One trace crosses HTTP -> bus -> handler -> bus -> handler, with producer and consumer spans as OpenTelemetry names them.</summary>
public sealed class TracePropagationTests
{
    private static readonly MessageSource Orchestrator = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription);
    private static readonly MessageSource Retraining = MessageSource.Queue(WorkloadTopology.RetrainingQueue);

    [Fact]
    public async Task Send_and_process_spans_chain_into_the_callers_trace_through_two_hops()
    {
        using var spans = new ActivityCollector();
        using var testSource = new ActivitySource(ActivityCollector.TestSourceName);
        await using var bus = await TestBus.StartAsync(m => m
            .AddProcessor(Orchestrator).AddHandler<TrainingRequested, TestHandler<TrainingRequested>>()
            .AddProcessor(Retraining).AddHandler<RetrainModel, TestHandler<RetrainModel>>());
        bus.Script.OnMessage = (message, _, ct) => message is TrainingRequested requested
            ? bus.Bus.SendAsync(new RetrainModel(requested.ModelId, 1), cancellationToken: ct)
            : Task.CompletedTask;

        ActivityTraceId traceId;
        using (var request = testSource.StartActivity("POST /signals", ActivityKind.Server)!)
        {
            traceId = request.TraceId;
            await bus.Bus.PublishAsync(new TrainingRequested("churn", WorkloadTopology.ModelTrainingTrigger, "d1"));
        }

        var request0 = await spans.WaitForAsync(traceId, a => a.DisplayName == "POST /signals");
        var publish = await spans.WaitForAsync(traceId, a => a.DisplayName == "send workload-events");
        var processEvent = await spans.WaitForAsync(traceId, a => a.DisplayName == "process workload-events/orchestrator");
        var sendCommand = await spans.WaitForAsync(traceId, a => a.DisplayName == "send model-retraining");
        var processCommand = await spans.WaitForAsync(traceId, a => a.DisplayName == "process model-retraining");

        Assert.Equal(request0.SpanId, publish.ParentSpanId);
        Assert.Equal(publish.SpanId, processEvent.ParentSpanId);
        Assert.Equal(processEvent.SpanId, sendCommand.ParentSpanId);
        Assert.Equal(sendCommand.SpanId, processCommand.ParentSpanId);
        Assert.Equal(publish.SpanId, Assert.Single(processEvent.Links).Context.SpanId);
        Assert.Equal(sendCommand.SpanId, Assert.Single(processCommand.Links).Context.SpanId);

        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("servicebus", publish.GetTagItem("messaging.system"));
        Assert.Equal("workload-events", publish.GetTagItem("messaging.destination.name"));
        Assert.Equal("send", publish.GetTagItem("messaging.operation.type"));
        Assert.Equal("training-requested-churn-d1", publish.GetTagItem("messaging.message.id"));
        Assert.Equal("churn", publish.GetTagItem("messaging.message.conversation_id"));

        Assert.Equal(ActivityKind.Consumer, processEvent.Kind);
        Assert.Equal("servicebus", processEvent.GetTagItem("messaging.system"));
        Assert.Equal("workload-events", processEvent.GetTagItem("messaging.destination.name"));
        Assert.Equal("orchestrator", processEvent.GetTagItem("messaging.destination.subscription.name"));
        Assert.Equal("process", processEvent.GetTagItem("messaging.operation.type"));
        Assert.Equal("training-requested-churn-d1", processEvent.GetTagItem("messaging.message.id"));
        Assert.Equal(1, processEvent.GetTagItem("messaging.servicebus.message.delivery_count"));
        Assert.Equal("complete", processEvent.GetTagItem("messaging.servicebus.disposition_status"));
        Assert.Equal(ActivityStatusCode.Unset, processEvent.Status);

        Assert.Equal("model-retraining", processCommand.GetTagItem("messaging.destination.name"));
        Assert.Null(processCommand.GetTagItem("messaging.destination.subscription.name"));

        // The Azure SDK reads the same traceparent from Diagnostic-Id, so a handler on either adapter continues the trace.
        var retrain = bus.Recorder.Handled.Single(h => h.Message is RetrainModel).Context;
        var traceParent = $"00-{traceId}-{sendCommand.SpanId}-01";
        Assert.Equal(traceParent, retrain.Properties[MessageProperties.TraceParent]);
        Assert.Equal(traceParent, retrain.Properties[MessageProperties.DiagnosticId]);
    }

    [Fact]
    public async Task A_failed_process_span_is_marked_with_the_error()
    {
        using var spans = new ActivityCollector();
        using var testSource = new ActivitySource(ActivityCollector.TestSourceName);
        await using var bus = await TestBus.StartAsync(m => m.AddProcessor(MessageSource.Queue(TestTopology.Work)).AddHandler<Ping, TestHandler<Ping>>());
        bus.Script.OnMessage = (_, _, _) => throw new PoisonMessageException("bad");

        ActivityTraceId traceId;
        using (var request = testSource.StartActivity("POST /ping")!)
        {
            traceId = request.TraceId;
            await bus.Bus.SendAsync(new Ping("p"));
        }

        var process = await spans.WaitForAsync(traceId, a => a.DisplayName == "process work");
        Assert.Equal(ActivityStatusCode.Error, process.Status);
        Assert.Equal(typeof(PoisonMessageException).FullName, process.GetTagItem("error.type"));
        Assert.Equal("dead_letter", process.GetTagItem("messaging.servicebus.disposition_status"));
        Assert.Contains(process.Events, e => e.Name == "exception");
    }
}
