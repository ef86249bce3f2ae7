namespace AiWorkload.Messaging.Rules.Tests;

/// <summary>Named messages the conformance table refers to, so each table row stays a serializable triple.</summary>
public static class TestMessages
{
    public const string Order = "order";
    public const string Empty = "empty";
    public const string LabelX = "labelX";
    public const string BlueOrder = "blueOrder";
    public const string Numbers = "numbers";

    public static readonly DateTime Created = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static TestMessage Create(string name) => name switch
    {
        Order => CreateOrder(),
        Empty => new TestMessage(),
        LabelX => new TestMessage().Sys(SystemProperties.Label, "x").App("color", "blue"),

        // The documentation's filter sample: Order { Color = "blue", Quantity = 10, Priority = "low" }.
        BlueOrder => new TestMessage()
            .Sys(SystemProperties.CorrelationId, "low")
            .Sys(SystemProperties.Label, "blue")
            .App("color", "blue").App("quantity", 10).App("priority", "low"),
        Numbers => new TestMessage().App("MessageProperty", 3).App("MessageProperty2", 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test message"),
    };

    private static TestMessage CreateOrder() => new TestMessage()
        .Sys(SystemProperties.MessageId, "123456")
        .Sys(SystemProperties.Label, "bus-event")
        .Sys(SystemProperties.To, "Store5")
        .Sys(SystemProperties.CorrelationId, "abc-123")
        .Sys(SystemProperties.ContentType, "application/json")
        .Sys(SystemProperties.SessionId, "session-1")
        .Sys(SystemProperties.ReplyTo, "replies")
        .Sys(SystemProperties.SequenceNumber, 42L)
        .Sys(SystemProperties.DeliveryCount, 1)
        .Sys(SystemProperties.EnqueuedTimeUtc, Created)
        .Sys(SystemProperties.ExpiresAtUtc, Created.AddHours(1))
        .Sys(SystemProperties.TimeToLive, TimeSpan.FromHours(1))
        .Sys(SystemProperties.LockToken, Id)
        .App("color", "red")
        .App("quantity", 10)
        .App("priority", "high")
        .App("price", 9.5)
        .App("isUrgent", true)
        .App("trigger", "model_training")
        .App("userProp1", "value1")
        .App("StoreId", "Store8")
        .App("tag", "topic")
        .App("SuperHero", "SuperMan Returns")
        .App("name", "O'Brien")
        .App("path", "ABC%")
        .App("path2", "ABCD")
        .App("under", "a_c")
        .App("under2", "abc")
        .App("br", "[r]ed")
        .App("pat", "r%")
        .App("keyname", "color")
        .App("sysname", "sys.Label")
        .App("badsys", "sys.Nope")
        .App("nothing", null)
        .App("empty", string.Empty)
        .App("text5", "5")
        .App("zero", 0)
        .App("neg", -5)
        .App("big", 5_000_000_000L)
        .App("small", (short)3)
        .App("tiny", (byte)2)
        .App("f", 1.5f)
        .App("dec", 2.5m)
        .App("u", 7u)
        .App("ul", 8UL)
        .App("created", Created)
        .App("later", Created.AddDays(1))
        .App("duration", TimeSpan.FromDays(1))
        .App("id", Id)
        .App("Property With Space", "space")
        .App("HR-EmployeeID", "E42")
        .App("Contoso & Northwind", "both")
        .App("a]b", "bracket")
        .App("q\"uote", "dq")
        .App("Ünïcödé", "uni")
        .App("_x", 1)
        .App("http://schemas.microsoft.com/xrm/2011/Claims/EntityLogicalName", "account");
}
