// Targets Pulumi 3.114.2 (Pulumi.Config read from PULUMI_CONFIG, Deployment.TestAsync); see Directory.Packages.props.
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>Stack config keys, as `pulumi config set` writes them and the language host passes them in PULUMI_CONFIG.</summary>
[Collection(PulumiCollection.Name)]
public sealed class StackSettingsTests
{
    [Fact]
    public async Task Defaults_come_from_the_stack_name_and_the_provider_location()
    {
        var settings = await LoadAsync("""{ "azure-native:location": "northeurope" }""");

        Assert.Equal("northeurope", settings.Location);
        Assert.Equal($"rg-aiworkload-{Deployments.Stack}", settings.ResourceGroupName);
        Assert.Equal($"aiworkload-{Deployments.Stack}-bus", settings.NamespaceName);
        Assert.Equal(StackSettings.Standard, settings.Sku);
        Assert.Null(settings.Capacity);
        Assert.Null(settings.MessagingPartitions);
        Assert.False(settings.DisableLocalAuth);
        Assert.Empty(settings.PrincipalIds);
    }

    [Fact]
    public async Task Every_key_is_read()
    {
        var settings = await LoadAsync("""
            {
              "azure-native:location": "westeurope",
              "aiworkload:sku": "premium",
              "aiworkload:capacity": "4",
              "aiworkload:messagingPartitions": "2",
              "aiworkload:disableLocalAuth": "true",
              "aiworkload:namespaceName": "contoso-ai-bus",
              "aiworkload:resourceGroupName": "rg-contoso",
              "aiworkload:principalIds": "[\"aaaaaaaa-0000-0000-0000-000000000001\"]"
            }
            """);

        Assert.Equal(StackSettings.Premium, settings.Sku);
        Assert.Equal(4, settings.Capacity);
        Assert.Equal(2, settings.MessagingPartitions);
        Assert.True(settings.DisableLocalAuth);
        Assert.Equal("contoso-ai-bus", settings.NamespaceName);
        Assert.Equal("rg-contoso", settings.ResourceGroupName);
        string[] principals = ["aaaaaaaa-0000-0000-0000-000000000001"];
        Assert.Equal(principals, settings.PrincipalIds);
    }

    [Fact]
    public async Task The_location_is_required()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync("{}"));
    }

    [Theory]
    [InlineData("Basic", null, null)]
    [InlineData("Standard", 2, null)]
    [InlineData("Premium", 0, null)]
    [InlineData("Standard", null, 2)]
    [InlineData("Premium", 4, 3)]
    public void Combinations_azure_refuses_are_refused(string sku, int? capacity, int? partitions)
    {
        var settings = Deployments.Settings() with { Sku = sku, Capacity = capacity, MessagingPartitions = partitions };

        var error = Assert.Throws<InvalidOperationException>(() => settings.Validate());
        Assert.StartsWith("aiworkload:", error.Message, StringComparison.Ordinal);
    }

    private static async Task<StackSettings> LoadAsync(string config)
    {
        var previous = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config);
        try
        {
            StackSettings? loaded = null;
            await Deployment.TestAsync(new ServiceBusMocks(), Deployments.Options(), () =>
            {
                loaded = StackSettings.Load();
                return new Dictionary<string, object?>();
            });
            return loaded ?? throw new InvalidOperationException("The program did not run.");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous);
        }
    }
}
