using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Web.Tests.Durability;

/// <summary>Two customers an agent merges (the duplicate into the survivor), and whether the agent saw the merge acknowledged.</summary>
public sealed class MergePair(Sender survivor, Sender duplicate)
{
    private int _acknowledged;

    public Sender Survivor { get; } = survivor;

    public Sender Duplicate { get; } = duplicate;

    public string SurvivorId { get; set; } = string.Empty;

    public string DuplicateId { get; set; } = string.Empty;

    public bool Acknowledged => Volatile.Read(ref _acknowledged) == 1;

    /// <summary>
    /// Asks for the merge; true when the service answered 200 with the survivor, false when the kill cut the request off.
    /// Any other answer from a running service fails the test.
    /// </summary>
    public async Task<bool> MergeAsync(ServiceProcess service, HttpClient client)
    {
        try
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/customers/{SurvivorId}/merge", new { duplicateId = DuplicateId, dryRun = false });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"merging {DuplicateId} into {SurvivorId} answered {(int)response.StatusCode}: {body}");
            }

            var survivor = JsonDocument.Parse(body).RootElement.GetProperty("survivor");
            if (survivor.GetProperty("id").GetString() != SurvivorId)
            {
                throw new InvalidOperationException($"merging {DuplicateId} into {SurvivorId} answered with customer {survivor.GetProperty("id")}");
            }

            Volatile.Write(ref _acknowledged, 1);
            return true;
        }
        catch (Exception exception) when (service.Killed && exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
