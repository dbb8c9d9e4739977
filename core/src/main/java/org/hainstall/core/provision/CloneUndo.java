package org.hainstall.core.provision;

import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/** One thing a cloner did, and how to take it back; it removes only what still carries the identity it gave. */
sealed interface CloneUndo {
    void run(Connect c) throws LibvirtException;

    record Started(String name, UUID uuid) implements CloneUndo {
        @Override
        public void run(Connect c) throws LibvirtException {
            Domain d = c.domainLookupByUUIDString(uuid.toString());
            if (d.isActive() == 1) {
                d.destroy();
            }
        }
    }

    record DomainDefined(String name, UUID uuid) implements CloneUndo {
        @Override
        public void run(Connect c) throws LibvirtException {
            // By UUID: a domain that someone else has since given this name is not ours to remove.
            Domain d = c.domainLookupByUUIDString(uuid.toString());
            if (d.isActive() == 1) {
                d.destroy();
            }
            d.undefine();
        }
    }

    record VolumeCreated(String pool, String name, String path) implements CloneUndo {
        @Override
        public void run(Connect c) throws LibvirtException {
            StorageVol v = c.storagePoolLookupByName(pool).storageVolLookupByName(name);
            if (path.equals(v.getPath())) {
                v.delete(0);
            }
        }
    }
}
