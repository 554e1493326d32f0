using Crm.Grains.Customers;
using Crm.Grains.ReadModel;
using Crm.Grains.Segments;
using Crm.Grains.Validation;

namespace Crm.Web.Customers;

/// <summary>
/// A bulk action checked before anything changes: what it does to one customer, and how to tell from the customer as it
/// is that the action is already done, so that a repeated request writes nothing and reports <c>unchanged</c>.
/// </summary>
public sealed record CustomerBulkAction(Func<CustomerView, bool> IsDone, Func<ICustomerGrain, string, Task> Apply)
{
    public const string SetLifecycle = "set_lifecycle";
    public const string AddTags = "add_tags";
    public const string RemoveTags = "remove_tags";
    public const string AssignSegment = "assign_segment";
    public const string RemoveSegment = "remove_segment";

    private static readonly string[] Names = [SetLifecycle, AddTags, RemoveTags, AssignSegment, RemoveSegment];

    public static bool IsKnown(string? action) => Names.Contains(action);

    /// <summary>
    /// The action with its argument checked: the lifecycle stage, the tags (each valid, at most
    /// <see cref="ProfileRules.MaxTags"/>) or a static segment of the workspace. Arguments of other actions are refused
    /// rather than ignored, since sending one usually means the wrong action was named.
    /// </summary>
    public static async Task<(CustomerBulkAction? Action, ValidationError? Error)> ParseAsync(CustomerBulkRequest request, ISegmentCatalogGrain segments)
    {
        var argument = request.Action switch
        {
            SetLifecycle => "lifecycle",
            AddTags or RemoveTags => "tags",
            AssignSegment or RemoveSegment => "segmentId",
            _ => null,
        };
        if (argument is null)
        {
            return (null, new ValidationError("action", $"must be one of {string.Join(", ", Names)}"));
        }

        var given = new (string Field, bool Present)[] { ("lifecycle", request.Lifecycle is not null), ("tags", request.Tags is not null), ("segmentId", request.SegmentId is not null) };
        if (given.FirstOrDefault(item => item.Present && item.Field != argument) is { Field: { } stray })
        {
            return (null, new ValidationError(stray, $"is not an argument of {request.Action}, which takes {argument}"));
        }

        return request.Action switch
        {
            SetLifecycle => Lifecycle(request.Lifecycle),
            AddTags or RemoveTags => Tags(request.Action, request.Tags),
            _ => await SegmentAsync(request.Action!, request.SegmentId, segments),
        };
    }

    private static (CustomerBulkAction?, ValidationError?) Lifecycle(string? name)
    {
        if (!ReadModelNames.TryParseLifecycle(name, out var stage))
        {
            return (null, new ValidationError("lifecycle", "must be lead, prospect, customer, active, at_risk, churned or vip"));
        }

        // Setting a stage pins it by hand, so a customer is done only when its stage is already pinned to this one.
        return (new CustomerBulkAction(
            customer => customer.Lifecycle == stage && customer.ManualLifecycle?.Stage == stage,
            (customer, actor) => customer.SetLifecycle(stage, actor)), null);
    }

    private static (CustomerBulkAction?, ValidationError?) Tags(string action, IReadOnlyList<string?>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return (null, new ValidationError("tags", "must list at least one tag"));
        }

        if (tags.Count > ProfileRules.MaxTags)
        {
            return (null, new ValidationError("tags", $"must list at most {ProfileRules.MaxTags} tags"));
        }

        if (tags.Select(tag => ProfileRules.Tag(tag?.Trim(), "tags")).FirstOrDefault(error => error is not null) is { } invalid)
        {
            return (null, invalid);
        }

        var normalized = tags.Select(tag => ProfileRules.NormalizeTag(tag!)).Distinct().ToArray();
        return action == AddTags
            ? (new CustomerBulkAction(customer => normalized.All(customer.Tags.Contains), (customer, actor) => customer.AddTags(normalized, actor)), null)
            : (new CustomerBulkAction(customer => !normalized.Any(customer.Tags.Contains), (customer, actor) => customer.RemoveTags(normalized, actor)), null);
    }

    private static async Task<(CustomerBulkAction?, ValidationError?)> SegmentAsync(string action, string? segmentId, ISegmentCatalogGrain segments)
    {
        var unknown = new ValidationError("segmentId", "must be the id of a static segment of this workspace");
        if (!SegmentIds.IsValid(segmentId))
        {
            return (null, unknown);
        }

        try
        {
            await segments.RequireStatic(segmentId!);
        }
        catch (SegmentNotFoundException)
        {
            return (null, unknown);
        }
        catch (DomainValidationException ruleBased)
        {
            return (null, ruleBased.Error);
        }

        return action == AssignSegment
            ? (new CustomerBulkAction(customer => customer.Segments.Contains(segmentId), (customer, actor) => customer.AddToSegment(segmentId!, actor)), null)
            : (new CustomerBulkAction(customer => !customer.Segments.Contains(segmentId), (customer, actor) => customer.RemoveFromSegment(segmentId!, actor)), null);
    }
}
