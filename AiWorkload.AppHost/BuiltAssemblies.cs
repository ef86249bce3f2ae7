using System.Reflection;

namespace AiWorkload.AppHost;

/// <summary>
/// Where the build put the assemblies this AppHost runs with <c>dotnet</c>: the csproj's RecordBuiltAssemblies target
/// writes each one's path into <c>[AssemblyMetadata("BuiltAssembly:{project}", path)]</c>.
/// </summary>
internal static class BuiltAssemblies
{
    public static string PathOf(string projectName) =>
        typeof(BuiltAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BuiltAssembly:" + projectName)?.Value
        ?? throw new InvalidOperationException($"The AppHost was built without the path of {projectName}.dll; rebuild it.");
}
