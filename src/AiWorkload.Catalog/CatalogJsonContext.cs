using System.Text.Json.Serialization;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Catalog;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(DatasetDefinition))]
[JsonSerializable(typeof(ModelDefinition))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(JobFailure))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
