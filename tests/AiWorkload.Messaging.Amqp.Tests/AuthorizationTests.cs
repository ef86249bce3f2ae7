using System.Net;
using System.Security.Cryptography;
using System.Text;
using AiWorkload.Messaging.Amqp.Security;
using Azure.Messaging.ServiceBus;
using SqlRuleFilter = Azure.Messaging.ServiceBus.Administration.SqlRuleFilter;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class AuthorizationTests
{
    private static readonly SharedAccessKey Manager = new("manager", "manage-key-value", AccessRights.Manage);
    private static readonly SharedAccessKey Sender = new("sender", "send-key-value", AccessRights.Send);
    private static readonly SharedAccessKey Listener = new("listener", "listen-key-value", AccessRights.Listen);

    private static Task<LocalServiceBus> StartWithKeysAsync() => LocalServiceBus.StartAsync(configure: o =>
    {
        o.Keys.Add(Manager);
        o.Keys.Add(Sender);
        o.Keys.Add(Listener);
    });

    private static string SignedConnectionString(LocalServiceBus bus, string keyName, string key, DateTimeOffset expiry)
    {
        var resource = $"sb://127.0.0.1:{bus.Host.Options.Port}/";
        var encoded = WebUtility.UrlEncode(resource);
        var se = expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encoded + "\n" + se)));
        var sas = $"SharedAccessSignature sr={encoded}&sig={WebUtility.UrlEncode(signature)}&se={se}&skn={keyName}";
        return $"Endpoint=sb://127.0.0.1:{bus.Host.Options.Port};SharedAccessSignature={sas};UseDevelopmentEmulator=true;";
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(bus.ConnectionStringFor(new SharedAccessKey("RootManageSharedAccessKey", "not-the-key", AccessRights.Manage)), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_token_signed_with_the_key_is_accepted()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(SignedConnectionString(bus, "RootManageSharedAccessKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddHours(1)));
        await using var sender = client.CreateSender("orders");

        await sender.SendMessageAsync(new ServiceBusMessage("signed"));

        Assert.Equal(1, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task An_expired_token_is_unauthorized()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client(SignedConnectionString(bus, "RootManageSharedAccessKey", "SAS_KEY_VALUE", DateTimeOffset.UtcNow.AddMinutes(-5)), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
        Assert.Equal(0, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_send_only_key_can_send_but_cannot_receive()
    {
        await using var bus = await StartWithKeysAsync();
        var client = bus.Client(bus.ConnectionStringFor(Sender), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("allowed"));
        await using var receiver = client.CreateReceiver("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => receiver.PeekMessageAsync());
        Assert.Equal(1, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_listen_only_key_can_receive_but_cannot_send()
    {
        await using var bus = await StartWithKeysAsync();
        var manager = bus.Client(bus.ConnectionStringFor(Manager));
        await using (var managerSender = manager.CreateSender("orders"))
        {
            await managerSender.SendMessageAsync(new ServiceBusMessage("for listener"));
        }

        var client = bus.Client(bus.ConnectionStringFor(Listener), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);
        await receiver.CompleteMessageAsync(received);
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
    }

    [Fact]
    public async Task A_send_only_key_cannot_manage_rules()
    {
        await using var bus = await StartWithKeysAsync();
        var client = bus.Client(bus.ConnectionStringFor(Sender), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var rules = client.CreateRuleManager("events", "all");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rules.CreateRuleAsync("nope", new SqlRuleFilter("1=1")));
    }

    [Fact]
    public async Task The_development_key_is_refused_when_other_keys_are_configured()
    {
        await using var bus = await StartWithKeysAsync();
        var client = bus.Client(bus.ConnectionStringFor(SharedAccessKey.DevelopmentDefault), Receiving.NoRetries(TimeSpan.FromSeconds(5)));
        await using var sender = client.CreateSender("orders");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
    }
}
