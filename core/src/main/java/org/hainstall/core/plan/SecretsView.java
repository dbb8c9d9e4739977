package org.hainstall.core.plan;

/** The secrets a step may need, read from the cluster's secrets folder. Values must never be logged. */
public interface SecretsView {
    /** Heartbeat's authkeys secret. */
    String heartbeatAuthKey();

    /** The shared secret of one DRBD resource. */
    String drbdSecret(String resourceName);
}
