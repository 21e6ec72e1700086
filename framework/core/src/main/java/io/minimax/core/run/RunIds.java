package io.minimax.core.run;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh ids for sweeps, in the shape of run ids (32 lowercase hex digits). */
public final class RunIds
{
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next()
    {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
