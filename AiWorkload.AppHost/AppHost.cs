// The Aspire AppHost: the local Service Bus (or an existing namespace) and the three services, under the dashboard.
// Targets Aspire.Hosting 13.6.5 (DistributedApplication.CreateBuilder, AddConnectionString, ExecutionContext.IsPublishMode,
// WithExternalHttpEndpoints, WithEndpoint(name, callback)) and AiWorkload.Hosting.LocalServiceBus.
using AiWorkload.AppHost;
using AiWorkload.Hosting.LocalServiceBus;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// A configured ConnectionStrings:messaging (user secrets, environment) means an existing namespace, as does publishing;
// otherwise the local Service Bus runs here, its data under .aiworkload/servicebus next to the AppHost.
var mode = ServiceBusHosting.SelectMode(
    builder.ExecutionContext.IsPublishMode,
    builder.Configuration.GetConnectionString(ServiceBusHosting.ConnectionName));
var dataRoot = WorkloadStorage.DataRoot(builder);
var localBus = mode == ServiceBusHostingMode.LocalServiceBus
    ? builder.AddLocalServiceBus(ServiceBusHosting.ConnectionName, BuiltAssemblies.PathOf("AiWorkload.ServiceBus"), Path.Combine(dataRoot, "servicebus"))
        .WithTopologyResources(WorkloadTopology.Model, WorkloadServices.Names)
    : null;
IResourceBuilder<IResourceWithConnectionString> messaging = localBus ?? builder.AddConnectionString(ServiceBusHosting.ConnectionName);

// The services share their catalog (models, datasets, versions) and orchestration runs, and the retraining service keeps
// model artifacts. Containers on separate machines share no disk, so a published app asks for a PostgreSQL database and a
// Blob Storage account; on this machine one data directory does, unless they are configured here too.
var storage = WorkloadStorage.Select(builder, dataRoot);

var services = new WorkloadServices(builder, messaging, localBus, storage);
var retraining = services.Add<Projects.AiWorkload_Retraining>(WorkloadServices.Retraining, artifacts: storage.Artifacts);
var orchestrator = services.Add<Projects.AiWorkload_Orchestrator>(WorkloadServices.Orchestrator);

// The api is the product's one address, as Standalone's is: it forwards predictions to retraining and runs, pipelines
// and decisions to orchestrator, found through service discovery.
services.Add<Projects.AiWorkload_Api>(WorkloadServices.Api, port: WorkloadServices.ApiPort(builder), calls: [retraining, orchestrator]);

builder.Build().Run();
