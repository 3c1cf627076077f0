package org.marketlens.framework.internal.cli;

/** A command failed for a reason the user can fix; the message is the whole one-line report. */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
