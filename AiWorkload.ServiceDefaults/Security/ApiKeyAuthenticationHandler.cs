using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the configured keys. The presented key is hashed and compared with
/// every configured hash in constant time, so neither timing nor logs reveal a key; only a key's Name is ever logged.
/// With no key configured, loopback callers are served as <see cref="ApiKeyDefaults.LocalCallerName"/> and others refused.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<ApiKeyOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string MissingKey = "Send an API key in the X-Api-Key header.";
    private const string UnknownKey = "The API key is not valid.";
    private const string RemoteWithoutKeys = "No API key is configured on this service, so it accepts requests from this machine only.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyDefaults.HeaderName];
        if (keys.Value.LocalOnly)
        {
            return Task.FromResult(IsLoopback(Context.Connection.RemoteIpAddress)
                ? Success(ApiKeyDefaults.LocalCallerName, [ApiKeyDefaults.ReadScope, ApiKeyDefaults.WriteScope])
                : AuthenticateResult.Fail(RemoteWithoutKeys));
        }

        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail("Send one X-Api-Key header, not several."));
        }

        var match = Find(presented[0]!);
        if (match is null)
        {
            Logger.LogWarning("Rejected an unknown API key from {RemoteAddress} for {Method} {Path}", Context.Connection.RemoteIpAddress, Request.Method, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail(UnknownKey));
        }

        Logger.LogDebug("Authenticated API key {KeyName}", match.Name);
        return Task.FromResult(Success(match.Name, match.Scopes));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure?.Message ?? MissingKey);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Context.User.Identity?.Name ?? "the caller";
        var granted = string.Join(", ", Context.User.FindAll(ApiKeyDefaults.ScopeClaim).Select(c => c.Value));
        var required = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList() ?? [];
        var needed = required.Contains(ApiKeyDefaults.WritePolicy) ? ApiKeyDefaults.WriteScope : string.Join(", ", required);
        Logger.LogInformation("API key {KeyName} lacks the scope for {Method} {Path}", caller, Request.Method, Request.Path);
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"The API key '{caller}' has the scopes [{granted}]; this operation needs the '{needed}' scope.");
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private AuthenticateResult Success(string name, IEnumerable<string> scopes)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(scopes.Select(scope => new Claim(ApiKeyDefaults.ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>Hashes once, then compares with every configured key without stopping early.</summary>
    private ApiKeyCredential? Find(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        ApiKeyCredential? match = null;
        foreach (var key in keys.Value.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Sha256.Span))
            {
                match = key;
            }
        }

        return match;
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Microsoft.AspNetCore.Http.Results.Problem(detail: detail, statusCode: status, title: title, instance: Request.Path).ExecuteAsync(Context);
}
