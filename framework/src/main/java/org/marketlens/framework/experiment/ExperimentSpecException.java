package org.marketlens.framework.experiment;

/** A spec file is missing or invalid; the message is one line naming the file, position and field. */
public final class ExperimentSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExperimentSpecException(String message) {
        super(message);
    }
}
