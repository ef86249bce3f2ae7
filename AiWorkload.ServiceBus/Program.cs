using AiWorkload.ServiceBus;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddLocalServiceBusSettings(args);
builder.AddLocalServiceBus();
builder.AddAmqpEndpoint();

var app = builder.Build();
app.MapHealthChecks("/health");
app.PrintConnectionStringOnStart();
app.Run();
