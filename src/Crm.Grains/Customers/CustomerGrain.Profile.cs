using Crm.Grains.Identities;
using Crm.Grains.Ingest;
using Crm.Grains.Intents;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Validation;

namespace Crm.Grains.Customers;

/// <summary>What agents change by hand: the profile, lifecycle, tags, notes and custom attributes.</summary>
public sealed partial class CustomerGrain
{
    public async Task<CustomerView> Create(NewCustomer input, string actor)
    {
        if (State.Exists)
        {
            throw new DomainValidationException(new ValidationError("id", "a customer with this id already exists"));
        }

        var settings = await SettingsAsync();
        var (profile, error) = ProfileRules.Normalize(input.Profile, settings.DefaultPhoneRegion);
        var tags = NormalizeTags(input.Tags, "tags");
        if (error is not null)
        {
            throw new DomainValidationException(error);
        }

        if (tags.Length > ProfileRules.MaxTags)
        {
            throw new DomainValidationException(new ValidationError("tags", $"a customer has at most {ProfileRules.MaxTags} tags"));
        }

        await MutateAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var timeline = new List<TimelineDraft> { new(now, "customer_created", actor, "created by hand") };
            var alsoWrite = new List<object>();
            State.Exists = true;
            State.FirstSeen = now;
            ApplyProfile(profile!);
            State.Tags.AddRange(tags);
            if (profile!.Email is { Length: > 0 } email)
            {
                await LinkIdentityAsync(new ChannelIdentity(Channel.Email, EmailRules.Normalize(email).Value!), actor, now, timeline, alsoWrite);
            }

            if (profile.Phone is { Length: > 0 } phone)
            {
                await LinkIdentityAsync(new ChannelIdentity(Channel.Phone, phone), actor, now, timeline, alsoWrite);
            }

            await CommitAsync(now, timeline, alsoWrite);
        });
        return View();
    }

    public async Task<CustomerView> UpdateProfile(ProfilePatch patch, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).UpdateProfile(patch, actor);
        }

        EnsureLive();
        var (normalized, error) = ProfileRules.Normalize(patch, (await SettingsAsync()).DefaultPhoneRegion);
        if (error is not null)
        {
            throw new DomainValidationException(error);
        }

        var now = clock.GetUtcNow();
        var changed = ApplyProfile(normalized!);
        if (changed.Count > 0)
        {
            await CommitAsync(now, [new TimelineDraft(now, "profile_updated", actor, $"updated {string.Join(", ", changed)}")]);
        }

        return View();
    }

    public async Task<CustomerView> SetLifecycle(Lifecycle stage, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).SetLifecycle(stage, actor);
        }

        EnsureLive();
        var now = clock.GetUtcNow();
        var (automatic, _) = LifecycleRules.Automatic(State, await SettingsAsync(), now);
        var previous = State.Lifecycle;
        State.ManualLifecycle = new ManualLifecycle(stage, actor, now, automatic);
        State.Lifecycle = stage;
        var timeline = previous == stage
            ? new List<TimelineDraft>()
            : [new TimelineDraft(now, "lifecycle_changed", actor, $"{ReadModelNames.Of(previous)} → {ReadModelNames.Of(stage)}: set by hand")];
        await CommitAsync(now, timeline);
        return View();
    }

    public async Task<CustomerView> CorrectIntent(Intent intent, string? note, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).CorrectIntent(intent, note, actor);
        }

        EnsureLive();
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed?.Length > IntentCorrectionRules.NoteMaxLength)
        {
            throw new DomainValidationException(new ValidationError("note", $"must be at most {IntentCorrectionRules.NoteMaxLength} characters"));
        }

        var now = clock.GetUtcNow();
        var settings = await SettingsAsync();
        var computed = IntentRules.Combine(State, settings, now);
        var correction = new IntentCorrection(intent, actor, now, trimmed, computed.Intent);
        var previous = State.Intent.Intent;
        var examples = IntentCorrectionRules.LearnableIntents.Contains(intent)
            ? IntentCorrectionRules.VotingMessages(State, now).Select(m => new IntentExampleRow(Workspace, CustomerId, m.At, m.Text!, intent, actor, now)).ToArray()
            : [];
        State.IntentCorrection = correction;
        State.TaughtIntentModel |= examples.Length > 0;
        State.Intent = IntentCorrectionRules.Signal(correction, computed);
        var summary = correction.Confirmed ? $"{ReadModelNames.Of(intent)} confirmed" : $"{ReadModelNames.Of(previous)} → {ReadModelNames.Of(intent)}: corrected by hand";
        await CommitAsync(now, [new TimelineDraft(now, "intent_corrected", actor, trimmed is null ? summary : $"{summary} ({Excerpt(trimmed)})")], examples, settings);
        if (examples.Length > 0)
        {
            await GrainFactory.GetGrain<IIntentModelGrain>(Workspace).CorrectionsArrived();
        }

        return View();
    }

    public async Task<CustomerView> AddTags(IReadOnlyList<string> tags, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).AddTags(tags, actor);
        }

        EnsureLive();
        var added = NormalizeTags(tags, "tags").Where(tag => !State.Tags.Contains(tag)).ToArray();
        if (State.Tags.Count + added.Length > ProfileRules.MaxTags)
        {
            throw new DomainValidationException(new ValidationError("tags", $"a customer has at most {ProfileRules.MaxTags} tags"));
        }

        if (added.Length > 0)
        {
            var now = clock.GetUtcNow();
            State.Tags.AddRange(added);
            await CommitAsync(now, [new TimelineDraft(now, "tags_added", actor, string.Join(", ", added))]);
        }

        return View();
    }

    public async Task<CustomerView> RemoveTags(IReadOnlyList<string> tags, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).RemoveTags(tags, actor);
        }

        EnsureLive();
        var removed = NormalizeTags(tags, "tags").Where(State.Tags.Contains).ToArray();
        if (removed.Length > 0)
        {
            var now = clock.GetUtcNow();
            State.Tags.RemoveAll(removed.Contains);
            await CommitAsync(now, [new TimelineDraft(now, "tags_removed", actor, string.Join(", ", removed))]);
        }

        return View();
    }

    public async Task<CustomerView> AddToSegment(string segmentId, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).AddToSegment(segmentId, actor);
        }

        EnsureLive();
        await GrainFactory.GetGrain<ISegmentCatalogGrain>(Workspace).RequireStatic(segmentId);
        if (!State.StaticSegments.Contains(segmentId))
        {
            State.StaticSegments.Add(segmentId);
            await CommitAsync(clock.GetUtcNow(), []);
        }

        return View();
    }

    public async Task<CustomerView> RemoveFromSegment(string segmentId, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).RemoveFromSegment(segmentId, actor);
        }

        EnsureLive();
        if (State.StaticSegments.Remove(segmentId))
        {
            await CommitAsync(clock.GetUtcNow(), []);
        }

        return View();
    }

    public async Task<Note> AddNote(string author, string text)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).AddNote(author, text);
        }

        EnsureLive();
        ValidateNote(text);
        var now = clock.GetUtcNow();
        var note = new Note { Id = (++State.NoteSequence).ToString(System.Globalization.CultureInfo.InvariantCulture), Author = author, Text = text, At = now };
        State.Notes.Add(note);
        await CommitAsync(now, [new TimelineDraft(now, "note_added", author, Excerpt(text))]);
        return note;
    }

    public async Task<Note> EditNote(string noteId, string text, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).EditNote(noteId, text, actor);
        }

        EnsureLive();
        ValidateNote(text);
        var index = FindNote(noteId);
        var now = clock.GetUtcNow();
        var note = State.Notes[index] with { Text = text, EditedAt = now };
        State.Notes[index] = note;
        await CommitAsync(now, [new TimelineDraft(now, "note_edited", actor, Excerpt(text))]);
        return note;
    }

    public async Task DeleteNote(string noteId, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            await Survivor(survivor).DeleteNote(noteId, actor);
            return;
        }

        EnsureLive();
        var index = FindNote(noteId);
        var now = clock.GetUtcNow();
        State.Notes.RemoveAt(index);
        await CommitAsync(now, [new TimelineDraft(now, "note_deleted", actor, $"note {noteId}")]);
    }

    public async Task<CustomerView> SetAttributes(IReadOnlyDictionary<string, AttributeValue?> changes, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).SetAttributes(changes, actor);
        }

        EnsureLive();
        var attributes = new Dictionary<string, AttributeValue>(State.Attributes);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                attributes.Remove(name);
            }
            else
            {
                ValidateAttribute(name, value);
                attributes[name] = value;
            }
        }

        await CommitAttributesAsync(attributes, actor);
        return View();
    }

    public async Task<CustomerView> ReplaceAttributes(IReadOnlyDictionary<string, AttributeValue> attributes, string actor)
    {
        if (State.MergedInto is { } survivor)
        {
            return await Survivor(survivor).ReplaceAttributes(attributes, actor);
        }

        EnsureLive();
        foreach (var (name, value) in attributes)
        {
            ValidateAttribute(name, value);
        }

        await CommitAttributesAsync(new Dictionary<string, AttributeValue>(attributes), actor);
        return View();
    }

    private static void ValidateAttribute(string name, AttributeValue value)
    {
        // A name too long to be valid is not echoed back as the field: it could be megabytes.
        var field = name.Length <= ProfileRules.MaxAttributeNameLength ? $"attributes.{name}" : "attributes";
        if (ProfileRules.Attribute(name, value, field) is { } error)
        {
            throw new DomainValidationException(error);
        }
    }

    /// <summary>Stores <paramref name="attributes"/> as the customer's whole set; the timeline names the keys that changed, and nothing is written when none did.</summary>
    private async Task CommitAttributesAsync(Dictionary<string, AttributeValue> attributes, string actor)
    {
        if (attributes.Count > ProfileRules.MaxAttributes)
        {
            throw new DomainValidationException(new ValidationError("attributes", $"a customer has at most {ProfileRules.MaxAttributes} attributes"));
        }

        var changed = State.Attributes.Keys.Union(attributes.Keys)
            .Where(name => !Equals(State.Attributes.GetValueOrDefault(name), attributes.GetValueOrDefault(name)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        State.Attributes = attributes;
        await CommitAsync(now, [new TimelineDraft(now, "attributes_changed", actor, string.Join(", ", changed))]);
    }

    /// <summary>Sets the patch's non-null fields (an empty string clears one) and returns the names of those that changed.</summary>
    private List<string> ApplyProfile(ProfilePatch patch)
    {
        var before = State.Profile;
        static string? Pick(string? patched, string? current) => patched is null ? current : patched.Length == 0 ? null : patched.Trim();
        State.Profile = new ProfileData
        {
            Name = Pick(patch.Name, before.Name),
            Email = Pick(patch.Email, before.Email),
            Phone = Pick(patch.Phone, before.Phone),
            Company = Pick(patch.Company, before.Company),
            City = Pick(patch.City, before.City),
            Country = Pick(patch.Country, before.Country),
            Language = Pick(patch.Language, before.Language),
            AvatarUrl = Pick(patch.AvatarUrl, before.AvatarUrl),
        };
        var after = State.Profile;
        return new (string Field, string? Before, string? After)[]
            {
                ("name", before.Name, after.Name), ("email", before.Email, after.Email), ("phone", before.Phone, after.Phone),
                ("company", before.Company, after.Company), ("city", before.City, after.City), ("country", before.Country, after.Country),
                ("language", before.Language, after.Language), ("avatarUrl", before.AvatarUrl, after.AvatarUrl),
            }
            .Where(field => field.Before != field.After)
            .Select(field => field.Field)
            .ToList();
    }

    private static string[] NormalizeTags(IReadOnlyList<string> tags, string field)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (ProfileRules.Tag(tags[i]?.Trim(), $"{field}[{i}]") is { } error)
            {
                throw new DomainValidationException(error);
            }
        }

        return tags.Select(ProfileRules.NormalizeTag).Distinct().ToArray();
    }

    private static void ValidateNote(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > ProfileRules.MaxNoteLength)
        {
            throw new DomainValidationException(new ValidationError("text", $"must be 1 to {ProfileRules.MaxNoteLength} characters"));
        }

        if (ProfileRules.FreeText(text, ProfileRules.MaxNoteLength, "text") is { } error)
        {
            throw new DomainValidationException(error);
        }
    }

    private int FindNote(string noteId)
    {
        var index = State.Notes.FindIndex(note => note.Id == noteId);
        return index >= 0 ? index : throw new NoteNotFoundException(CustomerId, noteId);
    }

    private static string Excerpt(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
