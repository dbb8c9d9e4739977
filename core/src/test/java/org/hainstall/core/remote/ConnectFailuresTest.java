package org.hainstall.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.Test;

/**
 * The failures a real server cannot stage on loopback (a node that never answers, a name that does not resolve, no
 * route), as the JDK and sshj report them; a refused connection is staged for real in {@link SshShellTest}.
 */
class ConnectFailuresTest {
    private static final String WHERE = "db1 (10.0.0.1:22)";

    private static String sentence(IOException e) {
        return ConnectFailures.sentence(WHERE, "10.0.0.1", 22, Duration.ofSeconds(20), e);
    }

    @Test
    void aNodeThatDoesNotAnswerIsNamedWithTheWaitAndWhatToCheck() {
        assertThat(sentence(new SocketTimeoutException("Connect timed out")))
                .isEqualTo("db1 (10.0.0.1:22) did not answer within 20 s; check that the node is up and that the "
                        + "network and firewalls let this machine reach port 22, then run the command again.");
        // The kernel's own TCP timeout arrives as a ConnectException.
        assertThat(sentence(new ConnectException("Connection timed out"))).contains("did not answer within 20 s");
    }

    @Test
    void anAddressThatDoesNotResolvePointsAtTheConfig() {
        assertThat(sentence(new UnknownHostException("db1.example.org")))
                .contains(WHERE, "does not resolve", "nodes[].address");
    }

    @Test
    void anUnreachableNetworkIsNotMistakenForARefusal() {
        assertThat(sentence(new NoRouteToHostException("No route to host"))).contains("cannot be reached")
                .doesNotContain("refused");
        assertThat(sentence(new ConnectException("Network is unreachable"))).contains("cannot be reached")
                .doesNotContain("refused");
    }

    @Test
    void aConnectionClosedDuringTheHandshakePointsAtTheNodesSshLog() {
        assertThat(sentence(new TransportException("Broken transport; encountered EOF")))
                .contains(WHERE, "closed the connection before the login", "journalctl -u ssh")
                .doesNotContain("Broken transport");
    }
}
