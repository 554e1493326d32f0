using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Access;
using Crm.Grains.Customers;
using Crm.Grains.Identities;
using Crm.Grains.Intents;
using Crm.Grains.Merge;
using Crm.Grains.Nodes;
using Crm.Grains.Segments;
using Crm.Grains.Upgrade;
using Crm.Grains.Workspaces;

namespace Crm.Grains.Serialization;

/// <summary>Source-generated JSON contracts of every grain state.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiKeyState))]
[JsonSerializable(typeof(WorkspaceAccessState))]
[JsonSerializable(typeof(CustomerState))]
[JsonSerializable(typeof(IdentityState))]
[JsonSerializable(typeof(SegmentCatalogState))]
[JsonSerializable(typeof(SegmentEvaluationState))]
[JsonSerializable(typeof(WorkspaceState))]
[JsonSerializable(typeof(WorkspaceSweepState))]
[JsonSerializable(typeof(MergeState))]
[JsonSerializable(typeof(NodeDirectoryState))]
[JsonSerializable(typeof(IdentityUpgradeState))]
[JsonSerializable(typeof(IntentModelState))]
public sealed partial class GrainStateJsonContext : JsonSerializerContext;
