package io.minimax.plugins.imagemetrics.classifier;

/**
 * The mean softmax cross-entropy of a batch of logits against integer labels, −(1/m) Σ_i log softmax(z_i)[y_i], and its
 * gradient (softmax(z_i) − onehot(y_i))/m. The log-softmax is computed as z − max z − log Σ exp(z − max z), so logits of
 * any size neither overflow nor lose the loss to log(0).
 */
public final class SoftmaxCrossEntropy
{
    private SoftmaxCrossEntropy() {}

    /**
     * @param logits {@code [m][K]} row-major in one array, read only
     * @param labels m classes in 0..K−1
     * @param gradient receives dLoss/dlogits, same layout as {@code logits}
     * @return the mean loss in nats
     */
    public static double lossAndGradient(double[] logits, int[] labels, int classes, double[] gradient)
    {
        int rows = labels.length;
        if (logits.length != rows * classes || gradient.length != logits.length) {
            throw new IllegalArgumentException(rows + " labels of " + classes + " classes need " + rows * classes + " logits, got "
                    + logits.length + " (gradient " + gradient.length + ")");
        }
        double loss = 0;
        for (int i = 0; i < rows; i++) {
            int offset = i * classes;
            double largest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                largest = Math.max(largest, logits[offset + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[offset + k] - largest);
            }
            double logSum = largest + Math.log(sum);
            int label = labels[i];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not one of " + classes + " classes");
            }
            loss -= logits[offset + label] - logSum;
            for (int k = 0; k < classes; k++) {
                gradient[offset + k] = (Math.exp(logits[offset + k] - logSum) - (k == label ? 1 : 0)) / rows;
            }
        }
        return loss / rows;
    }

    /** Softmax of each row of {@code logits} ({@code [m][K]} in one array), shifted by the row's largest logit. */
    public static double[] probabilities(double[] logits, int classes)
    {
        double[] probabilities = new double[logits.length];
        for (int offset = 0; offset < logits.length; offset += classes) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                largest = Math.max(largest, logits[offset + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                probabilities[offset + k] = Math.exp(logits[offset + k] - largest);
                sum += probabilities[offset + k];
            }
            for (int k = 0; k < classes; k++) {
                probabilities[offset + k] /= sum;
            }
        }
        return probabilities;
    }
}
