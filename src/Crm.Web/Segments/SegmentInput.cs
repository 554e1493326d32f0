namespace Crm.Web.Segments;

/// <summary>
/// The body of <c>POST /segments</c> (name and kind required; a rule for a rule segment) and of <c>PATCH /segments/{id}</c>,
/// where a field left out keeps its value and an empty description clears it. <see cref="Kind"/> is <c>static</c>
/// (also accepted as <c>manual</c>) or <c>rule</c>.
/// </summary>
public sealed record SegmentInput(string? Name, string? Description, string? Kind, string? Rule);
