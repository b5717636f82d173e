package uk.chorus.themes;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty, fitted by full-batch Adam on standardised
 * features. Small and deterministic (no random start, no shuffling): the same examples always give
 * the same model, which a lead can rely on, and a few hundred examples with a few hundred features
 * fit in well under a second. A whole library (Tribuo and its protobuf and config stack) would add
 * megabytes for the forty lines this needs.
 */
final class LogisticRegression {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param x        one row of features per example
     * @param y        true for a positive example
     * @param weight   how much each example counts (a lead's decision may count more)
     * @param lambda   L2 penalty per feature (on standardised features)
     */
    static LogisticRegression fit(double[][] x, boolean[] y, double[] weight, double lambda, int epochs) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] < 1e-12 ? 0 : 1 / Math.sqrt(scale[j]);
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = new double[d];
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
        }
        double totalWeight = Arrays.stream(weight).sum();
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] g = new double[d + 1];
        double rate = 0.05;
        for (int t = 1; t <= epochs; t++) {
            Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                double error = (sigmoid(dot(w, z[i])) - (y[i] ? 1 : 0)) * weight[i] / totalWeight;
                for (int j = 0; j < d; j++) {
                    g[j] += error * z[i][j];
                }
                g[d] += error;
            }
            for (int j = 0; j < d; j++) {
                g[j] += lambda * w[j];
            }
            for (int j = 0; j <= d; j++) {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                double mHat = m[j] / (1 - Math.pow(0.9, t));
                double vHat = v[j] / (1 - Math.pow(0.999, t));
                w[j] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return new LogisticRegression(mean, scale, Arrays.copyOf(w, d), w[d]);
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(weights.length);
        out.writeDouble(bias);
        for (int j = 0; j < weights.length; j++) {
            out.writeDouble(mean[j]);
            out.writeDouble(scale[j]);
            out.writeDouble(weights[j]);
        }
    }

    static LogisticRegression read(java.io.DataInputStream in) throws java.io.IOException {
        int d = in.readInt();
        double bias = in.readDouble();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readDouble();
            scale[j] = in.readDouble();
            weights[j] = in.readDouble();
        }
        return new LogisticRegression(mean, scale, weights, bias);
    }

    double probability(double[] features) {
        double sum = bias;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * (features[j] - mean[j]) * scale[j];
        }
        return sigmoid(sum);
    }

    private static double dot(double[] w, double[] z) {
        double sum = w[z.length];
        for (int j = 0; j < z.length; j++) {
            sum += w[j] * z[j];
        }
        return sum;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }
}
