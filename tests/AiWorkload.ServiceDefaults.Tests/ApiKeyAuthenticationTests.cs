using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Tests;

public sealed class ApiKeyAuthenticationTests
{
    [Fact]
    public async Task A_request_without_a_key_gets_401_problem_details_with_a_challenge()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        using var client = app.Client();

        var response = await client.GetAsync(new Uri("/api/things", UriKind.Relative));

        var problem = await ProblemJson.ReadAsync(response, 401);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_unknown_key_gets_401_and_is_never_logged()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        const string guessed = "guessed-key-that-must-not-appear-in-logs";
        using var client = app.Client(guessed);

        var response = await client.PostAsync(new Uri("/api/things", UriKind.Relative), null);

        var problem = await ProblemJson.ReadAsync(response, 401);
        Assert.Equal("The API key is not valid.", problem.GetProperty("detail").GetString());
        Assert.Contains(app.Logs.Lines, line => line.Contains("Rejected an unknown API key", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(guessed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_with_the_write_scope_reads_and_writes_and_only_its_name_is_logged()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        using var client = app.Client(SecuredApp.WriterKey);

        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/things", UriKind.Relative));
        var written = await client.PostAsync(new Uri("/api/things", UriKind.Relative), null);

        Assert.Equal("trainer-bot", read.GetProperty("caller").GetString());
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains(app.Logs.Lines, line => line.Contains("Authenticated API key trainer-bot", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(SecuredApp.WriterKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_only_key_configured_by_its_SHA256_reads_but_gets_403_problem_details_on_writes()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        using var client = app.Client(SecuredApp.ReaderKey);

        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/things", UriKind.Relative));
        var written = await client.PostAsync(new Uri("/api/things", UriKind.Relative), null);

        Assert.Equal("dashboard", read.GetProperty("caller").GetString());
        var problem = await ProblemJson.ReadAsync(written, 403);
        Assert.Contains("'dashboard'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("'write' scope", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(SecuredApp.ReaderKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configured_keys_apply_to_loopback_callers_too()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        using var client = app.Client(remoteAddress: "127.0.0.1");

        await ProblemJson.ReadAsync(await client.GetAsync(new Uri("/api/things", UriKind.Relative)), 401);
    }

    [Fact]
    public async Task Without_configured_keys_loopback_callers_are_served_with_every_scope_and_a_warning_is_logged()
    {
        await using var app = await SecuredApp.StartAsync([]);
        using var client = app.Client();
        using var ipv6 = app.Client(remoteAddress: "::1");

        var read = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/things", UriKind.Relative));
        var written = await ipv6.PostAsync(new Uri("/api/things", UriKind.Relative), null);

        Assert.Equal(ApiKeyDefaults.LocalCallerName, read.GetProperty("caller").GetString());
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("No API key is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_configured_keys_a_caller_on_another_machine_gets_401_even_with_a_key()
    {
        await using var app = await SecuredApp.StartAsync([]);
        using var client = app.Client(apiKey: "anything-at-all-0123456789", remoteAddress: "10.1.2.3");

        var problem = await ProblemJson.ReadAsync(await client.GetAsync(new Uri("/api/things", UriKind.Relative)), 401);

        Assert.Contains("this machine only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_from_another_machine_is_served_when_keys_are_configured()
    {
        await using var app = await SecuredApp.StartAsync(SecuredApp.TwoKeys());
        using var client = app.Client(SecuredApp.WriterKey, remoteAddress: "10.1.2.3");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/things", UriKind.Relative), null)).StatusCode);
    }

    [Theory]
    [InlineData("Authentication:ApiKeys:0:Name", "", "Name is required")]
    [InlineData("Authentication:ApiKeys:0:Scopes:1", "admin", "Scopes has 'admin'")]
    [InlineData("Authentication:ApiKeys:1:KeySha256", "not-hex", "KeySha256 must be 64 hexadecimal characters")]
    [InlineData("Authentication:ApiKeys:0:Key", "short", "shorter than 16 characters")]
    [InlineData("Authentication:ApiKeys:1:Name", "TRAINER-BOT", "used by another key")]
    public async Task A_misconfigured_key_stops_the_host_at_start_naming_the_setting(string setting, string value, string expected)
    {
        var settings = SecuredApp.TwoKeys();
        settings[setting] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecuredApp.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Authentication:ApiKeys:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_given_both_in_clear_and_as_a_hash_is_refused()
    {
        var settings = SecuredApp.TwoKeys();
        settings["Authentication:ApiKeys:0:KeySha256"] = new string('a', 64);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecuredApp.StartAsync(settings));

        Assert.Contains("Authentication:ApiKeys:0 needs exactly one of Key or KeySha256", error.Message, StringComparison.Ordinal);
    }
}
