using System.Net;
using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Tests;

public sealed class RateLimitingTests
{
    private static Dictionary<string, string?> Limited(int permits)
    {
        var settings = SecuredApp.TwoKeys();
        settings["RateLimiting:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["RateLimiting:WindowSeconds"] = "120";
        return settings;
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_problem_details_with_Retry_After_while_other_keys_are_served()
    {
        await using var app = await SecuredApp.StartAsync(Limited(3));
        using var writer = app.Client(SecuredApp.WriterKey);
        using var reader = app.Client(SecuredApp.ReaderKey);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        }

        var limited = await writer.GetAsync(new Uri("/api/things", UriKind.Relative));

        await ProblemJson.ReadAsync(limited, 429);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 120);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_key_is_counted_by_name_wherever_it_connects_from()
    {
        await using var app = await SecuredApp.StartAsync(Limited(2));
        using var first = app.Client(SecuredApp.WriterKey, remoteAddress: "10.0.0.1");
        using var second = app.Client(SecuredApp.WriterKey, remoteAddress: "10.0.0.2");

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_guessing_keys_are_limited_per_address()
    {
        await using var app = await SecuredApp.StartAsync(Limited(2));
        using var guesser = app.Client("wrong-key-0000000000000000", remoteAddress: "10.9.9.9");
        using var other = app.Client(remoteAddress: "10.8.8.8");

        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync(new Uri("/api/things", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_non_positive_limit_stops_the_host_at_start()
    {
        var settings = Limited(0);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecuredApp.StartAsync(settings));

        Assert.Contains("RateLimiting:PermitLimit", error.Message, StringComparison.Ordinal);
    }
}
