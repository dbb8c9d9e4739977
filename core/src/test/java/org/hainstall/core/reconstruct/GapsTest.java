package org.hainstall.core.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;

import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.junit.jupiter.api.Test;

/** A word read on a live node becomes the config's enum, or a note naming the path when hainstall has no such word. */
class GapsTest {
    @Test
    void aKnownWordIsItsConstantAndLeavesNoNote() {
        Gaps gaps = new Gaps(new NodeFacts());
        assertThat(gaps.word(FilesystemType.class, "storage.volumeGroups: vg/lv: filesystem.type", "xfs"))
                .isEqualTo(FilesystemType.XFS);
        assertThat(gaps.word(DrbdProtocol.class, "replication.protocol", "C")).isEqualTo(DrbdProtocol.C);
        assertThat(gaps.word(DrbdProtocol.class, "replication.protocol", null)).isNull();
        assertThat(gaps.notes()).isEmpty();
    }

    @Test
    void aWordHainstallDoesNotSetUpIsLeftEmptyWithANoteNamingThePathAndTheKnownWords() {
        Gaps gaps = new Gaps(new NodeFacts());
        assertThat(gaps.word(FilesystemType.class, "storage.volumeGroups: vg/lv: filesystem.type", "btrfs")).isNull();
        assertThat(gaps.notes()).singleElement().asString()
                .startsWith("storage.volumeGroups: vg/lv: filesystem.type:")
                .contains("filesystem type 'btrfs'", "ext4, ext3, xfs");
    }
}
