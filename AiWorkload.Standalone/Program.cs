using AiWorkload.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneSettings(args);
builder.AddServiceDefaults();
builder.AddStandaloneServiceBus();

var app = builder.Build();
app.MapDefaultEndpoints();
app.PrintBannerOnStart();
app.Run();
