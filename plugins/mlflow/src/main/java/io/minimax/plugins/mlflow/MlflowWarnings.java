package io.minimax.plugins.mlflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says each thing once per {@code minimax} process: a six-run sweep against a server that is down warns once, not
 * six times. Messages hold the server's address and MLflow's answers, never credentials.
 */
final class MlflowWarnings
{
    private static final Logger log = LoggerFactory.getLogger(MlflowWarnings.class);

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    void once(String topic, String message)
    {
        if (said.add(topic)) {
            log.warn(message);
        }
    }

    static String syncHint(TrackingUri server)
    {
        return "minimax sync --tracking-uri " + server;
    }
}
