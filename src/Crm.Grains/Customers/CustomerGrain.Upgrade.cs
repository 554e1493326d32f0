using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.ReadModel;
using Crm.Grains.Upgrade;
using Crm.Grains.Validation;

namespace Crm.Grains.Customers;

/// <summary>The customer's part of the identity upgrade: its identities and profile re-keyed under the current rules.</summary>
public sealed partial class CustomerGrain
{
    public async Task<CustomerUpgradeResult> UpgradeIdentities()
    {
        if (!IsLive)
        {
            return CustomerUpgradeResult.Unchanged;
        }

        var settings = await SettingsAsync();
        var now = clock.GetUtcNow();
        var timeline = new List<TimelineDraft>();
        var alsoWrite = new List<object>();
        var refused = new List<string>();
        var duplicates = 0;
        var changed = false;
        await MutateAsync(async () =>
        {
            var kept = new List<ChannelIdentity>(State.Identities.Count);
            var released = new List<ChannelIdentity>();
            var handled = new HashSet<ChannelIdentity>();
            foreach (var stored in State.Identities)
            {
                var normalized = IdentityNormalizer.Normalize(stored.Channel, stored.Value, settings.DefaultPhoneRegion);
                if (!normalized.IsValid)
                {
                    refused.Add($"{ChannelNames.Of(stored.Channel)} {stored.Value} ({normalized.Error})");
                    kept.Add(stored);
                    continue;
                }

                var canonical = stored with { Value = normalized.Value! };
                if (canonical == stored)
                {
                    if (!kept.Contains(stored))
                    {
                        kept.Add(stored);
                    }

                    continue;
                }

                released.Add(stored);
                if (!handled.Add(canonical) || kept.Contains(canonical) || State.Identities.Contains(canonical))
                {
                    continue;
                }

                var claim = await GrainFactory.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, canonical)).Claim(CustomerId);
                var name = ChannelNames.Of(canonical.Channel);
                if (claim.Outcome == ClaimOutcome.OwnedByOther)
                {
                    // The person wrote to two customers that the old rules kept apart: an agent decides, nothing merges here.
                    duplicates++;
                    alsoWrite.Add(new DuplicateSuggestionRow(Workspace, CustomerId, claim.OwnerId!, name, canonical.Value, now));
                    timeline.Add(new TimelineDraft(now, "duplicate_suggested", SystemActor, $"{name} {canonical.Value} (stored as {stored.Value} before) belongs to customer {claim.OwnerId}"));
                    continue;
                }

                kept.Add(canonical);
                timeline.Add(new TimelineDraft(now, "identity_linked", SystemActor, $"{name} {canonical.Value} (stored as {stored.Value} before)"));
            }

            // Old keys are released before the commit: if it fails, the next attempt finds the canonical key already ours
            // and releasing again changes nothing. No event reaches an old key meanwhile: the current rules never produce it.
            foreach (var old in released)
            {
                await GrainFactory.GetGrain<IIdentityGrain>(IdentityKey.For(Workspace, old)).Release(CustomerId);
            }

            var profile = UpgradedProfile(settings.DefaultPhoneRegion, refused);
            var profileChanged = ApplyProfile(profile);
            if (profileChanged.Count > 0)
            {
                timeline.Add(new TimelineDraft(now, "profile_updated", SystemActor, $"updated {string.Join(", ", profileChanged)}"));
            }

            changed = released.Count > 0 || profileChanged.Count > 0;
            if (changed)
            {
                State.Identities = kept;
                await CommitAsync(now, timeline, alsoWrite, settings);
            }
        });
        return new CustomerUpgradeResult(changed, duplicates, refused);
    }

    /// <summary>The profile's phone and email under the current rules; a value they refuse stays as stored and is reported.</summary>
    private ProfilePatch UpgradedProfile(string phoneRegion, List<string> refused) => new()
    {
        Phone = Upgraded("phone", State.Profile.Phone, value => new ProfilePatch { Phone = value }, patch => patch.Phone, phoneRegion, refused),
        Email = Upgraded("email", State.Profile.Email, value => new ProfilePatch { Email = value }, patch => patch.Email, phoneRegion, refused),
    };

    /// <summary>The canonical form of a stored profile field, or null (which leaves the field as it is) when it is empty or refused.</summary>
    private static string? Upgraded(string field, string? stored, Func<string, ProfilePatch> patchOf, Func<ProfilePatch, string?> valueOf, string phoneRegion, List<string> refused)
    {
        if (stored is not { Length: > 0 })
        {
            return null;
        }

        var (normalized, error) = ProfileRules.Normalize(patchOf(stored), phoneRegion);
        if (error is not null)
        {
            refused.Add($"profile {field} {stored} ({error.Rule})");
            return null;
        }

        return valueOf(normalized!);
    }
}
