namespace AiWorkload.Edge.Tests.Contract;

/// <summary>
/// A test that needs the Service Bus administration API: a real namespace serves it with the messaging connection string;
/// the local AMQP face does not serve it at all, so there the test is skipped unless
/// <see cref="ServiceBusNamespace.AdministrationVariable"/> names an administration endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresAdministrationFactAttribute : FactAttribute
{
    public RequiresAdministrationFactAttribute()
    {
        if (!ServiceBusNamespace.HasAdministration)
        {
            Skip = $"The local AMQP face has no administration (HTTP ATOM) API: set {ServiceBusNamespace.AdministrationVariable} " +
                $"(with {ServiceBusNamespace.ConnectionVariable}) to run this test against a namespace or the emulator.";
        }
    }
}
