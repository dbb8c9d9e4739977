package org.hainstall.core.plan;

/** The secrets a step may need, read from the cluster's secrets folder. Values must never be logged. */
public interface SecretsView {
    /** Heartbeat's authkeys secret. */
    String heartbeatAuthKey();

    /** The shared secret of one DRBD resource. */
    String drbdSecret(String resourceName);

    /**
     * Every secret value of the cluster (auth key, DRBD secrets, private keys' text). The runner masks each of
     * them in every event, log line and journal entry from the start of a run, whatever a command echoes.
     */
    default java.util.Collection<String> values() {
        return java.util.List.of();
    }
}
