package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hainstall.core.db2.Db2OutputParser;
import org.hainstall.core.drbd.DrbdConfigParser;
import org.hainstall.core.drbd.DrbdResourceFacts;
import org.hainstall.core.heartbeat.HaCfFacts;
import org.hainstall.core.heartbeat.HaResourcesFacts;
import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void drbdParserToleratesCommentsOddWhitespaceAndExtraResources() {
        String dump = """
                # extra whitespace, tabs and a resource hainstall did not write
                resource   db2home{ protocol C;
                  on a {device /dev/drbd0 minor 0;disk /dev/mapper/vg_db2-lv_db2home; address ipv4 10.0.0.1:7789;meta-disk internal;}
                \ton b { device /dev/drbd0; disk /dev/vg_db2/lv_db2home; address 10.0.0.2:7789; meta-disk internal; }
                }
                resource other { on a { device minor 9; disk /dev/sdz; address 10.0.0.1:7800; meta-disk internal; }
                  on b { device minor 9; disk /dev/sdz; address 10.0.0.2:7800; meta-disk internal; } }
                """;
        List<DrbdResourceFacts> rs = DrbdResourceFacts.fromDump(dump);
        assertThat(rs).extracting(DrbdResourceFacts::name).containsExactly("db2home", "other");
        DrbdResourceFacts home = rs.get(0);
        assertThat(home.minor()).isZero();
        assertThat(home.port()).isEqualTo(7789);
        assertThat(home.protocol()).isEqualTo("C");
        assertThat(home.backingVolume()).contains("vg_db2/lv_db2home");
        assertThat(home.hosts()).extracting(DrbdResourceFacts.Host::address).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(rs.get(1).minor()).isEqualTo(9);
        assertThat(rs.get(1).backingVolume()).isEmpty();
    }

    @Test
    void drbdParserNeverPrintsTheSecret() {
        DrbdResourceFacts r = DrbdResourceFacts.fromDump(
                "resource r { net { shared-secret \"topsecret\"; } on a { device minor 1; } }").get(0);
        assertThat(r.sharedSecret()).contains("topsecret");
        assertThat(r.toString()).doesNotContain("topsecret");
    }

    @Test
    void drbdParserRejectsUnbalancedBraces() {
        assertThatThrownBy(() -> DrbdConfigParser.parse("resource r { on a { device minor 1; }"))
                .hasMessageContaining("missing '}'");
    }

    @Test
    void mapperNamesWithDashesAreUnescaped() {
        DrbdResourceFacts r = DrbdResourceFacts.fromDump(
                "resource r { on a { device minor 1; disk /dev/mapper/vg--db2-lv--home; } }").get(0);
        assertThat(r.backingVolume()).contains("vg-db2/lv-home");
    }

    @Test
    void haCfIgnoresUdpPortAfterUcastAsHeartbeatDoes() {
        HaCfFacts late = HaCfFacts.parse("ucast eth0 10.0.0.2\nudpport 6940\nnode a\nnode b\n");
        assertThat(late.udpPort()).isNull();
        assertThat(late.notes()).singleElement().asString().contains("ignores");

        HaCfFacts ok = HaCfFacts.parse("  udpport   6940   # custom\nkeepalive 500ms\nnode a b\nauto_failback on\n");
        assertThat(ok.udpPort()).isEqualTo(6940);
        assertThat(ok.keepalive()).isEqualTo("500ms");
        assertThat(ok.nodes()).containsExactly("a", "b");
        assertThat(ok.autoFailback()).isTrue();
    }

    @Test
    void haResourcesJoinsContinuationLines() {
        HaResourcesFacts h = HaResourcesFacts.parse("# c\nnode1 drbddisk::r0 \\\n  IPaddr2::10.1.1.5/24/eth0 db2::db2inst1\n")
                .orElseThrow();
        assertThat(h.preferredNode()).isEqualTo("node1");
        assertThat(h.serviceAddress()).contains("10.1.1.5");
        assertThat(h.byAgent("db2")).singleElement().extracting(HaResourcesFacts.Resource::args)
                .isEqualTo(List.of("db2inst1"));
    }

    @Test
    void emptyDatabaseDirectoryHasNoEntries() {
        assertThat(Db2OutputParser.databaseDirectory(
                "SQL1057W  The system database directory is empty.  SQLSTATE=01606\n")).isEmpty();
    }

    @Test
    void sizesAreWrittenInTheLargestExactUnit() {
        assertThat(SizeText.of(1L << 30)).isEqualTo("1G");
        assertThat(SizeText.of(64L << 20)).isEqualTo("64M");
        assertThat(SizeText.of((1L << 30) + (4L << 20))).isEqualTo("1028M");
    }
}
