package org.hainstall.core.node;

/**
 * The subsystem whose changes can make a fact stale. After a step changes a node, the facts of the parts it
 * {@linkplain FactStep#touches touches} are read again; the others are kept.
 */
public enum Part {
    OS, STORAGE, DRBD, HEARTBEAT, DB2, BACKUP
}
