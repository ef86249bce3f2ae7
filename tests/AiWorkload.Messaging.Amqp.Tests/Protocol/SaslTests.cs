using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

public sealed class SaslTests
{
    [Fact]
    public async Task Sasl_plain_with_a_key_name_and_key_may_send_without_a_token()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslPlainHandler { AuthenticationIdentity = "RootManageSharedAccessKey", Password = "SAS_KEY_VALUE" });
        var session = await AmqpClient.SessionAsync(connection);
        var sender = await AmqpClient.SenderAsync(session, "orders");

        var outcome = await AmqpClient.SendAsync(sender, "plain");

        Assert.IsType<Accepted>(outcome);
        Assert.Equal(1, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    [Fact]
    public async Task Sasl_plain_with_a_wrong_key_is_refused_at_connection()
    {
        await using var bus = await LocalServiceBus.StartAsync();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslPlainHandler { AuthenticationIdentity = "RootManageSharedAccessKey", Password = "wrong" }));
    }

    [Fact]
    public async Task Sasl_anonymous_connects_but_may_not_attach_without_a_token()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslAnonymousHandler());
        var session = await AmqpClient.SessionAsync(connection);

        var refused = await Assert.ThrowsAsync<AmqpException>(() => AmqpClient.SenderAsync(session, "orders"));

        Assert.Equal(AmqpErrorCode.UnauthorizedAccess, refused.Error.Condition);
        Assert.Contains("Send", refused.Error.Description, StringComparison.Ordinal);
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    [Fact]
    public async Task Without_sasl_a_client_puts_a_token_on_cbs_and_then_sends()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, sasl: null);
        var session = await AmqpClient.SessionAsync(connection);
        var audience = $"sb://127.0.0.1/orders";
        var token = AmqpClient.SasToken(audience, "RootManageSharedAccessKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.Equal(202, await AmqpClient.PutTokenAsync(session, audience, token));
        var sender = await AmqpClient.SenderAsync(session, "orders");

        Assert.IsType<Accepted>(await AmqpClient.SendAsync(sender, "no sasl"));
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    [Fact]
    public async Task A_token_for_one_entity_does_not_open_another()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslAnonymousHandler("MSSBCBS"));
        var session = await AmqpClient.SessionAsync(connection);
        var token = AmqpClient.SasToken("sb://127.0.0.1/orders", "RootManageSharedAccessKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(202, await AmqpClient.PutTokenAsync(session, "sb://127.0.0.1/orders", token));

        var refused = await Assert.ThrowsAsync<AmqpException>(() => AmqpClient.SenderAsync(session, "deduplicated"));

        Assert.Equal(AmqpErrorCode.UnauthorizedAccess, refused.Error.Condition);
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    [Fact]
    public async Task A_forged_or_expired_token_is_answered_401_with_the_reason()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslAnonymousHandler("MSSBCBS"));
        var session = await AmqpClient.SessionAsync(connection);
        var audience = "sb://127.0.0.1/orders";

        Assert.Equal(401, await AmqpClient.PutTokenAsync(session, audience, AmqpClient.SasToken(audience, "RootManageSharedAccessKey", "not-the-key", DateTimeOffset.UtcNow.AddMinutes(5))));
        Assert.Equal(401, await AmqpClient.PutTokenAsync(session, audience, AmqpClient.SasToken(audience, "RootManageSharedAccessKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(401, await AmqpClient.PutTokenAsync(session, audience, AmqpClient.SasToken(audience, "NoSuchKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddMinutes(5))));
        await Assert.ThrowsAsync<AmqpException>(() => AmqpClient.SenderAsync(session, "orders"));
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    [Fact]
    public async Task Every_attach_answer_carries_max_message_size()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslPlainHandler { AuthenticationIdentity = "RootManageSharedAccessKey", Password = "SAS_KEY_VALUE" });
        var session = await AmqpClient.SessionAsync(connection);

        var sender = await AmqpClient.SenderAsync(session, "orders");

        Assert.Equal((ulong)bus.Engine.MaxMessageSizeBytes, sender.Settings.MaxMessageSize);
        await connection.CloseAsync(AmqpClient.Timeout);
    }
}
