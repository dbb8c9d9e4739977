package org.hainstall.core.plan;

/**
 * A node could not be connected to (or locked) when a step first needed it. Unchecked because
 * {@link StepContext#shell} is; the runner turns it into the step's failure with this message.
 */
public class NodeConnectionException extends RuntimeException {
    public NodeConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
