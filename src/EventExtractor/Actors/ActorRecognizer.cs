using System.Buffers;
using EventExtractor.Text;

namespace EventExtractor.Actors;

/// <summary>
/// Finds actor mentions in a tokenized document: dictionary aliases (longest match first, per-token folded keys,
/// acronyms case-sensitive, hyphens optional) and patterns the dictionary alone misses:
/// <list type="bullet">
/// <item>demonym or country (+ 's) + modifiers + force noun: "Syrian regime forces", "Syria's army", "Russian air power" → that state's forces;</item>
/// <item>patron + backed/led + group noun: "Turkish-backed rebels" → the patron's proxy (SNA), "US-backed rebels" → generic rebels, "Saudi-led forces" → the patron;</item>
/// <item>leader + force noun, pro-leader + noun, noun + "loyal to" + leader: "Assad forces", "pro-Haftar forces", "troops loyal to President Bashar al-Assad".</item>
/// </list>
/// Thread-safe: the recognizer holds only the immutable dictionary; each call rents its own scratch arrays.
/// </summary>
public sealed class ActorRecognizer
{
    private readonly ActorLexicon _lex;

    /// <summary>A recognizer over the built-in dictionary.</summary>
    public ActorRecognizer() : this(ActorDictionary.LoadDefault())
    {
    }

    /// <summary>A recognizer over <paramref name="dictionary"/>.</summary>
    public ActorRecognizer(ActorDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        Dictionary = dictionary;
        _lex = dictionary.Lexicon;
    }

    public ActorDictionary Dictionary { get; }

    /// <summary>The actor mentions of <paramref name="doc"/>, in text order, never overlapping.</summary>
    public IReadOnlyList<ActorMention> Find(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        int n = doc.Tokens.Length;
        if (n == 0) return [];
        var folded = ArrayPool<int>.Shared.Rent(n);
        var exact = ArrayPool<int>.Shared.Rent(n);
        var hyphen = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            ComputeKeys(doc, folded, exact, hyphen);
            var keys = new TokenKeys(folded.AsSpan(0, n), exact.AsSpan(0, n), hyphen.AsSpan(0, n));
            List<ActorMention>? result = null;
            var matcher = new Matcher(_lex, doc, keys);
            int i = 0;
            while (i < n)
            {
                if (!CanStart(folded[i], exact[i]) || !matcher.Match(i, out int end, out int actor, out var source)) { i++; continue; }

                // "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)": one mention.
                if (actor >= 0 && end + 2 < n && IsChar(doc, end, '(') && matcher.Match(end + 1, out int innerEnd, out int inner, out _)
                    && inner == actor && innerEnd < n && IsChar(doc, innerEnd, ')'))
                    end = innerEnd + 1;

                result ??= [];
                var first = doc.Tokens[i];
                var last = doc.Tokens[end - 1];
                result.Add(new ActorMention(new TextSpan(first.Start, last.End), doc.Text[first.Start..last.End],
                    actor >= 0 ? _lex.Actors[actor] : null, source)
                { FirstToken = i, EndToken = end });
                i = end;
            }
            return result is null ? [] : result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(exact);
            ArrayPool<bool>.Shared.Return(hyphen);
        }
    }

    /// <summary>Counts mentions without building them (benchmarks: the matching cost alone).</summary>
    internal int Count(Document doc)
    {
        int n = doc.Tokens.Length;
        var folded = ArrayPool<int>.Shared.Rent(n);
        var exact = ArrayPool<int>.Shared.Rent(n);
        var hyphen = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            ComputeKeys(doc, folded, exact, hyphen);
            var matcher = new Matcher(_lex, doc, new TokenKeys(folded.AsSpan(0, n), exact.AsSpan(0, n), hyphen.AsSpan(0, n)));
            int count = 0, i = 0;
            while (i < n)
            {
                if (CanStart(folded[i], exact[i]) && matcher.Match(i, out int end, out _, out _)) { count++; i = end; }
                else i++;
            }
            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(exact);
            ArrayPool<bool>.Shared.Return(hyphen);
        }
    }

    private void ComputeKeys(Document doc, int[] folded, int[] exact, bool[] hyphen)
    {
        var text = doc.Text.AsSpan();
        var tokens = doc.Tokens.AsSpan();
        Span<char> buffer = stackalloc char[TokenFold.MaxLength];
        var foldedLookup = _lex.FoldedLookup;
        var exactLookup = _lex.ExactLookup;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var s = t.In(text);
            folded[i] = -1;
            exact[i] = -1;
            hyphen[i] = false;
            if (s.Length == 1 && TextChars.IsHyphen(s[0]))
            {
                hyphen[i] = true;
                continue;
            }
            int k = TokenFold.Fold(s, buffer);
            if (k < 0 && s.Length <= TokenFold.MaxLength)
            {
                hyphen[i] = true; // a lone apostrophe ("Workers' Party") is as optional as a hyphen
                continue;
            }
            if (k > 0 && foldedLookup.TryGetValue(buffer[..k], out int f)) folded[i] = f;
            if (s.Length is >= 2 and <= 5 && char.IsAsciiLetterUpper(s[0]) && exactLookup.TryGetValue(s, out int e)) exact[i] = e;
        }
    }

    private bool CanStart(int folded, int exact) =>
        (folded >= 0 && _lex.CanStartFolded[folded]) || (exact >= 0 && _lex.CanStartExact[exact]);

    private static bool IsChar(Document doc, int token, char c)
    {
        var t = doc.Tokens[token];
        return t.Length == 1 && doc.Text[t.Start] == c;
    }

    /// <summary>The matching rules over one document's keys.</summary>
    private readonly ref struct Matcher(ActorLexicon lex, Document doc, TokenKeys keys)
    {
        private readonly ActorLexicon _lex = lex;
        private readonly Document _doc = doc;
        private readonly TokenKeys _keys = keys;

        private int N => _keys.Count;

        /// <summary>The longest mention starting at token <paramref name="i"/>; dictionary wins ties.</summary>
        public bool Match(int i, out int end, out int actor, out MentionSource source)
        {
            end = -1;
            actor = -1;
            source = MentionSource.Dictionary;
            int v = _lex.Aliases.Longest(_keys, i, out int e);
            if (v >= 0 && AcceptAcronym(i, e))
            {
                end = e;
                actor = v;
                // "al-Shabaab fighters", "YPG units", "regime helicopters": the noun belongs to the mention.
                for (int k = 0; k < 2 && end < N && (FlagsAt(end) & (WordFlags.Noun | WordFlags.GroupNoun)) != 0; k++) end++;
            }

            if (Pattern(i, out int pe, out int pa) && pe > end)
            {
                end = pe;
                actor = pa;
                source = MentionSource.Pattern;
            }
            if (end < 0) return false;

            // "government forces loyal to Hadi", "fighters loyal to Haftar": the leader decides.
            if ((actor < 0 || _lex.Actors[actor].IsGeneric) && LoyalTo(end, out int le, out int la))
            {
                end = le;
                actor = la;
                source = MentionSource.Pattern;
            }
            return true;
        }

        private bool Pattern(int i, out int end, out int actor)
        {
            end = -1;
            actor = -1;
            WordFlags fl = FlagsAt(i);

            int d = _lex.Demonyms.Longest(_keys, i, out int de);
            if (d >= 0)
            {
                int j = SkipPossessive(de);
                if (Force(j, out int fe)) Better(fe, d, ref end, ref actor);
                // "Syrian and Russian forces": the first demonym borrows the second one's force noun.
                else if (SharesForce(de, 3)) Better(de, d, ref end, ref actor);
                int b = SkipHyphens(de);
                if (b < N && (FlagsAt(b) & (WordFlags.Backer | WordFlags.Led)) != 0 && Group(b + 1, out int ge, out int noun, out int named))
                {
                    int who = (FlagsAt(b) & WordFlags.Led) != 0 ? d
                        : _lex.ProxyOf.TryGetValue(d, out int proxy) ? proxy
                        : named >= 0 ? named
                        : noun >= 0 ? _lex.GroupActor[noun] : -1;
                    Better(ge, who, ref end, ref actor);
                }
            }

            int l = _lex.Leaders.Longest(_keys, i, out int lend);
            if (l >= 0 && Force(SkipPossessive(lend), out int lfe)) Better(lfe, l, ref end, ref actor);

            if ((fl & WordFlags.Pro) != 0)
            {
                int j = SkipHyphens(i + 1);
                if (j > i + 1 && j < N)
                {
                    int pl = _lex.Leaders.Longest(_keys, j, out int ple);
                    if (pl >= 0 && (Force(ple, out int e1) || Group(ple, out e1, out _, out _))) Better(e1, pl, ref end, ref actor);
                    int pd = _lex.Demonyms.Longest(_keys, j, out int pde);
                    if (pd >= 0)
                    {
                        if (Force(pde, out int e2)) Better(e2, pd, ref end, ref actor);
                        else if (Group(pde, out e2, out int noun, out int named))
                            Better(e2, _lex.ProxyOf.TryGetValue(pd, out int proxy) ? proxy : named >= 0 ? named : noun >= 0 ? _lex.GroupActor[noun] : -1, ref end, ref actor);
                    }
                }
            }

            // "government-held", "opposition-controlled": the noun alone is the (generic) actor that holds the place.
            if (_keys.Folded[i] >= 0 && i + 2 < N && _keys.Hyphen[i + 1] && (FlagsAt(i + 2) & WordFlags.Held) != 0 && _lex.GroupActor[_keys.Folded[i]] >= 0)
                Better(i + 1, _lex.GroupActor[_keys.Folded[i]], ref end, ref actor);

            // "troops loyal to ...": a bare noun that only the leader makes a mention.
            if ((fl & (WordFlags.Noun | WordFlags.GroupNoun)) != 0 && LoyalTo(i + 1, out int le, out int la)) Better(le, la, ref end, ref actor);
            return end > 0;
        }

        /// <summary>"and"/","/"or" + demonym + (force noun | another such link): a list of states that share one force noun.</summary>
        private bool SharesForce(int k, int depth)
        {
            if (depth == 0 || k + 1 >= N || (FlagsAt(k) & WordFlags.And) == 0) return false;
            if (_lex.Demonyms.Longest(_keys, k + 1, out int de) < 0) return false;
            return Force(SkipPossessive(de), out _) || SharesForce(de, depth - 1);
        }

        /// <summary>modifiers* + force noun (or government/regime): the longest such run from <paramref name="j"/>.</summary>
        private bool Force(int j, out int end)
        {
            end = -1;
            bool air = false;
            for (int k = j, steps = 0; k < N && steps < 5; k++, steps++)
            {
                if (_keys.Hyphen[k]) { if (k == j) break; continue; }
                var fl = FlagsAt(k);
                if ((fl & (WordFlags.Noun | WordFlags.Head)) != 0 || ((fl & WordFlags.Power) != 0 && air)) end = k + 1;
                else if ((fl & WordFlags.Modifier) == 0) break;
                air = (fl & WordFlags.Air) != 0;
            }
            return end > 0;
        }

        /// <summary>
        /// (group modifiers | demonyms)* + group or force noun after a patron. <paramref name="noun"/> is the most telling
        /// noun's folded id; <paramref name="named"/> a generic dictionary class met on the way ("Kurdish forces").
        /// Fails when a named actor or a state's forces follow ("US-backed Syrian Democratic Forces"): that mention stands alone.
        /// </summary>
        private bool Group(int j, out int end, out int noun, out int named)
        {
            end = -1;
            noun = -1;
            named = -1;
            int namedEnd = -1;
            int k = j;
            for (int steps = 0; k < N && steps < 5; steps++)
            {
                if (_keys.Hyphen[k]) { k++; continue; }
                int v = _lex.Aliases.Longest(_keys, k, out int ve);
                if (v >= 0)
                {
                    if (!_lex.Actors[v].IsGeneric) return false;
                    if (ve > namedEnd) { namedEnd = ve; named = v; }
                    if (ve > end) end = ve;
                }
                int f = _keys.Folded[k];
                var fl = FlagsAt(k);
                if ((fl & (WordFlags.GroupNoun | WordFlags.Noun)) != 0)
                {
                    if (k + 1 > end) end = k + 1;
                    int generic = _lex.GroupActor[f];
                    // "rebel groups": keep "rebel", which says more than "groups".
                    if (noun < 0 || _lex.GroupActor[noun] < 0 || (generic >= 0 && _lex.Actors[_lex.GroupActor[noun]].Id == "GEN-MILITIAS")) noun = f;
                    k++;
                    continue;
                }
                if (_lex.Demonyms.Longest(_keys, k, out int de) >= 0)
                {
                    if (Force(SkipPossessive(de), out _)) return false; // "Russian-backed Syrian government troops"
                    k = de;
                    continue;
                }
                if ((fl & (WordFlags.GroupModifier | WordFlags.Modifier)) != 0) { k++; continue; }
                break;
            }
            if (namedEnd != end) named = -1; // the generic class must reach the end of the phrase
            return end > 0;
        }

        /// <summary>"loyal to" + titles + leader, or + demonym + government/forces.</summary>
        private bool LoyalTo(int j, out int end, out int actor)
        {
            end = -1;
            actor = -1;
            if (j >= N || (FlagsAt(j) & WordFlags.Loyal) == 0 || j + 1 >= N || (FlagsAt(j + 1) & WordFlags.To) == 0) return false;
            for (int k = j + 2, steps = 0; k < N && steps < 6; steps++)
            {
                int l = _lex.Leaders.Longest(_keys, k, out int le);
                if (l >= 0) { end = le; actor = l; return true; }
                int d = _lex.Demonyms.Longest(_keys, k, out int de);
                if (d >= 0)
                {
                    if (Force(SkipPossessive(de), out int fe)) { end = fe; actor = d; return true; }
                    k = SkipPossessive(de);
                    continue;
                }
                if ((FlagsAt(k) & WordFlags.Title) != 0 || _keys.Hyphen[k] || IsPeriod(k)) { k++; continue; }
                break;
            }
            return false;
        }

        private bool IsPeriod(int k)
        {
            var t = _doc.Tokens[k];
            return t.Length == 1 && _doc.Text[t.Start] == '.';
        }

        private WordFlags FlagsAt(int k)
        {
            int f = _keys.Folded[k];
            return f >= 0 ? _lex.Flags[f] : WordFlags.None;
        }

        private int SkipPossessive(int j)
        {
            if (j < N && _keys.Folded[j] == _lex.Possessive)
            {
                var t = _doc.Tokens[j];
                if (t.Length == 2 && TextChars.IsApostrophe(_doc.Text[t.Start])) return j + 1;
            }
            return j;
        }

        private int SkipHyphens(int j)
        {
            while (j < N && _keys.Hyphen[j]) j++;
            return j;
        }

        private static void Better(int candidateEnd, int candidateActor, ref int end, ref int actor)
        {
            if (candidateEnd > end)
            {
                end = candidateEnd;
                actor = candidateActor;
            }
        }

        /// <summary>
        /// Two-letter acronyms (IS, JN, KH, AQ) are refused inside all-capital text ("WHAT IS LEFT"),
        /// where the capitals say nothing.
        /// </summary>
        private bool AcceptAcronym(int i, int end)
        {
            if (end != i + 1) return true;
            var t = _doc.Tokens[i];
            if (t.Length > 2 || _keys.Exact[i] < 0) return true;
            return !IsCapsWord(i - 1) && !IsCapsWord(i + 1);
        }

        private bool IsCapsWord(int k)
        {
            if (k < 0 || k >= N || _keys.Exact[k] >= 0) return false;
            var t = _doc.Tokens[k];
            if (t.Kind != TokenKind.Word || t.Length < 2) return false;
            foreach (char c in t.In(_doc.Text))
                if (!char.IsUpper(c)) return false;
            return true;
        }
    }
}
