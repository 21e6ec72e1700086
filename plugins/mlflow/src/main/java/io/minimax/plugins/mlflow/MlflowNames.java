package io.minimax.plugins.mlflow;

import java.util.regex.Pattern;

/**
 * What MLflow accepts, applied the same way by the live tracker and by {@code minimax sync} so that both send the same
 * key and value for one journal entry (and a second sync finds them equal). Keys: at most 250 characters of
 * {@code [/\w.\- ]}, so {@code metrics[0].type} becomes {@code metrics.0.type}. Values: params at most 6000 characters
 * and tags at most 8000; the server would cut longer ones silently, so they are cut here, visibly, and the tracker says
 * so (the journal keeps the whole value).
 */
final class MlflowNames
{
    static final int MAX_KEY_LENGTH = 250;
    static final int MAX_PARAM_VALUE_LENGTH = 6000;
    static final int MAX_TAG_VALUE_LENGTH = 8000;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^/\\w.\\- ]");

    private MlflowNames() {}

    static String key(String key)
    {
        String allowed = NOT_ALLOWED.matcher(INDEX.matcher(key).replaceAll(".$1")).replaceAll("_");
        return allowed.length() <= MAX_KEY_LENGTH ? allowed : allowed.substring(0, MAX_KEY_LENGTH);
    }

    static String paramValue(String value)
    {
        return cut(value, MAX_PARAM_VALUE_LENGTH);
    }

    static String tagValue(String value)
    {
        return cut(value, MAX_TAG_VALUE_LENGTH);
    }

    static boolean tooLongForParam(String value)
    {
        return value.length() > MAX_PARAM_VALUE_LENGTH;
    }

    private static String cut(String value, int limit)
    {
        if (value.length() <= limit) {
            return value;
        }
        String marker = " [cut by Minimax: " + value.length() + " characters, MLflow keeps " + limit
                + "; the whole value is in the run's journal]";
        return value.substring(0, limit - marker.length()) + marker;
    }
}
