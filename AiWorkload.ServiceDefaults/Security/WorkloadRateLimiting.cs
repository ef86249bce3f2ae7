using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Security;

/// <summary>
/// The <see cref="ApiKeyDefaults.RateLimitPolicy"/> policy: a fixed window per authenticated key name, else per remote
/// address, so one noisy client (or one guessing keys) cannot starve the others. Rejections are 429 ProblemDetails with Retry-After.
/// </summary>
internal static class WorkloadRateLimiting
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
        options.AddPolicy(ApiKeyDefaults.RateLimitPolicy, context =>
        {
            var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    /// <summary>Authentication runs first, so a known key is counted by its name wherever the client connects from.</summary>
    internal static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? $"key:{name}"
            : $"address:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkloadRateLimiting).FullName!)
            .LogInformation("Rate limit reached for {Partition} on {Method} {Path}", PartitionKey(context), context.Request.Method, context.Request.Path);
        await Results.Problem(
            detail: $"Too many requests for this caller; retry after {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            instance: context.Request.Path).ExecuteAsync(context);
    }
}
