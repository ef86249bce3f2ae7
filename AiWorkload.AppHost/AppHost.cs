// The Aspire AppHost: Service Bus (the emulator, or an existing namespace) and the three services, under the dashboard.
// Targets Aspire.AppHost.Sdk 13.5.2 / Aspire.Hosting 13.5.2 (DistributedApplication.CreateBuilder, AddConnectionString,
// ExecutionContext.IsPublishMode/IsRunMode, AppHostDirectory, WithExternalHttpEndpoints) and Aspire.Hosting.Azure.ServiceBus
// 13.5.2; see Directory.Packages.props.
using AiWorkload.AppHost;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// A configured ConnectionStrings:messaging (user secrets, environment) means an existing namespace, as does publishing.
var mode = ServiceBusHosting.SelectMode(
    builder.ExecutionContext.IsPublishMode,
    builder.Configuration.GetConnectionString(ServiceBusHosting.ConnectionName));
var emulator = mode == ServiceBusHostingMode.Emulator
    ? builder.AddEmulatedServiceBus(WorkloadTopology.Model, WorkloadServices.Names)
    : null;
IResourceBuilder<IResourceWithConnectionString> messaging = emulator ?? builder.AddConnectionString(ServiceBusHosting.ConnectionName);

// The services share their catalog (models, datasets, versions) and orchestration runs, and the retraining service keeps
// model artifacts. Containers on separate machines share no disk, so a published app asks for a PostgreSQL database and a
// Blob Storage account; on this machine one data directory does, unless they are configured here too.
var storage = WorkloadStorage.Select(builder);

builder.AddWorkloadService<Projects.AiWorkload_Api>(WorkloadServices.Api, messaging, emulator, storage).WithExternalHttpEndpoints();
var retraining = builder.AddWorkloadService<Projects.AiWorkload_Retraining>(WorkloadServices.Retraining, messaging, emulator, storage);
if (storage.Artifacts is not null)
{
    retraining.WithReference(storage.Artifacts);
}

builder.AddWorkloadService<Projects.AiWorkload_Orchestrator>(WorkloadServices.Orchestrator, messaging, emulator, storage);

builder.Build().Run();
