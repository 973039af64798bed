namespace EventExtractor.Text;

/// <summary>
/// A growable, reusable array of tokens. Reusing one buffer across documents keeps the
/// tokenizer's allocations independent of how much text passes through it.
/// </summary>
public sealed class TokenBuffer(int capacity = 256)
{
    private Token[] _items = new Token[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public ReadOnlySpan<Token> AsSpan() => _items.AsSpan(0, Count);

    public Token this[int index] => _items[index];

    public void Clear() => Count = 0;

    public void Add(Token token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = token;
    }

    public Token[] ToArray() => AsSpan().ToArray();
}
