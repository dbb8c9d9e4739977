package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeLockTest {
    private static final Duration STALE = Duration.ofMinutes(5);
    private final InMemoryNodeShell node = new InMemoryNodeShell("sales-db1");
    private final RecordingSink sink = new RecordingSink();
    private final LockOwner first = new LockOwner("20261126T001500Z-modify", "alice", "ws1", 4242, "2026-11-26T00:15:00Z");
    private final LockOwner second = new LockOwner("20261126T001600Z-modify", "bob", "ws2", 777, "2026-11-26T00:16:00Z");

    private NodeLock lock(LockOwner owner) {
        return new NodeLock(node, owner, STALE, sink, Clock.systemUTC());
    }

    @Test
    void acquiresAFreeLockAndNamesItsOwner() throws Exception {
        lock(first).acquire();
        assertThat(node.lockPresent()).isTrue();
        assertThat(node.file(NodeLock.OWNER)).contains("run=20261126T001500Z-modify").contains("host=ws1")
                .contains("pid=4242");
    }

    @Test
    void refusesASecondRunAndNamesTheRunThatHoldsTheLock() throws Exception {
        lock(first).acquire();
        node.advance(Duration.ofSeconds(45));
        assertThatThrownBy(() -> lock(second).acquire())
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("sales-db1")
                .hasMessageContaining("run 20261126T001500Z-modify by alice@ws1 (pid 4242)")
                .hasMessageContaining("last refreshed 45 s ago")
                .hasMessageContaining("nothing was changed");
        assertThat(node.file(NodeLock.OWNER)).contains("run=20261126T001500Z-modify");
    }

    @Test
    void takesOverAStaleLockWithAWarning() throws Exception {
        lock(first).acquire();
        node.advance(STALE.plusSeconds(1));
        lock(second).acquire();
        assertThat(node.file(NodeLock.OWNER)).contains("run=20261126T001600Z-modify");
        assertThat(sink.of(Event.Notice.class)).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo(Event.Notice.Level.WARNING);
            assertThat(n.message()).contains("stale").contains("alice@ws1");
        });
    }

    @Test
    void aRefreshedLockNeverTurnsStale() throws Exception {
        NodeLock holder = lock(first);
        holder.acquire();
        for (int i = 0; i < 10; i++) {
            node.advance(Duration.ofMinutes(1));
            holder.refresh();
        }
        assertThatThrownBy(() -> lock(second).acquire()).isInstanceOf(LockHeldException.class);
    }

    @Test
    void refreshNoticesThatAnotherRunTookTheLock() throws Exception {
        NodeLock holder = lock(first);
        holder.acquire();
        node.advance(STALE.plusSeconds(1));
        lock(second).acquire();
        assertThatThrownBy(holder::refresh).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("lost its lock").hasMessageContaining("bob@ws2");
    }

    @Test
    void releaseRemovesTheLockSoTheNextRunMayStart() throws Exception {
        NodeLock holder = lock(first);
        holder.acquire();
        holder.release();
        assertThat(node.lockPresent()).isFalse();
        lock(second).acquire();
        assertThat(node.lockPresent()).isTrue();
    }

    @Test
    void releaseLeavesAnotherRunsLockAlone() throws Exception {
        NodeLock holder = lock(first);
        holder.acquire();
        node.advance(STALE.plusSeconds(1));
        lock(second).acquire();
        holder.release();
        assertThat(node.file(NodeLock.OWNER)).contains("run=20261126T001600Z-modify");
    }

    @Test
    void aLockWithoutOwnerFileIsRefusedUntilStale() throws Exception {
        node.run(NodeLock.ACQUIRE, Duration.ofSeconds(1));
        assertThatThrownBy(() -> lock(second).acquire()).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("no owner file");
        node.advance(STALE);
        lock(second).acquire();
        assertThat(node.file(NodeLock.OWNER)).contains("bob");
    }

    @Test
    void takesOverAtOnceALockWhoseProcessOnThisWorkstationIsGone() throws Exception {
        LockOwner killed = new LockOwner("20261126T001500Z-modify", "alice", "ws1", 4242, "2026-11-26T00:15:00Z");
        LockOwner rerun = new LockOwner("20261126T001700Z-modify", "alice", "ws1", 5000, "2026-11-26T00:17:00Z");
        new NodeLock(node, killed, STALE, sink, Clock.systemUTC(), pid -> true).acquire();
        node.advance(Duration.ofSeconds(10));
        new NodeLock(node, rerun, STALE, sink, Clock.systemUTC(), pid -> pid != 4242).acquire();
        assertThat(node.file(NodeLock.OWNER)).contains("run=20261126T001700Z-modify");
        assertThat(sink.of(Event.Notice.class)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("no longer runs on this workstation"));
    }

    @Test
    void aLiveProcessOnThisWorkstationKeepsItsLock() throws Exception {
        LockOwner running = new LockOwner("20261126T001500Z-modify", "alice", "ws1", 4242, "2026-11-26T00:15:00Z");
        LockOwner other = new LockOwner("20261126T001700Z-modify", "alice", "ws1", 5000, "2026-11-26T00:17:00Z");
        new NodeLock(node, running, STALE, sink, Clock.systemUTC(), pid -> true).acquire();
        assertThatThrownBy(() -> new NodeLock(node, other, STALE, sink, Clock.systemUTC(), pid -> true).acquire())
                .isInstanceOf(LockHeldException.class);
    }

    @Test
    void aRunFromAnotherWorkstationStartedInTheSameSecondIsStillRefused() throws Exception {
        LockOwner here = new LockOwner("20261126T001500Z-modify", "alice", "ws1", 4242, "2026-11-26T00:15:00Z");
        LockOwner there = new LockOwner("20261126T001500Z-modify", "bob", "ws2", 4242, "2026-11-26T00:15:00Z");
        lock(here).acquire();
        assertThatThrownBy(() -> lock(there).acquire()).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("alice@ws1");
    }
}
