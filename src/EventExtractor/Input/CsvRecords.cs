using System.Text;

namespace EventExtractor.Input;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes), shared by the
/// ACLED import and the gazetteer build; each record carries the line it starts on, for messages.
/// </summary>
public static class CsvRecords
{
    /// <summary>RFC 4180 records with the 1-based line each starts on.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, startLine = 1;
        bool inQuotes = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return (startLine, fields.ToArray());
                    fields.Clear();
                    line++;
                    startLine = line;
                    any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields.ToArray());
        }
    }

    /// <summary>The records of a UTF-8 file.</summary>
    public static IEnumerable<string[]> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var (_, fields) in Read(reader)) yield return fields;
    }
}
