using System.Text.Json;

namespace Digest.Hosting;

/// <summary>Writes a function's function.json from its <see cref="FunctionDefinition"/>.</summary>
public static class FunctionJson
{
    public static string Write(FunctionDefinition function)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("bindings");
            foreach (var binding in function.Bindings)
            {
                writer.WriteStartObject();
                writer.WriteString("name", binding.Name);
                writer.WriteString("type", binding.Type);
                writer.WriteString("direction", binding.Direction);
                foreach (var (key, value) in binding.Properties)
                {
                    writer.WritePropertyName(key);
                    JsonSerializer.Serialize(writer, value, value.GetType());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (function.Retry is { } retry)
            {
                writer.WriteStartObject("retry");
                foreach (var (key, value) in retry)
                {
                    writer.WritePropertyName(key);
                    JsonSerializer.Serialize(writer, value, value.GetType());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
