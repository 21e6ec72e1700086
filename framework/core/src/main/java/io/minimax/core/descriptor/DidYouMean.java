package io.minimax.core.descriptor;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggestions for misspelled keys and plugin names, in the words every descriptor error uses. */
final class DidYouMean
{
    private DidYouMean() {}

    /** {@code unknown loss 'non-saturatng' (did you mean 'non-saturating'? known: minimax, non-saturating)}. */
    static String unknownName(String noun, String value, Collection<String> known)
    {
        String knownList = known.isEmpty() ? "none installed" : String.join(", ", known);
        return closest(value, known)
                .map(suggestion -> "unknown " + noun + " '" + value + "' (did you mean '" + suggestion + "'? known: " + knownList + ")")
                .orElse("unknown " + noun + " '" + value + "' (known: " + knownList + ")");
    }

    /** {@code unknown key (did you mean 'batchSize'?)}, or the known keys when none is close. */
    static String unknownKey(String key, Collection<String> known)
    {
        return "unknown key " + hint(key, known);
    }

    /** {@code (did you mean 'batchSize'?)}, or {@code (known: steps, batchSize)} when none is close. */
    static String hint(String key, Collection<String> known)
    {
        return closest(key, known)
                .map(suggestion -> "(did you mean '" + suggestion + "'?)")
                .orElse("(known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    /**
     * The candidate nearest to {@code word} by Damerau-Levenshtein distance, ignoring case, when it is reasonably
     * close: at most max(2, length / 3) edits, and fewer edits than the word has letters.
     */
    static Optional<String> closest(String word, Collection<String> candidates)
    {
        String lowerWord = word.toLowerCase(Locale.ROOT);
        int limit = Math.min(Math.max(2, word.length() / 3), Math.max(0, word.length() - 1));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lowerWord, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String left, String right)
    {
        int[][] cost = new int[left.length() + 1][right.length() + 1];
        for (int i = 0; i <= left.length(); i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= right.length(); j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            for (int j = 1; j <= right.length(); j++) {
                int substitution = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
                cost[i][j] = Math.min(Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1), cost[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && left.charAt(i - 1) == right.charAt(j - 2) && left.charAt(i - 2) == right.charAt(j - 1)) {
                    cost[i][j] = Math.min(cost[i][j], cost[i - 2][j - 2] + 1);
                }
            }
        }
        return cost[left.length()][right.length()];
    }
}
