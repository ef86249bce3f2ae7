using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

/// <summary>A plain AMQP 1.0 client (the library the SDK is built on), for what the SDK never does: other SASL mechanisms, raw links.</summary>
internal static class AmqpClient
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task<AmqpConnection> OpenAsync(int port, SaslHandler? sasl) =>
        new AmqpConnectionFactory().OpenConnectionAsync(new Uri($"amqp://127.0.0.1:{port}"), sasl, Timeout);

    public static async Task<AmqpSession> SessionAsync(AmqpConnection connection)
    {
        var session = connection.CreateSession(new AmqpSessionSettings());
        await session.OpenAsync(Timeout);
        return session;
    }

    public static async Task<SendingAmqpLink> SenderAsync(AmqpSession session, string address)
    {
        var settings = new AmqpLinkSettings
        {
            LinkName = "sender-" + Guid.NewGuid().ToString("N"),
            Role = false,
            Source = new Source { Address = "client" },
            Target = new Target { Address = address },
            SettleType = SettleMode.SettleOnReceive,
        };
        var link = new SendingAmqpLink(settings);
        link.AttachTo(session);
        await link.OpenAsync(Timeout);
        return link;
    }

    public static Task<Outcome> SendAsync(SendingAmqpLink link, string body) =>
        link.SendMessageAsync(
            AmqpMessage.Create(new Data { Value = new ArraySegment<byte>(Encoding.UTF8.GetBytes(body)) }),
            new ArraySegment<byte>(Guid.NewGuid().ToByteArray()),
            AmqpConstants.NullBinary,
            Timeout);

    /// <summary>Puts a token on $cbs and returns the status code the broker answered with.</summary>
    public static async Task<int> PutTokenAsync(AmqpSession session, string audience, string token)
    {
        var cbs = new RequestResponseAmqpLink("cbs", session, "$cbs", null);
        await cbs.OpenAsync(Timeout);
        var request = AmqpMessage.Create(new AmqpValue { Value = token });
        request.ApplicationProperties.Map["operation"] = "put-token";
        request.ApplicationProperties.Map["type"] = "servicebus.windows.net:sastoken";
        request.ApplicationProperties.Map["name"] = audience;
        using var response = await cbs.RequestAsync(request, Timeout);
        await cbs.CloseAsync(Timeout);
        return (int)response.ApplicationProperties.Map["status-code"];
    }

    /// <summary>A shared access signature as the Service Bus SDKs build it.</summary>
    public static string SasToken(string resource, string keyName, string key, DateTimeOffset expiry)
    {
        var encoded = Uri.EscapeDataString(resource);
        var seconds = expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encoded + "\n" + seconds)));
        return $"SharedAccessSignature sr={encoded}&sig={Uri.EscapeDataString(signature)}&se={seconds}&skn={keyName}";
    }
}
