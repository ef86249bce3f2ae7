namespace AiWorkload.Messaging.Rules.Tests.Conformance;

public static partial class ConformanceCases
{
    private static IEnumerable<ConformanceCase> Identifiers() =>
    [
        M("[Property With Space] = 'space'"),
        M("[HR-EmployeeID] = 'E42'"),
        M("\"Contoso & Northwind\" = 'both'"),
        M("[a]]b] = 'bracket'"),
        M("\"q\"\"uote\" = 'dq'"),
        M("user.[Property With Space] = 'space'"),
        M("user.\"Contoso & Northwind\" = 'both'"),
        M("[property with space] = 'space'"), // names are case-insensitive
        M("Ünïcödé = 'uni'"),
        M("COLOR = 'red'"),
        M("user.Color = 'red'"),
        M("USER.color = 'red'"),
        M("[color] = 'red'"),
        M("\"color\" = 'red'"),
        M("[_x] = 1"),
        S("_x = 1"), // a regular identifier starts with a letter (docs)
        S("x.y = 1"), // the only scopes are sys and user
        S("user. = 1"),
        S("user.and = 1"), // a regular identifier cannot be a keyword
        S("[] = 1"),
        S("[color = 'red'"),
    ];

    private static IEnumerable<ConformanceCase> SystemScope() =>
    [
        M("sys.MessageId = '123456' AND userProp1 = 'value1'"),
        M("sys.MessageID = '123456'"),
        M("SYS.MESSAGEID = '123456'"),
        M("sys.Label = 'bus-event'"),
        N("sys.label = 'Bus-Event'"),
        M("sys.To = 'Store5'"),
        M("sys.CorrelationId = 'abc-123'"),
        M("sys.ContentType = 'application/json'"),
        M("sys.SessionId = 'session-1'"),
        M("sys.ReplyTo = 'replies'"),
        M("sys.[Label] = 'bus-event'"),
        M("sys.SequenceNumber = 42"),
        M("sys.DeliveryCount >= 1"),
        M("sys.EnqueuedTimeUtc < sys.ExpiresAtUtc"),
        M("sys.TimeToLive = sys.ExpiresAtUtc - sys.EnqueuedTimeUtc"),
        M("sys.LockToken = sys.LockToken"),
        N("sys.ReplyToSessionId = 'x'"), // known but unset: unknown
        N("sys.MessageId = 'x'", TestMessages.Empty),
        N("user.MessageId = '123456'"), // user scope is not system scope
        N("MessageId = '123456'"), // and user is the default scope
        S("sys.Foo = 1"),
        S("sys.Subject = 'x'"), // SQL spells it sys.Label
        S("sys. = 1"),
    ];

    private static IEnumerable<ConformanceCase> Functions() =>
    [
        M("property('color') = 'red'"),
        M("p('color') = 'red'"),
        M("P('color') = 'red'"),
        M("PROPERTY('color') = 'red'"),
        M("p('user.color') = 'red'"),
        M("p('sys.Label') = 'bus-event'"),
        M("p('sys.label') = 'bus-event'"),
        M("p('Property With Space') = 'space'"),
        M("p('col' + 'or') = 'red'"),
        M("p(keyname) = 'red'"),
        M("p(sysname) = 'bus-event'"),
        M("p(NULL) IS NULL"),
        N("p('missing') = 1"),
        N("p(missing) = 1"),
        E("p(badsys) = 1"),
        E("p(quantity) = 1"),
        S("p('sys.Nope') = 1"),
        S("p(5) = 1"),
        S("p() = 1"),
        N("newid() = newid()"),
        M("newid() <> newid()"),
        E("newid() = 'x'"),
        S("foo() = 1"),
        S("newid(1) = 1"),
    ];

    private static IEnumerable<ConformanceCase> Literals() =>
    [
        M("name = 'O''Brien'"),
        M("'It''s' = 'It''s'"),
        M("'' = empty"),
        M("empty = ''"),
        M("'a' + '' = 'a'"),
        M("1.5E1 = 15"),
        M("0.5E-2 = 0.005"),
        M("101.5E5 = 10150000"),
        M("1894.1204 > 1894"),
        M("2.0 = 2"),
        M(".5 = 0.5"),
        M("5. = 5"),
        M("1e3 = 1000"),
        M("TRUE = TRUE"),
        M("FALSE <> TRUE"),
        S("name = 'O'Brien'"),
        S("name = 'unterminated"),
        S("99999999999999999999 = 1"),
        S("1E400 = 1"),
        S("1e = 1"),
        S("12abc = 1"),
    ];

    private static IEnumerable<ConformanceCase> DocumentationSamples() =>
    [
        M("user.trigger = 'model_training'"),
        N("user.trigger = 'model_training'", TestMessages.Empty),
        M("sys.Label = 'x' AND user.color IN ('red','blue')", TestMessages.LabelX),
        N("sys.Label = 'x' AND user.color IN ('red','blue')"),
        M("sys.Label LIKE '%bus%'"),
        M("sys.Label LIKE '%bus%' OR user.tag IN ('queue', 'topic', 'subscription')"),
        M("sys.label LIKE '%bus%'"),
        M("sys.messageid = '123456'"),
        M("sys.correlationid like 'abc-%'"),
        M("user.SuperHero like 'SuperMan%'"),
        N("StoreId IN('Store1', 'Store2', 'Store3')"),
        M("sys.To IN ('Store5','Store6','Store7') OR StoreId = 'Store8'"),
        N("sys.To NOT IN ('Store1','Store2','Store3','Store4','Store5','Store6','Store7','Store8') OR StoreId NOT IN ('Store1','Store2','Store3','Store4','Store5','Store6','Store7','Store8')"),
        M("\"http://schemas.microsoft.com/xrm/2011/Claims/EntityLogicalName\" = 'account'"),
        M("color='blue' AND quantity=10", TestMessages.BlueOrder),
        N("color='blue' AND quantity=10"),
        M("user.color='red'"),
        N("user.color='red'", TestMessages.BlueOrder),
        N("MessageProperty = 1", TestMessages.Numbers),
        M("MessageProperty > 1", TestMessages.Numbers),
        M("MessageProperty > 2.08", TestMessages.Numbers),
        N("MessageProperty = 1 AND MessageProperty2 = 3", TestMessages.Numbers),
        M("MessageProperty = 1 OR MessageProperty2 = 3", TestMessages.Numbers),
        M("1=1", TestMessages.Empty),
        N("1=0", TestMessages.Empty),
    ];

    private static IEnumerable<ConformanceCase> Malformed() =>
    [
        S(string.Empty),
        S("   "),
        S("color"),
        S("color ="),
        S("= 1"),
        S("(color = 'red'"),
        S("color = 'red')"),
        S("color = 'red' AND"),
        S("AND color = 'red'"),
        S("1 + 2"),
        S("color = 'red' = TRUE"),
        S("(color = 'red') = TRUE"),
        S("color = #"),
        S("color == 'red'"),
        S("color ! 'red'"),
        S("NOT 1"),
        S("TRUE"),
        S("color AND quantity = 1"),
        S("color IS 'x'"),
        S("color IS NOT 'x'"),
        S("@undefined = 1"),
        S("color = 'red' quantity = 10"),
        S("color = 'red';"),
    ];
}
