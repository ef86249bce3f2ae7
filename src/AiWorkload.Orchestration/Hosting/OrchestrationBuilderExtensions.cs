using System.Text.Json.Serialization.Metadata;
using AiWorkload.Orchestration;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Pipelines;

namespace Microsoft.Extensions.DependencyInjection;

public static class OrchestrationBuilderExtensions
{
    /// <summary>Adds an activity type (a singleton); one with a built-in's <see cref="IActivity.Type"/> replaces the built-in.</summary>
    public static IOrchestrationBuilder AddActivity<TActivity>(this IOrchestrationBuilder builder)
        where TActivity : class, IActivity
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IActivity, TActivity>();
        return builder;
    }

    /// <summary>Adds a pipeline declared in C#; a pipeline of the same name from configuration or the pipelines file replaces it.</summary>
    public static IOrchestrationBuilder AddPipeline(this IOrchestrationBuilder builder, PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pipeline);
        builder.Services.Configure<OrchestrationOptions>(o => o.Pipelines.Add(pipeline));
        return builder;
    }

    /// <summary>
    /// Lets activities send or publish <typeparamref name="TMessage"/> through the outbox. The type must also be registered
    /// with the messaging port (AddCommand or AddEvent).
    /// </summary>
    public static IOrchestrationBuilder AddOutboxMessage<TMessage>(this IOrchestrationBuilder builder, JsonTypeInfo<TMessage> json)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<TMessage>(json));
        return builder;
    }
}
