package io.minimax.plugins.dirac;

import io.minimax.spi.network.NetworkRole;

/**
 * The metric keys a one-parameter player logs its parameter under, in Mescheder et al.'s notation: θ for the
 * generator, ψ for the discriminator.
 */
record ScalarNames(String weight, String bias)
{
    static ScalarNames of(NetworkRole role)
    {
        String symbol = role == NetworkRole.GENERATOR ? "theta" : "psi";
        return new ScalarNames("dirac/" + symbol, "dirac/" + symbol + "_bias");
    }
}
