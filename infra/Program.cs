// Targets Pulumi 3.114.2 (Deployment.RunAsync) and Pulumi.AzureNative 3.28.0; see Directory.Packages.props.
using AiWorkload.Infra;
using AiWorkload.Messaging.Topology;
using Pulumi;

// The topology is the product's single source of truth: the embedded engine and the AppHost read the same model.
return await Deployment.RunAsync(() => ServiceBusStack.Build(WorkloadTopology.Model, StackSettings.Load()));
