using System.Text.Json;
using System.Text.Unicode;

namespace EventExtractor.Input;

/// <summary>
/// Reads the common JSON Lines record straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: strict JSON, valid
/// UTF-8, an object whose "text", "id", "date" and "title" are strings, null or absent, none of them repeated. Anything
/// else is refused, and <see cref="ArticleReader"/> reads the line the general way (decoded to a string, then Newtonsoft),
/// which gives the same article for what is accepted here and the messages for what is not. The general way costs a
/// decoded copy of the line, a JObject and Newtonsoft's buffers: about 2.5x the text in allocations.
/// </summary>
internal static class PlainJsonRecord
{
    // Lower than Newtonsoft's limit (64), so that whatever passes here passes there too.
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32 };

    /// <summary>The record's fields, or false when the line is not such a record.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out string? text, out string? id, out string? date, out string? title)
    {
        text = id = date = title = null;
        if (!Utf8.IsValid(line)) return false;
        int seen = 0;
        try
        {
            var reader = new Utf8JsonReader(line, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = reader.ValueTextEquals("text"u8) ? 1 : reader.ValueTextEquals("id"u8) ? 2
                    : reader.ValueTextEquals("date"u8) ? 4 : reader.ValueTextEquals("title"u8) ? 8 : 0;
                if ((seen & field) != 0) return false; // repeated: which one counts is the general way's call
                seen |= field;
                reader.Read();
                if (field == 0 || field == 8 && reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip(); // other fields; a title that is not a string is ignored either way
                    continue;
                }
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return false;
                var value = reader.GetString();
                switch (field)
                {
                    case 1: text = value; break;
                    case 2: id = value; break;
                    case 4: date = value; break;
                    default: title = value; break;
                }
            }
            // One object and nothing after it (Read throws on a second value).
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // broken JSON, or an escape that makes no valid UTF-16 string
        }
    }
}
