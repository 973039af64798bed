using EventExtractor.Classification;
using EventExtractor.Text;

namespace EventExtractor.Tests.Classification;

public class FeatureExtractorTests
{
    /// <summary>Builds a candidate by marking places and actors by their words in a one-sentence text.</summary>
    internal static (Document Doc, Candidate Candidate) Make(string text, string target, string[] otherPlaces, string[] actors, string label = "none")
    {
        var doc = Document.Create("t", text);
        PlaceSpan P(string w) { int i = text.IndexOf(w, StringComparison.Ordinal); Assert.True(i >= 0, w); return new PlaceSpan(new TextSpan(i, i + w.Length), w); }
        ActorSpan A(string w) { int i = text.IndexOf(w, StringComparison.Ordinal); Assert.True(i >= 0, w); return new ActorSpan(new TextSpan(i, i + w.Length), w); }
        var mentions = new MentionSet(otherPlaces.Append(target).Select(P).ToList(), actors.Select(A).ToList());
        var candidates = CandidateBuilder.Build(doc, mentions);
        var c = candidates.Single(x => x.Target.Text == target);
        return (doc, c with { Label = label });
    }

    [Theory]
    [InlineData("The Syrian Army captured al-Tayyas on 14 March.", "al-Tayyas", new string[0], new[] { "The Syrian Army" }, "ACTOR captured PLACE_T on NUM march .")]
    [InlineData("ISIL withdrew from Palmyra and Hill 800.", "Hill 800", new[] { "Palmyra" }, new[] { "ISIL" }, "ACTOR withdrew from PLACE and PLACE_T .")]
    [InlineData("Rebels vowed to retake Idlib.", "Idlib", new string[0], new[] { "Rebels" }, "ACTOR vowed to retake PLACE_T .")]
    public void Masks_target_places_actors_and_numbers(string text, string target, string[] others, string[] actors, string expected)
    {
        var (doc, c) = Make(text, target, others, actors);
        var f = new FeatureExtractor().Extract(doc, c);
        Assert.Equal(expected, f.Masked);
    }

    [Fact]
    public void Between_and_window_columns()
    {
        var (doc, c) = Make("The Syrian Army recaptured the town of Qaryatayn.", "Qaryatayn", [], ["The Syrian Army"]);
        var f = new FeatureExtractor().Extract(doc, c);
        Assert.Equal("A_BEFORE recaptured the town of", f.Between);
        Assert.Equal("recaptured the town of", f.Before);
        Assert.Equal(".", f.After);
    }

    [Fact]
    public void Lexicon_finds_words_phrases_and_categories()
    {
        var lex = TriggerLexicon.LoadDefault();
        var hits = lex.Find("isis pulled out of the town after it was not recaptured".Split(' '));
        Assert.Contains(hits, h => h.Category == TriggerCategory.Withdraw && h.Form == "pulled out" && h.FirstToken == 1 && h.EndToken == 3);
        Assert.Contains(hits, h => h.Category == TriggerCategory.Negation && h.Form == "not");
        Assert.Contains(hits, h => h.Category == TriggerCategory.Capture && h.Form == "recaptured");
        Assert.DoesNotContain(hits, h => h.Category == TriggerCategory.Contest);
    }

    /// <summary>News wordings of a change of control (ontology: took control of = captured) are capture phrases, longer than the control word they hold.</summary>
    [Theory]
    [InlineData("regime forces established control of the town", "established control")]
    [InlineData("the rebels gained control of the hill", "gained control")]
    [InlineData("isil seized control of the dam", "seized control")]
    [InlineData("the army regained control of the town", "regained control")]
    [InlineData("the army managed to control the village", "managed to control")]
    [InlineData("the rebels were able to control the town", "able to control")]
    [InlineData("the army advanced to control the village", "advanced to control")]
    [InlineData("the kurds wrested the town from isil", "wrested")]
    [InlineData("the army took back the town", "took back")]
    public void Lexicon_knows_news_wordings_of_a_change_of_control(string sentence, string form)
    {
        var hits = TriggerLexicon.LoadDefault().Find(sentence.Split(' '));
        Assert.Contains(hits, h => h.Category == TriggerCategory.Capture && h.Form == form);
    }

    [Theory]
    [InlineData("The army captured Tadmur.", 0, true)]     // capture trigger right before the target
    [InlineData("The army withdrew from Tadmur.", 1, true)] // withdraw trigger
    [InlineData("The army held Tadmur.", 2, true)]         // control trigger
    [InlineData("The army besieged Tadmur.", 3, true)]     // contest trigger
    [InlineData("The army visited Tadmur.", 0, false)]     // no trigger
    public void Trigger_category_presence_and_order(string text, int category, bool present)
    {
        var (doc, c) = Make(text, "Tadmur", [], ["The army"]);
        var f = new FeatureExtractor().Extract(doc, c).Dense;
        Assert.Equal(present ? 1f : 0f, f[category * 5]);     // any
        Assert.Equal(present ? 1f : 0f, f[category * 5 + 2]); // precedes the target
        Assert.Equal(present ? 1f : 0f, f[category * 5 + 3]); // within 3 tokens
    }

    [Theory]
    [InlineData("Rebels failed to capture Tadmur.", 20, 1f)] // negation cue
    [InlineData("Rebels vowed to capture Tadmur.", 22, 1f)]  // modality cue
    [InlineData("Rebels captured Tadmur.", 20, 0f)]
    [InlineData("Rebels captured Tadmur.", 22, 0f)]
    public void Negation_and_modality_cues(string text, int index, float expected)
    {
        var (doc, c) = Make(text, "Tadmur", [], ["Rebels"]);
        Assert.Equal(expected, new FeatureExtractor().Extract(doc, c).Dense[index]);
    }

    [Fact]
    public void Candidates_of_one_sentence_share_its_mask_and_each_gets_its_own_target()
    {
        const string text = "The army captured Tadmur, Qaryatayn and al-Sukhnah from ISIL after shelling Homs.";
        var doc = Document.Create("t", text);
        PlaceSpan P(string w) { int i = text.IndexOf(w, StringComparison.Ordinal); return new PlaceSpan(new TextSpan(i, i + w.Length), w); }
        ActorSpan A(string w) { int i = text.IndexOf(w, StringComparison.Ordinal); return new ActorSpan(new TextSpan(i, i + w.Length), w); }
        var mentions = new MentionSet(new[] { "Tadmur", "Qaryatayn", "al-Sukhnah", "Homs" }.Select(P).ToList(), new[] { "The army", "ISIL" }.Select(A).ToList());
        var fx = new FeatureExtractor();
        var candidates = CandidateBuilder.Build(doc, mentions);
        Assert.Equal(4, candidates.Count);
        foreach (var c in candidates)
        {
            var shared = fx.Extract(doc, c);
            var own = FeatureExtractor.Mask(doc, c);
            Assert.Equal(own.Words, shared.MaskedWords);
            Assert.Single(shared.MaskedWords, w => w == "PLACE_T");
            Assert.Equal(3, shared.MaskedWords.Count(w => w == "PLACE"));
        }
        // The second candidate's features are the same whether or not the sentence's mask was made for the first.
        var again = new FeatureExtractor().Extract(Document.Create("t", text), CandidateBuilder.Build(Document.Create("t", text), mentions)[1]);
        Assert.Equal(fx.Extract(doc, candidates[1]).Features.GetIndices().ToArray(), again.Features.GetIndices().ToArray());
    }
}
