package io.minimax.core.journal;

/** A journal file that cannot be read back; the message says what is wrong, without the file's name. */
final class CorruptJournalException
        extends Exception
{
    CorruptJournalException(String message)
    {
        super(message);
    }
}
