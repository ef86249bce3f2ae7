using AiWorkload.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneSettings(args);
builder.AddServiceDefaults();
builder.AddStandaloneServiceBus();
builder.AddAmqpEndpoint();
builder.AddIngestion();
builder.AddRetraining();
builder.AddOrchestration();
builder.AddSharedWorkloadStorage();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngestionApi();
app.MapInferenceApi();
app.MapOrchestrationApi();
app.PrintBannerOnStart();
app.Run();

/// <summary>Visible to the end-to-end tests, which host this exact composition root.</summary>
public partial class Program;
