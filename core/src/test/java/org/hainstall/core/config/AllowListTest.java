package org.hainstall.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parsers and allow-lists: what gets through and what does not. */
class AllowListTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.122.11", "255.255.255.255", "10.0.0.1"})
    void acceptsIpv4Addresses(String address) {
        assertThat(Ipv4.parse(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1..2.3", "256.1.1.1", "01.1.1.1", "1.2.3.4 ", " 1.2.3.4",
            "1.2.3.-4", "a.b.c.d", "1.2.3.4/24", "::1", "1.2.3.4;id", "1.2.3.", ".1.2.3", "::ffff:1.2.3.4",
            "1.2.3.4%1", "1.2.3.04"})
    void rejectsWhatIsNotAnIpv4Address(String address) {
        assertThat(Ipv4.parse(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales-db1", "a", "node1.example.org", "x-1.y-2", "A1"})
    void acceptsRfc1123HostNames(String name) {
        assertThat(Names.hostname(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a..b", ".a", "a.", "a_b", "a b", "a;b", "a$(id)", "a/b", "a`b`"})
    void rejectsWhatIsNotAHostName(String name) {
        assertThat(Names.hostname(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/db2home", "/opt/ibm/db2/V11.5", "/srv/media/db2/v11.5.9_linuxx64_server_dec.tar.gz"})
    void acceptsPlainAbsolutePaths(String path) {
        assertThat(Names.absolutePath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "db2home", "/a/../b", "/a/./b", "/a//b", "/a/", "/a b", "/a;rm", "/a$(id)", "/..",
            "/.hidden", "/a\nb", "/a*"})
    void rejectsWhatIsNotAPlainAbsolutePath(String path) {
        assertThat(Names.absolutePath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2inst1", "a", "inst2", "db2i"})
    void acceptsDb2InstanceNames(String name) {
        assertThat(Names.db2Instance(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"db2inst12", "1inst", "sqlinst", "ibm", "sysadm", "Db2inst1", "db2_inst", "users", "db2;id"})
    void rejectsBadDb2InstanceNames(String name) {
        assertThat(Names.db2Instance(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "*/15 * * * *", "0 0 1 jan *", "30 4 * * mon-fri", "0 0-23/2 * * 0,7"})
    void acceptsCronSchedules(String schedule) {
        assertThat(Cron.check(schedule)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0 2 * *", "0 2 * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
            "* * * * 8", "*/0 * * * *", "5-1 * * * *", "@daily", "0 2 * * *;id"})
    void rejectsBadCronSchedules(String schedule) {
        assertThat(Cron.check(schedule)).isPresent();
    }
}
