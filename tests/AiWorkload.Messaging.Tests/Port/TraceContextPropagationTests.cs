using System.Diagnostics;
using AiWorkload.Messaging.Telemetry;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class TraceContextPropagationTests
{
    private static readonly ActivityContext Sampled = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=x");

    [Fact]
    public void The_context_is_written_as_traceparent_tracestate_and_Diagnostic_Id()
    {
        var properties = new Dictionary<string, object?>();

        TraceContextPropagation.Inject(Sampled, properties);

        var expected = $"00-{Sampled.TraceId}-{Sampled.SpanId}-01";
        Assert.Equal(expected, properties[MessageProperties.TraceParent]);
        Assert.Equal(expected, properties[MessageProperties.DiagnosticId]);
        Assert.Equal("vendor=x", properties[MessageProperties.TraceState]);
    }

    [Fact]
    public void An_injected_context_is_extracted_as_a_remote_parent()
    {
        var properties = new Dictionary<string, object?>();
        TraceContextPropagation.Inject(Sampled, properties);

        Assert.True(TraceContextPropagation.TryExtract(properties, out var context));

        Assert.Equal(Sampled.TraceId, context.TraceId);
        Assert.Equal(Sampled.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal("vendor=x", context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Fact]
    public void A_message_from_the_Azure_SDK_with_only_Diagnostic_Id_continues_its_trace()
    {
        var traceParent = $"00-{Sampled.TraceId}-{Sampled.SpanId}-00";
        var properties = new Dictionary<string, object?> { [MessageProperties.DiagnosticId] = traceParent };

        Assert.True(TraceContextPropagation.TryExtract(properties, out var context));

        Assert.Equal(Sampled.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.None, context.TraceFlags);
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("|abc.def.")] // the legacy hierarchical id format
    [InlineData(42)]
    public void Anything_but_a_W3C_traceparent_is_ignored(object value)
    {
        var properties = new Dictionary<string, object?> { [MessageProperties.TraceParent] = value };

        Assert.False(TraceContextPropagation.TryExtract(properties, out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void No_context_leaves_the_properties_alone()
    {
        var properties = new Dictionary<string, object?>();

        TraceContextPropagation.Inject(default, properties);

        Assert.Empty(properties);
    }
}
