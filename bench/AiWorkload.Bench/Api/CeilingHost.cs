using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Bench.Api;

/// <summary>
/// The machine's ceiling for the api suite: plain minimal-API endpoints with no middleware, built with the same
/// <see cref="WebApplication.CreateBuilder(string[])"/> defaults (Kestrel, HTTP/1.1 on loopback) and the same log levels as
/// AiWorkload.Standalone, run as a Release child process like it. Predict answers a fixed JSON body of the product's size
/// and shape; ingest reads the whole body, as the product must, and answers a fixed JSON body.
/// </summary>
internal static class CeilingHost
{
    public const string PredictPath = "ceiling/predict";
    public const string IngestPath = "ceiling/ingest";

    private static readonly byte[] PredictJson = Encoding.UTF8.GetBytes(
        """{"modelId":"customer-churn","version":1,"prediction":{"label":"yes","probabilities":{"no":0.12345678901234568,"yes":0.8765432109876543}}}""");

    private static readonly byte[] IngestJson = Encoding.UTF8.GetBytes(
        """{"datasetId":"churn-ingest","batchId":"ingest-1","rowsAdded":100000,"totalRows":100000,"dataVersion":1,"alreadyStored":false}""");

    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(["--urls", urls]);

        // AiWorkload.Standalone's appsettings.json: without them the ceiling would log every request and the product not.
        builder.Configuration["Logging:LogLevel:Default"] = "Information";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        var app = builder.Build();
        app.MapPost(PredictPath, (HttpContext context) => WriteAsync(context.Response, StatusCodes.Status200OK, PredictJson, context.RequestAborted));
        app.MapPost(IngestPath, async (HttpContext context) =>
        {
            var buffer = new byte[64 * 1024];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }

            await WriteAsync(context.Response, StatusCodes.Status201Created, IngestJson, context.RequestAborted);
        });
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static Task WriteAsync(HttpResponse response, int status, byte[] json, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, cancellationToken).AsTask();
    }
}
