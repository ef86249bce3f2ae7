using Azure.Core;

namespace AiWorkload.Training.Tests.Artifacts;

/// <summary>A token credential that hands out a fixed token and records the scopes asked for, in place of Entra ID.</summary>
internal sealed class RecordingCredential : TokenCredential
{
    public const string Token = "test-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.AddRange(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
