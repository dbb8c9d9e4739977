package org.hainstall.core.config;

/** {@code provisioning.kind}: how the nodes come to exist. */
public enum ProvisioningKind implements ConfigChoice {
    LIBVIRT("libvirt", "clone a VM stub with libvirt"),
    PHYSICAL("physical", "you power prepared machines on");

    private final String word;
    private final String description;

    ProvisioningKind(String word, String description) {
        this.word = word;
        this.description = description;
    }

    @Override
    public String configValue() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }
}
