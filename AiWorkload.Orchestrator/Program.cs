// Composition root: the orchestration service on Azure Service Bus.
// The Azure adapter registers the ServiceBusClient from ConnectionStrings:messaging (AddAzureClients) and a health check of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// The port traces every send and handler; the SDK's own spans (switched on in the csproj) add its network detail.
builder.AddAzureServiceBusTransport();
builder.AddOrchestration();
builder.AddSharedWorkloadStorage();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrchestrationApi();
app.Run();

/// <summary>Visible to the thin-host tests, which host this exact composition root.</summary>
public partial class Program;
