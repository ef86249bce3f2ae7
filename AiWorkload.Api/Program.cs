// Composition root: the ingestion API on Azure Service Bus, and the gateway to the other two services' APIs.
// The Azure adapter registers the ServiceBusClient from ConnectionStrings:messaging (AddAzureClients) and a health check of it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// The port traces every send and handler; the SDK's own spans (switched on in the csproj) add its network detail.
builder.AddAzureServiceBusTransport();
builder.AddIngestion();
builder.AddSharedWorkloadStorage();
builder.AddServiceGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIngestionApi();
app.MapServiceGateway();
app.Run();

/// <summary>Visible to the thin-host tests, which host this exact composition root.</summary>
public partial class Program;
