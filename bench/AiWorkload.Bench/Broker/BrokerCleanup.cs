namespace AiWorkload.Bench.Broker;

/// <summary>Closes the drivers and then the RabbitMQ node, whatever happened to any one client connection.</summary>
internal static class BrokerCleanup
{
    public static async Task DisposeAllAsync(IEnumerable<IBrokerDriver> drivers, RabbitMqServer? server)
    {
        foreach (var driver in drivers)
        {
            try
            {
                await driver.DisposeAsync();
            }
            catch (Exception error)
            {
                // Keep going: the RabbitMQ node below must be stopped whatever happened to a client connection.
                Console.WriteLine($"Cleaning up {driver.Name} failed: {error.Message}");
            }
        }

        if (server is not null)
        {
            await server.DisposeAsync();
            Console.WriteLine("RabbitMQ node stopped.");
        }
    }
}
