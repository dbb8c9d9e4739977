package org.hainstall.core.secrets;

/** The secrets folder cannot be read or written, or is unsafe. The message names the path; never a secret. */
public class SecretsException extends RuntimeException {
    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }

    public SecretsException(String message) {
        super(message);
    }
}
