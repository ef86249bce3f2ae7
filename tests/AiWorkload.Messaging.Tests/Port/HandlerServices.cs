using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Messaging.Tests.Port;

/// <summary>Just enough of a service provider to hand the dispatcher one handler instance per scope.</summary>
internal sealed class HandlerServices(object handler) : IServiceProvider, IServiceScopeFactory, IServiceScope
{
    public int ScopesCreated { get; private set; }

    public IServiceProvider ServiceProvider => this;

    public object? GetService(Type serviceType) => serviceType.IsInstanceOfType(handler) ? handler : null;

    public IServiceScope CreateScope()
    {
        ScopesCreated++;
        return this;
    }

    public void Dispose()
    {
    }
}
