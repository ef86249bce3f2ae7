using System.Reflection;
using AiWorkload.Bench;

var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var suite = args.Length > 0 ? suites.FirstOrDefault(s => s.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (suite is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/AiWorkload.Bench -- <suite> [options]");
    foreach (var s in suites)
    {
        Console.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await suite.RunAsync(args[1..], cts.Token);
