package org.hainstall.core.remote;

import java.time.Duration;

/**
 * How SSH connections behave.
 *
 * @param connectTimeout    TCP connect and the SSH handshake
 * @param keepAliveInterval how often an idle connection is probed; a few unanswered probes drop it
 * @param killGrace         after a timeout: how long the command gets between SIGTERM and SIGKILL
 * @param uploadTimeout     the limit for one {@link Shell#upload}
 */
public record SshOptions(Duration connectTimeout, Duration keepAliveInterval, Duration killGrace,
                         Duration uploadTimeout) {
    public static final SshOptions DEFAULTS = new SshOptions(Duration.ofSeconds(20), Duration.ofSeconds(15),
            Duration.ofSeconds(3), Duration.ofMinutes(10));
}
