package org.hainstall.core.provision;

import java.util.HashSet;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * The libvirt look-ups the cloner and its planner share: "not found" is an answer (null), any other error is one.
 * libvirt-java reports both as exceptions; telling them apart here keeps the callers' checks plain.
 */
final class LibvirtLookups {
    private final Connect connect;
    private final String configuredUri;

    LibvirtLookups(Connect connect, String configuredUri) {
        this.connect = connect;
        this.configuredUri = configuredUri;
    }

    Connect connect() {
        return connect;
    }

    Set<String> macsInUse() throws LibvirtException {
        Set<String> macs = new HashSet<>();
        for (Domain d : connect.listAllDomains(0)) {
            CloneXml.collectMacs(d.getXMLDesc(0), macs);
            if (d.isActive() == 1 && d.isPersistent() == 1) {
                CloneXml.collectMacs(d.getXMLDesc(Domain.XMLFlags.INACTIVE), macs);
            }
        }
        return macs;
    }

    Domain domain(String name) throws LibvirtException {
        try {
            return connect.domainLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return null;
            }
            throw e;
        }
    }

    StorageVol volumeByPath(String path) throws LibvirtException {
        try {
            return connect.storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                return null;
            }
            throw e;
        }
    }

    static StorageVol volume(StoragePool pool, String name) throws LibvirtException {
        try {
            return pool.storageVolLookupByName(name);
        } catch (LibvirtException e) {
            if (code(e) == Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL) {
                return null;
            }
            throw e;
        }
    }

    /** The hypervisor's URI for messages; the configured one when libvirt cannot say. */
    String uri() {
        try {
            return connect.getURI();
        } catch (LibvirtException e) {
            return configuredUri;
        }
    }

    static Error.ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }

    static String message(Exception e) {
        if (e instanceof LibvirtException && ((LibvirtException) e).getError() != null) {
            return ((LibvirtException) e).getError().getMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
