namespace EventExtractor.Input;

/// <summary>
/// Reads a stream as lines of raw bytes (split at '\n'), so that each line can be decoded on its own
/// and one bad line never spoils the rest. The returned buffer is reused: copy what you keep.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes = int.MaxValue) : IDisposable
{
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _chunkStart;
    private int _chunkEnd;
    private byte[] _line = new byte[1 << 12];
    private bool _eof;

    /// <summary>
    /// The next line without its '\n' (and without a final '\r'), or null at the end of the stream.
    /// A line longer than the limit is read past but not kept: <c>TooLong</c> is set and memory stays bounded.
    /// </summary>
    public (byte[]? Line, int Length, bool TooLong) Next()
    {
        int length = 0;
        bool tooLong = false;
        while (true)
        {
            if (_chunkStart == _chunkEnd)
            {
                if (_eof) return length > 0 || tooLong ? (_line, Trim(length), tooLong) : (null, 0, false);
                _chunkEnd = stream.Read(_chunk, 0, _chunk.Length);
                _chunkStart = 0;
                if (_chunkEnd == 0)
                {
                    _eof = true;
                    continue;
                }
            }
            var span = _chunk.AsSpan(_chunkStart, _chunkEnd - _chunkStart);
            int newline = span.IndexOf((byte)'\n');
            int take = newline < 0 ? span.Length : newline;
            if (!tooLong && length + take > maxLineBytes)
            {
                tooLong = true;
                length = 0;
            }
            if (!tooLong)
            {
                if (length + take > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, length + take));
                span[..take].CopyTo(_line.AsSpan(length));
                length += take;
            }
            _chunkStart += newline < 0 ? take : take + 1;
            if (newline >= 0) return (_line, Trim(length), tooLong);
        }
    }

    private int Trim(int length) => length > 0 && _line[length - 1] == '\r' ? length - 1 : length;

    public void Dispose() => stream.Dispose();
}
