using AiWorkload.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneSettings(args);
builder.AddServiceDefaults();
builder.AddStandaloneServiceBus();
builder.AddIngestion();
builder.AddRetraining();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngestionApi();
app.MapInferenceApi();
app.PrintBannerOnStart();
app.Run();
