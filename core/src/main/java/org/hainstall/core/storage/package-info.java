/**
 * Disks, partitions, LVM and local filesystems: their facts (StorageProbe), the tools' parsers, the layout the
 * config means, and the storage steps.
 */
package org.hainstall.core.storage;
