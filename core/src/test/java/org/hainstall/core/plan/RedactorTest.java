package org.hainstall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The redactor masks secret values and key material, never the ordinary lines of a secret file. */
class RedactorTest {
    private static final String DRBD_SECRET = "9f3a6c1e2b7d4058a1c3e5f7091b2d4f6a8c0e2b4d6f8a1c";
    private static final String RESOURCE = """
            resource db2home {
                protocol C;
                net {
                    cram-hmac-alg sha1;
                    shared-secret "%s";
                }
                on sales-db1 {
                    device /dev/drbd0;
                    disk /dev/vg_db2/lv_db2home;
                    address 10.10.0.11:7789;
                    meta-disk internal;
                }
            }
            """.formatted(DRBD_SECRET);

    private Redactor redactorOfADrbdRun() {
        Redactor redactor = new Redactor();
        redactor.remember(DRBD_SECRET);      // read through SecretsView by the step
        redactor.remember(RESOURCE);         // the secret WriteFile's content
        return redactor;
    }

    @Test
    void keepsAnOrdinaryLineOfASecretFileReadable() {
        String error = "drbdadm: /etc/drbd.d/db2home.res:14: address 10.10.0.11:7789; IP not found";

        assertThat(redactorOfADrbdRun().redact(error)).isEqualTo(error);
        assertThat(redactorOfADrbdRun().redact("        disk /dev/vg_db2/lv_db2home;"))
                .isEqualTo("        disk /dev/vg_db2/lv_db2home;");
    }

    @Test
    void masksTheSecretValueInsideItsLineAndTheWholeFile() {
        Redactor redactor = redactorOfADrbdRun();

        assertThat(redactor.redact("shared-secret \"" + DRBD_SECRET + "\";")).isEqualTo("shared-secret \"***\";");
        assertThat(redactor.redact("wrote:\n" + RESOURCE)).isEqualTo("wrote:\n***\n");
    }

    @Test
    void masksEachBase64LineOfAPrivateKeyOnItsOwn() {
        String line1 = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        String line2 = "QyNTUxOQAAACBu3qYvQmP9xz0N2JrVUq0R1wq5t2GQk2Q6h6gKX0x5CQAAAJgAAAAAAAAA";
        Redactor redactor = new Redactor();
        redactor.remember("-----BEGIN OPENSSH PRIVATE KEY-----\n" + line1 + "\n" + line2
                + "\n-----END OPENSSH PRIVATE KEY-----\n");

        assertThat(redactor.redact("debug: " + line2)).isEqualTo("debug: ***");
        assertThat(redactor.redact("-----END OPENSSH PRIVATE KEY-----")).isEqualTo("-----END OPENSSH PRIVATE KEY-----");
    }
}
