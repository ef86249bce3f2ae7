using AiWorkload.ServiceBus.Testing;
using System.Net;

namespace AiWorkload.Messaging.Administration.Tests;

public sealed class BadInputTests
{
    private static string Entry(string inner) => "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\"><QueueDescription xmlns=\"http://schemas.microsoft.com/netservices/2010/10/servicebus/connect\">" + inner + "</QueueDescription></content></entry>";

    [Theory]
    [InlineData("/bad-xml", "<entry><content>", HttpStatusCode.BadRequest, "not well-formed")]
    [InlineData("/bad-unknown", "<Colour>blue</Colour>", HttpStatusCode.BadRequest, "unknown element 'Colour'")]
    [InlineData("/bad-value", "<MaxDeliveryCount>many</MaxDeliveryCount>", HttpStatusCode.BadRequest, "MaxDeliveryCount")]
    [InlineData("/bad-twice", "<MaxDeliveryCount>1</MaxDeliveryCount><MaxDeliveryCount>2</MaxDeliveryCount>", HttpStatusCode.BadRequest, "given twice")]
    [InlineData("/bad@name", "", HttpStatusCode.BadRequest, "may not contain '@'")]
    [InlineData("/bad%20name", "", HttpStatusCode.BadRequest, "white space")]
    [InlineData("/a/../escaped", "", HttpStatusCode.BadRequest, "dot segments")]
    [InlineData("/a/%2e%2e/escaped", "", HttpStatusCode.BadRequest, "dot segments")]
    [InlineData("/a%2F..%2Fescaped", "", HttpStatusCode.BadRequest, "encoded '/'")]
    [InlineData("/$Resources/queues", "", HttpStatusCode.MethodNotAllowed, "read-only")]
    public async Task Bad_requests_get_a_precise_4xx_and_change_nothing(string path, string description, HttpStatusCode expected, string detail)
    {
        await using var host = await LocalHost.StartAsync();
        var before = await host.Admin().GetQueuesAsync().ToListAsync();
        var body = description.StartsWith("<entry", StringComparison.Ordinal) ? description : Entry(description);

        var (status, error) = await host.SendRawAsync("PUT", path + "?api-version=2021-05", body);

        Assert.Equal(expected, status);
        Assert.Contains(detail, error, StringComparison.Ordinal);
        var after = await host.Admin().GetQueuesAsync().ToListAsync();
        Assert.Equal(before.Select(q => q.Name), after.Select(q => q.Name));
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_parsed()
    {
        await using var host = await LocalHost.StartAsync();
        var huge = Entry("<UserMetadata>" + new string('x', 2 * 1024 * 1024) + "</UserMetadata>");
        var (status, _) = await host.SendRawAsync("PUT", "/huge?api-version=2021-05", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.False((await host.Admin().QueueExistsAsync("huge")).Value);
    }

    [Fact]
    public async Task A_dtd_is_refused()
    {
        await using var host = await LocalHost.StartAsync();
        var body = "<!DOCTYPE entry [<!ENTITY x \"y\">]>" + Entry("");
        var (status, error) = await host.SendRawAsync("PUT", "/dtd?api-version=2021-05", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("DTD", error, StringComparison.Ordinal);
    }
}
