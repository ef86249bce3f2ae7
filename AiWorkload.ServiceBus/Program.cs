using AiWorkload.ServiceBus;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddLocalServiceBusSettings(args);
builder.AddLocalServiceBus();
builder.AddAmqpEndpoint();
builder.AddServiceBusAdministration();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapServiceBusAdministration();
app.PrintConnectionStringOnStart();
app.Run();

/// <summary>Visible to tests that host this composition in-process.</summary>
public partial class Program;
