using Crm.Grains.Customers;

namespace Crm.Web.Customers;

public sealed record TagsRequest(IReadOnlyList<string>? Tags);

public sealed record LifecycleRequest(string? Lifecycle);

public sealed record IntentRequest(string? Intent, string? Note);

public sealed record NoteRequest(string? Text);

public sealed record NewCustomerRequest(ProfilePatch? Profile, IReadOnlyList<string>? Tags);

public sealed record SegmentRequest(string? SegmentId);
