using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EventExtractor.Classification;

/// <summary>
/// Scores a maximum-entropy model (L-BFGS or SDCA) straight from its weights: a softmax over one dot product per
/// label. The same arithmetic as ML.NET's scorer without its per-row data-view machinery, which cost most of the
/// extraction time. Candidate vectors have a few hundred non-zeros, so a row costs a few thousand multiply-adds.
/// </summary>
public sealed class LinearScorer
{
    private readonly float[] _weights; // feature-major: _weights[feature * _classes + label]
    private readonly float[] _biases;
    private readonly int _classes;
    private readonly int _length;

    private LinearScorer(float[] weights, float[] biases, int length)
    {
        _weights = weights;
        _biases = biases;
        _classes = biases.Length;
        _length = length;
    }

    /// <summary>
    /// The direct scorer for a model whose predictor is maximum entropy over <paramref name="labelCount"/> labels
    /// (probabilities come out in the label key order the model was trained with); null for any other model.
    /// </summary>
    public static LinearScorer? TryCreate(ITransformer model, int labelCount)
    {
        var predictor = (model as IEnumerable<ITransformer> ?? [model])
            .OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().FirstOrDefault()?.Model;
        if (predictor is null) return null;
        VBuffer<float>[] perClass = [];
        predictor.GetWeights(ref perClass, out int classes);
        var biases = predictor.GetBiases().ToArray();
        if (classes != labelCount || biases.Length != classes) return null;
        int length = perClass[0].Length;
        var weights = new float[(long)length * classes];
        for (int k = 0; k < classes; k++)
        {
            var w = perClass[k];
            var values = w.GetValues();
            if (w.IsDense)
            {
                for (int j = 0; j < values.Length; j++) weights[j * classes + k] = values[j];
            }
            else
            {
                var indexes = w.GetIndices();
                for (int j = 0; j < values.Length; j++) weights[indexes[j] * classes + k] = values[j];
            }
        }
        return new LinearScorer(weights, biases, length);
    }

    /// <summary>The probability of each label, in key order, for one feature vector.</summary>
    public float[] Probabilities(VBuffer<float> features)
    {
        if (features.Length != _length) throw new ArgumentException($"feature vector of length {features.Length}, model expects {_length}");
        var scores = new float[_classes];
        Array.Copy(_biases, scores, _classes);
        var values = features.GetValues();
        if (features.IsDense)
        {
            for (int j = 0; j < values.Length; j++) Accumulate(scores, j, values[j]);
        }
        else
        {
            var indexes = features.GetIndices();
            for (int j = 0; j < values.Length; j++) Accumulate(scores, indexes[j], values[j]);
        }
        // Softmax, shifted by the maximum so that exp never overflows.
        float max = scores.Max();
        float sum = 0;
        for (int k = 0; k < _classes; k++) sum += scores[k] = MathF.Exp(scores[k] - max);
        for (int k = 0; k < _classes; k++) scores[k] /= sum;
        return scores;
    }

    private void Accumulate(float[] scores, int feature, float value)
    {
        if (value == 0) return;
        int at = feature * _classes;
        for (int k = 0; k < _classes; k++) scores[k] += _weights[at + k] * value;
    }
}
