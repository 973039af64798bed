using EventExtractor.Classification;
using EventExtractor.Text;

namespace EventExtractor.Tests.Classification;

/// <summary>The pairwise role model: its features on the constructions that decide roles, determinism, and learning.</summary>
public class RoleModelTests
{
    private static IReadOnlyList<string> FeaturesOf(string text, string place, string[] actors, string label, string actor)
    {
        var (doc, c) = FeatureExtractorTests.Make(text, place, [], actors, label);
        var pairs = new RoleFeatures().Extract(doc, c, label);
        return pairs.Pairs.Single(p => p.Actor.Text == actor).Features;
    }

    [Theory]
    // Passive "fell to X": the actor follows the trigger after "to".
    [InlineData("Albu Kamal fell to the Syrian army.", "Albu Kamal", new[] { "the Syrian army" }, "captured", "the Syrian army", new[] { "T<A", "w-1=to", "trig=fell|T<A", "ord=PTA", "nearestAfterT" }, new[] { "A<T", "passive" })]
    // Active "X captured P from Y": the agent precedes the trigger, the loser follows "from".
    [InlineData("The army captured Tadmur from ISIL.", "Tadmur", new[] { "The army", "ISIL" }, "captured", "The army", new[] { "A<T", "ord=ATP", "nearestBeforeT", "first", "w-1=<s>" }, new[] { "T<A", "w-1=from" })]
    [InlineData("The army captured Tadmur from ISIL.", "Tadmur", new[] { "The army", "ISIL" }, "captured", "ISIL", new[] { "T<A", "w-1=from", "ord=TPA", "last", "captured|w-1=from" }, new[] { "A<T", "nearestBeforeT" })]
    // Passive with "by": the be-verb before the trigger marks it.
    [InlineData("Palmyra was recaptured by the Syrian Army.", "Palmyra", new[] { "the Syrian Army" }, "captured", "the Syrian Army", new[] { "passive", "w-1=by", "T<A", "passive|T<A|w-1=by", "trig=recaptured|T<A" }, new[] { "A<T" })]
    // "under X control": a state, the actor inside the phrase.
    [InlineData("Rawa remained under ISIS control.", "Rawa", new[] { "ISIS" }, "controls", "ISIS", new[] { "underControl", "controls|underControl", "w-1=under", "w+1=control" }, new[] { "passive" })]
    public void Pair_features_of_role_constructions(string text, string place, string[] actors, string label, string actor, string[] present, string[] absent)
    {
        var f = FeaturesOf(text, place, actors, label, actor);
        foreach (var p in present) Assert.Contains(p, f);
        foreach (var a in absent) Assert.DoesNotContain(a, f);
    }

    [Fact]
    public void Actors_of_the_previous_sentence_are_pairs_marked_prev()
    {
        var text = "Iraqi forces waged an offensive. They captured Al-Qaim.";
        var doc = Document.Create("t", text);
        var actor = new ActorSpan(new TextSpan(0, 12), "Iraqi forces");
        int p = text.IndexOf("Al-Qaim", StringComparison.Ordinal);
        var c = CandidateBuilder.Build(doc, new MentionSet([new PlaceSpan(new TextSpan(p, p + 7), "Al-Qaim")], [actor])).Single();
        var pairs = new RoleFeatures().Extract(doc, c, ControlLabels.Captured).Pairs;
        var pair = Assert.Single(pairs);
        Assert.True(pair.InPreviousSentence);
        Assert.Contains("prev", pair.Features);
        Assert.Contains("prev|pronoun", pair.Features);
        Assert.Contains("prev|nA=0", pair.Features);
    }

    [Fact]
    public void Indexes_hashed_part_by_part_are_the_hashes_of_the_names()
    {
        var (doc, c) = FeatureExtractorTests.Make("The army captured Tadmur from ISIL.", "Tadmur", [], ["The army", "ISIL"], ControlLabels.Captured);
        var named = new RoleFeatures().Extract(doc, c, ControlLabels.Captured).Pairs;
        var bare = new RoleFeatures().Extract(doc, c, ControlLabels.Captured, names: false).Pairs;
        Assert.Equal(named.Count, bare.Count);
        for (int i = 0; i < named.Count; i++)
        {
            Assert.Equal(named[i].Features.Select(RoleFeatures.Hash), named[i].Indexes!);
            Assert.Equal(named[i].Indexes!, bare[i].Indexes!);
            Assert.Empty(bare[i].Features);
            Assert.Equal(RoleFeatures.Vector(named[i].Features).GetIndices().ToArray(), RoleFeatures.Vector(bare[i]).GetIndices().ToArray());
        }
    }

    [Fact]
    public void Hashed_vector_is_sorted_sparse_and_stable()
    {
        var v = RoleFeatures.Vector(["cur", "w-1=to", "cur"]);
        Assert.Equal(RoleFeatures.Dimension, v.Length);
        var indices = v.GetIndices().ToArray();
        Assert.Equal(indices.OrderBy(i => i), indices);
        Assert.Equal(2, indices.Length);
        Assert.Equal(2f, v.GetValues()[Array.IndexOf(indices, RoleFeatures.Hash("cur"))]);
        // FNV-1a over UTF-16 code units: fixed across runs and machines (string.GetHashCode is not).
        Assert.Equal(RoleFeatures.Hash("w-1=to"), RoleFeatures.Hash("w-1=to"));
        Assert.NotEqual(RoleFeatures.Hash("w-1=to"), RoleFeatures.Hash("w-1=by"));
    }

    [Fact]
    public void Decode_takes_at_most_one_agent_above_threshold_and_a_different_counterpart()
    {
        ActorSpan A(int i) => new(new TextSpan(i * 10, i * 10 + 5), "a" + i);
        var pairs = new RolePairs([new RolePair(A(0), false, []), new RolePair(A(1), false, []), new RolePair(A(2), true, [])], 0);
        float[][] scores = [[0.6f, 0.7f, 0f], [0.3f, 0.65f, 0f], [0.1f, 0.1f, 0.8f]];
        var r = RoleModel.Decode(pairs, scores, 0.5f, 0.5f);
        Assert.Equal("a0", r.Agent?.Text);
        Assert.Equal("a1", r.Counterpart?.Text); // a0's higher counterpart score does not count: it is the agent
        var none = RoleModel.Decode(pairs, scores, 0.9f, 0.9f);
        Assert.Null(none.Agent);
        Assert.Null(none.Counterpart);
    }

    /// <summary>
    /// A made-up corpus of one-sentence documents in four constructions. In two of them the heuristic misses the
    /// counterpart ("Y lost P to X", "P fell to X after Y withdrew"), so a model that learns the pattern beats it.
    /// </summary>
    private static (List<Document> Docs, List<Candidate> Candidates) ToyCorpus(int n, int offset)
    {
        string[] names = ["Alpha Brigade", "Bravo Front", "Charlie Army", "Delta Militia", "Echo Guards", "Foxtrot Legion", "Golf Battalion"];
        string[] places = ["Qaryat", "Tell Abyad", "Kafr Zita", "Rawa", "Anah", "Sukhnah", "Mheen", "Hawija"];
        var docs = new List<Document>();
        var candidates = new List<Candidate>();
        for (int i = 0; i < n; i++)
        {
            int k = i + offset;
            string x = names[k % names.Length], y = names[(k + 3) % names.Length], p = places[k % places.Length];
            var (template, type, hasCounterpart) = (k % 4) switch
            {
                0 => ("{X} captured {P} from {Y}.", ControlLabels.Captured, true),
                1 => ("{P} fell to {X} after {Y} withdrew.", ControlLabels.Captured, true),
                2 => ("{Y} lost {P} to {X} on Monday.", ControlLabels.Captured, true),
                _ => ("{P} remained under {X} control while {Y} shelled it.", ControlLabels.Controls, false),
            };
            var text = template.Replace("{X}", x).Replace("{Y}", y).Replace("{P}", p);
            var doc = Document.Create("toy" + k, text);
            AnnotatedSpan Span(string w) { int at = text.IndexOf(w, StringComparison.Ordinal); return new AnnotatedSpan(new TextSpan(at, at + w.Length), w); }
            var place = Span(p);
            var actors = new[] { Span(x), Span(y) }.OrderBy(s => s.Span.Start).Select(s => new ActorSpan(s.Span, s.Text)).ToList();
            var gold = new AnnotatedEvent(type, place, null, Span(x), hasCounterpart ? Span(y) : null, null);
            docs.Add(doc);
            candidates.AddRange(CandidateBuilder.Build(doc, new MentionSet([new PlaceSpan(place.Span, p)], actors), [gold], "g" + k));
        }
        return (docs, candidates);
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "eventx-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Model_learns_the_toy_patterns_and_beats_the_heuristic_on_unseen_sentences()
    {
        var (docs, candidates) = ToyCorpus(60, 0);
        var data = new RoleModel.TrainingData(docs, candidates);
        var model = new RoleModel(RoleModel.Fit(data.RowsOf(Enumerable.Range(0, data.Items.Count)), 1), 0.5f, 0.5f);
        var (testDocs, test) = ToyCorpus(20, 1000);
        var byId = testDocs.ToDictionary(d => d.Id);
        var heuristic = new RoleAssigner();
        var (ma, mc, n) = RoleAssigner.Score(test.Select(c => (c, model.Assign(byId[c.DocumentId], c, c.Label))));
        var (ha, hc, _) = RoleAssigner.Score(test.Select(c => (c, heuristic.Assign(byId[c.DocumentId], c, c.Label))));
        Assert.Equal(20, n);
        Assert.Equal(1.0, ma);
        Assert.Equal(1.0, mc);
        Assert.True(hc < 0.8, $"the heuristic should miss the counterpart of 'Y lost P to X' (got {hc})");
        Assert.True(ha <= ma);
    }

    [Fact]
    public void Direct_scoring_gives_the_prediction_engines_probabilities()
    {
        var (docs, candidates) = ToyCorpus(30, 0);
        var data = new RoleModel.TrainingData(docs, candidates);
        var model = new RoleModel(RoleModel.Fit(data.RowsOf(Enumerable.Range(0, data.Items.Count)), 1), 0.5f, 0.5f);
        foreach (var pairs in data.Pairs)
        {
            var direct = model.Score(pairs.Pairs);
            var engine = model.ScoreWithEngine(pairs.Pairs);
            for (int i = 0; i < direct.Length; i++)
                for (int k = 0; k < RoleLabels.All.Count; k++) Assert.Equal(engine[i][k], direct[i][k], 4);
        }
    }

    [Fact]
    public void Cross_validation_compares_model_and_heuristic_on_the_same_items()
    {
        var (docs, candidates) = ToyCorpus(50, 0);
        var (cv, ta, tc) = RoleModel.CrossValidate(new RoleModel.TrainingData(docs, candidates), seed: 1, folds: 5);
        Assert.Equal(50, cv.Items);
        Assert.Equal(100, cv.Pairs);
        Assert.True(cv.ModelCounterpart > cv.HeuristicCounterpart, $"model {cv.ModelCounterpart}, heuristic {cv.HeuristicCounterpart}");
        Assert.True(cv.ModelBeatsHeuristic);
        Assert.Contains(ta, RoleModel.AgentThresholds);
        Assert.Contains(tc, RoleModel.CounterpartThresholds);
    }

    [Fact]
    public void Same_data_and_seed_give_a_byte_identical_role_model_file()
    {
        var (docs, candidates) = ToyCorpus(30, 0);
        string a = TempDir(), b = TempDir();
        var ia = RoleModel.TrainAndSave(docs, candidates, a, seed: 5, folds: 3);
        var ib = RoleModel.TrainAndSave(docs, candidates, b, seed: 5, folds: 3);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, RoleModel.FileName)), File.ReadAllBytes(Path.Combine(b, RoleModel.FileName)));
        Assert.Equal(ia.Sha256, ib.Sha256);
    }

    [Fact]
    public void A_saved_role_model_loads_when_its_hash_matches_and_is_refused_otherwise()
    {
        var (docs, candidates) = ToyCorpus(30, 0);
        var dir = TempDir();
        var info = RoleModel.TrainAndSave(docs, candidates, dir, seed: 1, folds: 3);
        var path = Path.Combine(dir, RoleModel.FileName);
        var loaded = RoleModel.Load(path, info);
        var c = candidates[1];
        var r = loaded.Assign(docs.Single(d => d.Id == c.DocumentId), c, c.Label);
        Assert.True(RoleAssigner.Matches(c.Gold!.Actor, r.Agent));
        var altered = new ModelManifest.RoleModelInfo { Sha256 = new string('0', 64), FeatureSetVersion = RoleFeatures.Version, Seed = 1 };
        var e = Assert.Throws<ModelMismatchException>(() => RoleModel.Load(path, altered));
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
        var otherVersion = new ModelManifest.RoleModelInfo { Sha256 = info.Sha256, FeatureSetVersion = RoleFeatures.Version + 1, Seed = 1 };
        Assert.Throws<ModelMismatchException>(() => RoleModel.Load(path, otherVersion));
    }
}
