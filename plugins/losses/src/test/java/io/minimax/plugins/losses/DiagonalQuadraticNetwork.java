package io.minimax.plugins.losses;

import io.minimax.plugin.support.SeededRandomSource;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A hand-written discriminator for penalty tests, f(x) = Σ_j (a_j·x_j²/2 + b_j·x_j), whose input gradient
 * g_j = a_j·x_j + b_j depends on both x and the parameters, so a penalty on it has a non-trivial parameter gradient:
 * ∂/∂a_j Σ_i ⟨w_i, u_i·g_i⟩ = Σ_i w_ij·u_i·x_ij and ∂/∂b_j = Σ_i w_ij·u_i. Plain loops: clarity over speed.
 */
final class DiagonalQuadraticNetwork
        implements Network
{
    private final int dimension;
    private final long seed;
    private INDArray parameters;
    private INDArray gradients;
    private INDArray input;
    private INDArray outputGradient;

    DiagonalQuadraticNetwork(int dimension, long seed)
    {
        this.dimension = dimension;
        this.seed = seed;
    }

    @Override
    public long parameterCount()
    {
        return 2L * dimension;
    }

    /** a and b start as standard normal draws from the seed. */
    @Override
    public void initialize(INDArray parameters, INDArray gradients)
    {
        this.parameters = parameters;
        this.gradients = gradients;
        new SeededRandomSource(seed).gaussian(parameters, 0, 1);
    }

    @Override
    public long[] inputShape()
    {
        return new long[] {dimension};
    }

    @Override
    public long[] outputShape()
    {
        return new long[] {1};
    }

    @Override
    public INDArray forward(INDArray input)
    {
        this.input = input;
        INDArray output = Nd4j.create(DataType.DOUBLE, input.size(0), 1);
        for (long i = 0; i < input.size(0); i++) {
            double value = 0;
            for (int j = 0; j < dimension; j++) {
                double x = input.getDouble(i, j);
                value += a(j) * x * x / 2 + b(j) * x;
            }
            output.putScalar(i, 0, value);
        }
        return output;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        this.outputGradient = outputGradient;
        INDArray inputGradient = Nd4j.create(DataType.DOUBLE, input.size(0), dimension);
        if (parameterGradients) {
            gradients.assign(0);
        }
        for (long i = 0; i < input.size(0); i++) {
            double u = outputGradient.getDouble(i, 0);
            for (int j = 0; j < dimension; j++) {
                double x = input.getDouble(i, j);
                inputGradient.putScalar(i, j, u * (a(j) * x + b(j)));
                if (parameterGradients) {
                    add(j, u * x * x / 2);
                    add(dimension + j, u * x);
                }
            }
        }
        return inputGradient;
    }

    @Override
    public boolean supportsDoubleBackpropagation()
    {
        return true;
    }

    @Override
    public void backwardInputGradient(INDArray weights)
    {
        for (long i = 0; i < input.size(0); i++) {
            double u = outputGradient.getDouble(i, 0);
            for (int j = 0; j < dimension; j++) {
                double w = weights.getDouble(i, j);
                add(j, w * u * input.getDouble(i, j));
                add(dimension + j, w * u);
            }
        }
    }

    @Override
    public INDArray parameters()
    {
        return parameters;
    }

    @Override
    public INDArray gradients()
    {
        return gradients;
    }

    @Override
    public String toString()
    {
        return "DiagonalQuadraticNetwork(" + dimension + ")";
    }

    private double a(int j)
    {
        return parameters.getDouble(0, j);
    }

    private double b(int j)
    {
        return parameters.getDouble(0, dimension + j);
    }

    private void add(int index, double value)
    {
        gradients.putScalar(0, index, gradients.getDouble(0, index) + value);
    }
}
