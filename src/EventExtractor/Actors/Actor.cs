using System.Collections.Immutable;

namespace EventExtractor.Actors;

/// <summary>What sort of party an actor is; <see cref="ActorKinds.ToContractString"/> gives the output contract's string.</summary>
public enum ActorKind
{
    /// <summary>A state's armed forces or a unit of them (<c>"state"</c>).</summary>
    State,

    /// <summary>A non-state armed group (<c>"non-state"</c>).</summary>
    NonState,

    /// <summary>A coalition of states or groups (<c>"coalition"</c>).</summary>
    Coalition,

    /// <summary>A militia, typically fighting on a government's side (<c>"militia"</c>).</summary>
    Militia,
}

/// <summary>Conversions between <see cref="ActorKind"/> and the strings of the output contract.</summary>
public static class ActorKinds
{
    /// <summary>The contract string: <c>state</c>, <c>non-state</c>, <c>coalition</c> or <c>militia</c>.</summary>
    public static string ToContractString(this ActorKind kind) => kind switch
    {
        ActorKind.State => "state",
        ActorKind.NonState => "non-state",
        ActorKind.Coalition => "coalition",
        ActorKind.Militia => "militia",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown actor kind"),
    };

    /// <summary>Parses a contract string (exact, lower case).</summary>
    public static bool TryParse(string? text, out ActorKind kind)
    {
        switch (text)
        {
            case "state": kind = ActorKind.State; return true;
            case "non-state": kind = ActorKind.NonState; return true;
            case "coalition": kind = ActorKind.Coalition; return true;
            case "militia": kind = ActorKind.Militia; return true;
            default: kind = default; return false;
        }
    }
}

/// <summary>
/// A party to a conflict from the actor dictionary: a stable id (<c>SYR-GOV-MIL</c>, <c>ISIS</c>), a canonical
/// name, its kind, its country (ISO 3166 alpha-2, or null for transnational actors and generic classes) and
/// the names the news uses for it.
/// </summary>
/// <remarks>
/// Generic actors (<see cref="IsGeneric"/>, ids starting <c>GEN-</c>) are classes such as "rebels" or
/// "government forces" that do not say which side is meant; later stages should trust them less.
/// </remarks>
public sealed record Actor(string Id, string Name, ActorKind Kind, string? Country, ImmutableArray<string> Aliases)
{
    /// <summary>The id of the actor this one belongs to (a unit's army, a faction's umbrella), or null.</summary>
    public string? Parent { get; init; }

    /// <summary>True for classes of actors ("rebels", "government forces") rather than one named party.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>Words that name the actor's state before a force noun ("Syrian" in "Syrian troops"); state forces only.</summary>
    public ImmutableArray<string> Demonyms { get; init; } = [];

    /// <summary>Leaders whose forces are this actor ("troops loyal to President Bashar al-Assad"); never matched alone.</summary>
    public ImmutableArray<string> Leaders { get; init; } = [];

    /// <summary>The id of the actor meant by "&lt;demonym&gt;-backed forces" for this state ("Turkish-backed rebels" → the SNA), or null.</summary>
    public string? Proxy { get; init; }

    /// <summary>Where the entry came from (Phoenix dictionary entries, Wikipedia articles, "hand").</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The contract string of <see cref="Kind"/>.</summary>
    public string KindName => Kind.ToContractString();
}
