using AiWorkload.Messaging.Amqp.Security;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;

namespace AiWorkload.Messaging.Amqp.Connections;

/// <summary>
/// The TCP listener and what a new transport negotiates: SASL with MSSBCBS (the .NET SDK), ANONYMOUS (rhea), PLAIN
/// (a key name and key), or a bare AMQP header with no SASL at all. Only tokens or a key grant rights afterwards.
/// </summary>
internal sealed class AmqpListener(AmqpServiceBusOptions options, IRuntimeProvider runtime, ILogger logger) : IDisposable
{
    private AmqpTransportListener? _listener;
    private AmqpSettings _settings = new();

    public void Start()
    {
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(new AmqpVersion(1, 0, 0));
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        sasl.AddHandler(new SaslAnonymousHandler());
        sasl.AddHandler(new SaslPlainHandler(new SharedAccessKeyAuthenticator(options.EffectiveKeys)));

        var settings = new AmqpSettings { RuntimeProvider = runtime };
        settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(new AmqpVersion(1, 0, 0));
        settings.TransportProviders.Add(amqp);
        _settings = settings;

        // An address, never a host name: the library listens on every interface for "localhost".
        var tcp = new TcpTransportSettings { Host = options.BindAddress.ToString(), Port = options.Port };
        _listener = new AmqpTransportListener([tcp.CreateListener()], settings);
        _listener.Listen(OnAcceptTransport);
    }

    private void OnAcceptTransport(TransportListener listener, TransportAsyncCallbackArgs args)
    {
        var connectionSettings = new AmqpConnectionSettings
        {
            ContainerId = "aiworkload-servicebus",
            MaxFrameSize = options.MaxFrameSize,
            IdleTimeOut = (uint)options.IdleTimeout.TotalMilliseconds,
        };

        AmqpConnection? connection = null;
        try
        {
            connection = runtime.CreateConnection(args.Transport, (ProtocolHeader)args.UserToken, false, _settings, connectionSettings);
            connection.BeginOpen(AmqpConstants.DefaultTimeout, OnConnectionOpened, connection);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.ConnectionFailed(logger, exception.Message);
            connection?.SafeClose(exception);
        }
    }

    private void OnConnectionOpened(IAsyncResult result)
    {
        var connection = (AmqpConnection)result.AsyncState!;
        try
        {
            connection.EndOpen(result);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.ConnectionFailed(logger, exception.Message);
            connection.SafeClose(exception);
        }
    }

    public void Dispose() => _listener?.Close();
}
