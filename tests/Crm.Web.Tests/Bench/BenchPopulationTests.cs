using Crm.Bench.Ingest;
using Crm.Grains.Identities;
using PhoneNumbers;

namespace Crm.Web.Tests.Bench;

public sealed class BenchPopulationTests
{
    [Fact]
    public void Every_benchmark_customer_has_an_identity_ingest_accepts_as_written()
    {
        var numbers = PhoneNumberUtil.GetInstance();
        var customers = Enumerable.Range(0, 20_000).Concat(Enumerable.Range(0, 200).Select(i => 99_999_999 - i)).Concat(Enumerable.Range(0, 2_000).Select(i => i * 49_999));

        foreach (var customer in customers)
        {
            var identity = BenchPopulation.IdentityOf(customer);
            Assert.Equal(identity.Value, IdentityNormalizer.Normalize(identity.Channel, identity.Value, PhoneRegions.Default).Value);
            if (identity.Channel == Channel.Whatsapp)
            {
                Assert.True(numbers.IsValidNumber(numbers.Parse(identity.Value, null)), $"customer {customer}: {identity.Value}");
            }
        }
    }
}
