// Composition root: the orchestration service on Azure Service Bus. Targets Aspire.Azure.Messaging.ServiceBus 13.5.2
// (AspireServiceBusExtensions.AddAzureServiceBusClient, AzureMessagingServiceBusSettings.DisableTracing); see Directory.Packages.props.
using AiWorkload.Messaging.Topology.AppModel;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// The port traces every send and handler; the SDK's own spans (switched on in the csproj) add its network detail.
builder.AddAzureServiceBusClient(ServiceBusHosting.ConnectionName, settings => settings.DisableTracing = false);
builder.AddAzureServiceBusTransport();
builder.AddOrchestration();
builder.AddSharedWorkloadStorage();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrchestrationApi();
app.Run();
