package io.minimax.core.descriptor;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a descriptor.
 *
 * @param path where it is, as a dotted path ({@code train.steps}, {@code metrics[0].type},
 * {@code sweep.loss.type[1]}, {@code --set train.steps}) or the descriptor file for problems with the file itself
 * @param message what is wrong, naming the offending value
 */
public record DescriptorProblem(String path, String message)
{
    public DescriptorProblem
    {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString()
    {
        return path + ": " + message;
    }
}
