package io.minimax.cli;

/** A command-line input problem found after parsing (a file that is not there, a bad combination); exit code 2. */
final class InvalidInputException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message)
    {
        super(message);
    }
}
