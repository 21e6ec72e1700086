package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorException;
import io.minimax.core.plugin.PluginLoadingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns the errors a user can fix into messages and exit codes, never stack traces. Anything else is a bug: it is
 * reported in one line too, with the stack trace only under {@code MINIMAX_DEBUG=1}.
 */
final class UserErrors
        implements IExecutionExceptionHandler
{
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
    {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof DescriptorException descriptorException) {
            err.println(descriptorException.getMessage());
            return Main.INVALID_INPUT;
        }
        if (exception instanceof PluginLoadingException || exception instanceof InvalidInputException) {
            err.println("minimax: " + exception.getMessage());
            return Main.INVALID_INPUT;
        }
        if (exception instanceof UncheckedIOException io) {
            err.println("minimax: " + io.getMessage() + (io.getCause() == null ? "" : " (" + io.getCause().getMessage() + ")"));
            return Main.RUN_FAILED;
        }
        err.println("minimax: internal error: " + exception);
        if ("1".equals(System.getenv("MINIMAX_DEBUG"))) {
            exception.printStackTrace(err);
        }
        else {
            err.println("(set MINIMAX_DEBUG=1 for the stack trace)");
        }
        return Main.RUN_FAILED;
    }
}
