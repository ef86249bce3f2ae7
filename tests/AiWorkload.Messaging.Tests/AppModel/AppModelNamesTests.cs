using AiWorkload.Messaging.Topology.AppModel;

namespace AiWorkload.Messaging.Tests.AppModel;

/// <summary>Entity names become valid, unique Aspire resource names.</summary>
public sealed class AppModelNamesTests
{
    [Theory]
    [InlineData("model-retraining", "model-retraining")]
    [InlineData("orders.v2/incoming", "orders-v2-incoming")]
    [InlineData("a__b", "a-b")]
    [InlineData("2024-runs", "sb-2024-runs")]
    [InlineData("trailing_", "trailing")]
    public void Characters_Aspire_refuses_become_single_hyphens(string entity, string expected)
    {
        Assert.Equal(expected, AppModelNames.ToResourceName(entity));
    }

    [Fact]
    public void Long_names_are_cut_to_Aspires_limit_without_a_trailing_hyphen()
    {
        var name = AppModelNames.ToResourceName(new string('a', 63) + "-b");

        Assert.Equal(new string('a', 63), name);
        Assert.True(name.Length <= AppModelNames.MaxLength);
    }

    [Fact]
    public void A_subscription_is_named_after_its_topic_so_it_never_clashes_with_a_project()
    {
        Assert.Equal("workload-events-orchestrator", AppModelNames.Subscription("workload-events", "orchestrator"));
    }
}
