namespace AiWorkload.Messaging.Rules.Tests;

public sealed class SystemPropertiesTests
{
    [Theory]
    [InlineData("label", "Label")]
    [InlineData("MESSAGEID", "MessageId")]
    [InlineData("replytosessionid", "ReplyToSessionId")]
    [InlineData("EnqueuedTimeUtc", "EnqueuedTimeUtc")]
    public void Names_resolve_case_insensitively_to_the_canonical_spelling(string name, string canonical)
    {
        Assert.True(SystemProperties.TryGetCanonicalName(name, out var resolved));
        Assert.Equal(canonical, resolved);
    }

    [Theory]
    [InlineData("Subject")]
    [InlineData("EnqueuedTime")]
    [InlineData("Body")]
    [InlineData("")]
    public void Other_names_are_not_system_properties(string name)
    {
        Assert.False(SystemProperties.TryGetCanonicalName(name, out var resolved));
        Assert.Null(resolved);
        Assert.False(SystemProperties.IsSettable(name));
        Assert.Throws<ArgumentException>(() => SystemProperties.GetValueType(name));
    }

    [Fact]
    public void The_list_matches_the_brokered_message_properties()
    {
        Assert.Equal(23, SystemProperties.All.Count);
        Assert.Equal(
            ["ContentType", "CorrelationId", "ForcePersistence", "Label", "MessageId", "PartitionKey", "ReplyTo",
                "ReplyToSessionId", "ScheduledEnqueueTimeUtc", "SessionId", "TimeToLive", "To", "ViaPartitionKey"],
            SystemProperties.Settable);
        Assert.False(SystemProperties.IsSettable("sequencenumber"));
        Assert.Equal(typeof(long), SystemProperties.GetValueType("SequenceNumber"));
        Assert.Equal(typeof(TimeSpan), SystemProperties.GetValueType("timetolive"));
    }

    [Fact]
    public void Every_system_property_is_usable_in_a_filter()
    {
        Assert.All(SystemProperties.All, name => SqlFilter.Compile($"sys.{name} IS NULL"));
    }
}
