package org.hainstall.core.usecase;

import org.hainstall.core.plan.SecretsView;

/**
 * Secrets for {@code create --dry-run}: create generates the real ones in its third step, which a dry run does
 * not reach. Every file that would carry a secret is a secret WriteFile, so only its size is ever shown.
 */
final class PlaceholderSecrets implements SecretsView {
    @Override
    public String heartbeatAuthKey() {
        return "generated-by-create-0000000000000000000000000000";
    }

    @Override
    public String drbdSecret(String resourceName) {
        return "generated-by-create-000000000000000000000000";
    }
}
