using System.Text.Json.Serialization;
using Crm.Silo.Tests.Storage;

namespace Crm.Silo.Tests.Infrastructure;

[JsonSerializable(typeof(StampState))]
[JsonSerializable(typeof(NoteState))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
