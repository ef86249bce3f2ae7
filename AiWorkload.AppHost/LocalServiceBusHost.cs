using System.Reflection;

namespace AiWorkload.AppHost;

/// <summary>Where the build put AiWorkload.ServiceBus.dll (the csproj's AddLocalServiceBusHostPath target records it).</summary>
internal static class LocalServiceBusHost
{
    public static string AssemblyPath { get; } =
        typeof(LocalServiceBusHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LocalServiceBusHost")?.Value
        ?? throw new InvalidOperationException("The AppHost was built without the LocalServiceBusHost path; rebuild it.");
}
