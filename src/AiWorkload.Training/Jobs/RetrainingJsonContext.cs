using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiWorkload.Training.Jobs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobOutcome))]
internal sealed partial class RetrainingJsonContext : JsonSerializerContext;
