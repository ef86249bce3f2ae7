using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

/// <summary><c>get-message-sessions</c>, which the .NET SDK no longer exposes but other clients and tools send.</summary>
public sealed class SessionBrowsingTests
{
    [Fact]
    public async Task Get_message_sessions_pages_through_the_sessions_that_hold_messages()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        await using (var sender = bus.Client().CreateSender("sessions"))
        {
            foreach (var session in new[] { "c", "a", "b" })
            {
                await sender.SendMessageAsync(new ServiceBusMessage(session) { SessionId = session });
            }
        }

        var connection = await AmqpClient.OpenAsync(bus.Host.Options.Port, new SaslPlainHandler { AuthenticationIdentity = "RootManageSharedAccessKey", Password = "SAS_KEY_VALUE" });
        var amqpSession = await AmqpClient.SessionAsync(connection);
        var management = new RequestResponseAmqpLink("mgmt", amqpSession, "sessions/$management", null);
        await management.OpenAsync(AmqpClient.Timeout);

        var (first, firstSkip) = await ListAsync(management, skip: 0, top: 2);
        var (rest, _) = await ListAsync(management, skip: firstSkip, top: 2);

        Assert.Equal(["a", "b"], first);
        Assert.Equal(2, firstSkip);
        Assert.Equal(["c"], rest);
        await connection.CloseAsync(AmqpClient.Timeout);
    }

    private static async Task<(string[] Sessions, int Skip)> ListAsync(RequestResponseAmqpLink management, int skip, int top)
    {
        var body = new AmqpMap
        {
            [new MapKey("last-updated-time")] = DateTime.MaxValue,
            [new MapKey("skip")] = skip,
            [new MapKey("top")] = top,
        };
        var request = AmqpMessage.Create(new AmqpValue { Value = body });
        request.ApplicationProperties.Map["operation"] = "com.microsoft:get-message-sessions";
        using var response = await management.RequestAsync(request, AmqpClient.Timeout);
        Assert.Equal(200, (int)response.ApplicationProperties.Map["statusCode"]);
        var map = (AmqpMap)response.ValueBody.Value;
        return ((string[])map[new MapKey("sessions-ids")], (int)map[new MapKey("skip")]);
    }
}
