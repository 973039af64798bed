using EventExtractor.Text;

namespace EventExtractor.Actors;

/// <summary>How an actor mention was found.</summary>
public enum MentionSource
{
    /// <summary>An alias of the actor dictionary matched the tokens.</summary>
    Dictionary,

    /// <summary>A pattern beyond the dictionary: demonym + force noun, "X-backed rebels", "troops loyal to ...".</summary>
    Pattern,
}

/// <summary>
/// Words in a document that name an actor: the character span, the text as written, the actor (null when a
/// pattern found a force whose actor is unknown) and how it was found.
/// </summary>
public sealed record ActorMention(TextSpan Span, string Text, Actor? Actor, MentionSource Source)
{
    /// <summary>Index of the mention's first token in the document.</summary>
    public int FirstToken { get; init; }

    /// <summary>One past the index of the mention's last token.</summary>
    public int EndToken { get; init; }

    /// <summary>True when the actor is a generic class ("rebels", "government forces") or unknown.</summary>
    public bool IsGeneric => Actor is null || Actor.IsGeneric;
}
