using System.Globalization;
using Crm.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Crm.Grains.Tests.Cluster;

/// <summary>Each grain type's idle lifetime reaches Orleans: hot workspace-wide grains stay, one-off workers go soon.</summary>
public sealed class CollectionAgeTests
{
    [Theory]
    [InlineData("workspace", "1.00:00:00")]
    [InlineData("segmentcatalog", "1.00:00:00")]
    [InlineData("workspaceaccess", "1.00:00:00")]
    [InlineData("merge", "00:02:00")]
    [InlineData("segmentevaluation", "00:02:00")]
    public async Task A_grain_type_is_collected_after_its_own_idle_age(string grainType, string age)
    {
        await using var silo = await CrmSilo.StartAsync();
        var properties = silo.Services.GetRequiredService<GrainPropertiesResolver>().GetGrainProperties(GrainType.Create(grainType));

        Assert.True(properties.Properties.TryGetValue(WellKnownGrainTypeProperties.IdleDeactivationPeriod, out var configured), $"{grainType} has no collection age of its own");
        Assert.Equal(TimeSpan.Parse(age, CultureInfo.InvariantCulture), TimeSpan.Parse(configured, CultureInfo.InvariantCulture));
    }
}
