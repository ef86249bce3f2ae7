using AiWorkload.ServiceBus.Testing;
using System.Net;
using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;

namespace AiWorkload.Messaging.Administration.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Each_failure_has_the_service_status_and_the_sdk_exception()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        await admin.CreateQueueAsync(new CreateQueueOptions("err-queue") { RequiresSession = true });

        var missing = await Assert.ThrowsAsync<ServiceBusException>(() => admin.GetQueueAsync("no-such-queue"));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, missing.Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, (await Assert.ThrowsAsync<ServiceBusException>(() => admin.GetSubscriptionAsync("no-topic", "s"))).Reason);
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, (await Assert.ThrowsAsync<ServiceBusException>(() => admin.DeleteTopicAsync("no-topic"))).Reason);

        var exists = await Assert.ThrowsAsync<ServiceBusException>(() => admin.CreateQueueAsync("err-queue"));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityAlreadyExists, exists.Reason);

        // The SDK makes RequiresSession read-only on update; a raw update that tries gets the service's 400.
        var sessionOff = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\"><QueueDescription xmlns=\"http://schemas.microsoft.com/netservices/2010/10/servicebus/connect\"><RequiresSession>false</RequiresSession></QueueDescription></content></entry>";
        var (immutable, detail) = await host.SendRawAsync("PUT", "/err-queue?api-version=2021-05", sessionOff, headers: new Dictionary<string, string> { ["If-Match"] = "*" });
        Assert.Equal(HttpStatusCode.BadRequest, immutable);
        Assert.Contains("RequiresSession cannot be changed", detail, StringComparison.Ordinal);
        Assert.True((await admin.GetQueueAsync("err-queue")).Value.RequiresSession);

        var metadata = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateQueueAsync(new CreateQueueOptions("err-meta") { UserMetadata = "owner" }));
        Assert.Contains("UserMetadata", metadata.Message, StringComparison.Ordinal);
        var idle = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateQueueAsync(new CreateQueueOptions("err-idle") { AutoDeleteOnIdle = TimeSpan.FromHours(1) }));
        Assert.Contains("AutoDeleteOnIdle", idle.Message, StringComparison.Ordinal);
        var status = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateTopicAsync(new CreateTopicOptions("err-topic") { Status = EntityStatus.Disabled }));
        Assert.Contains("Status", status.Message, StringComparison.Ordinal);
        var parameters = new SqlRuleFilter("a = @a");
        parameters.Parameters["@a"] = 1;
        await admin.CreateTopicAsync("err-topic");
        await admin.CreateSubscriptionAsync("err-topic", "s");
        var sqlParameters = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateRuleAsync("err-topic", "s", new CreateRuleOptions("p", parameters)));
        Assert.Contains("Parameters", sqlParameters.Message, StringComparison.Ordinal);
        var lockDuration = await Assert.ThrowsAsync<ArgumentException>(() => admin.CreateQueueAsync(new CreateQueueOptions("err-lock") { LockDuration = TimeSpan.FromMinutes(10) }));
        Assert.Contains("LockDuration", lockDuration.Message, StringComparison.Ordinal);
        Assert.False((await admin.QueueExistsAsync("err-meta")).Value);

        var wrongKey = new ServiceBusAdministrationClient(host.AdminConnectionString.Replace("SAS_KEY_VALUE", "wrong", StringComparison.Ordinal));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => wrongKey.GetQueueAsync("err-queue"));
        var (noToken, body) = await host.SendRawAsync("GET", "/err-queue?api-version=2021-05", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken);
        Assert.Contains("<Error><Code>401</Code>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_a_current_one_updates()
    {
        await using var host = await LocalHost.StartAsync();
        var admin = host.Admin();
        await admin.CreateQueueAsync("etag-queue");
        var response = await admin.GetQueueAsync("etag-queue");
        Assert.True(response.GetRawResponse().Headers.TryGetValue("ETag", out var etag));

        await Task.Delay(20);
        var queue = response.Value;
        queue.MaxDeliveryCount = 5;
        await admin.UpdateQueueAsync(queue);

        var entry = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\"><QueueDescription xmlns=\"http://schemas.microsoft.com/netservices/2010/10/servicebus/connect\"><MaxDeliveryCount>6</MaxDeliveryCount></QueueDescription></content></entry>";
        var (stale, _) = await host.SendRawAsync("PUT", "/etag-queue?api-version=2021-05", entry, headers: new Dictionary<string, string> { ["If-Match"] = etag ?? "" });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal(5, (await admin.GetQueueAsync("etag-queue")).Value.MaxDeliveryCount);

        string current = (await admin.GetQueueAsync("etag-queue")).GetRawResponse().Headers.ETag?.ToString() ?? "";
        var (ok, _) = await host.SendRawAsync("PUT", "/etag-queue?api-version=2021-05", entry, headers: new Dictionary<string, string> { ["If-Match"] = current ?? "" });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(6, (await admin.GetQueueAsync("etag-queue")).Value.MaxDeliveryCount);
        _ = typeof(ETag);
    }
}
