using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Security;

/// <summary>A mistyped key must stop the host at start, not lock every caller out at the first request.</summary>
internal sealed class ApiKeyOptionsValidation : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
