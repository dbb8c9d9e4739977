package org.hainstall.core.node;

/** A secret value carried in facts; its toString never shows it, so a logged record cannot leak it. */
public record Secret(String value) {
    @Override
    public String toString() {
        return "(secret)";
    }
}
