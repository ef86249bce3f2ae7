using AiWorkload.Messaging.Serialization;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class MessageIdsTests
{
    [Fact]
    public void A_derived_id_appends_the_suffix_to_the_original()
    {
        Assert.Equal("retrain-churn-v4:retry-2", MessageIds.Derive("retrain-churn-v4", "retry-2"));
    }

    [Fact]
    public void A_derived_id_of_a_long_original_is_a_stable_hash_within_the_limit()
    {
        var original = new string('x', 128);

        var first = MessageIds.Derive(original, "resubmit-1");

        Assert.True(first.Length <= 128);
        Assert.EndsWith(":resubmit-1", first, StringComparison.Ordinal);
        Assert.Equal(first, MessageIds.Derive(original, "resubmit-1"));
        Assert.NotEqual(first, MessageIds.Derive(original + "y", "resubmit-1"));
    }
}
