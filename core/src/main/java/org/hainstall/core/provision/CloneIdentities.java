package org.hainstall.core.provision;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Where a clone's new UUID and MAC addresses come from; tests inject a deterministic one for golden files. */
public interface CloneIdentities {
    UUID newUuid();

    /** A MAC address, lowercase, colon separated. The cloner retries when it is already in use. */
    String newMac();

    /**
     * Random ones: UUIDv4, and MACs under 52:54:00 — the prefix qemu/libvirt use, which has the
     * locally-administered bit set (0x52 = 0101 0010), so it never collides with a real vendor's card. Uniqueness
     * among the hypervisor's domains is checked by the cloner.
     */
    static CloneIdentities random(SecureRandom random) {
        return new CloneIdentities() {
            @Override
            public UUID newUuid() {
                return UUID.randomUUID();
            }

            @Override
            public String newMac() {
                byte[] tail = new byte[3];
                random.nextBytes(tail);
                return "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail);
            }
        };
    }
}
