package org.hainstall.core.os;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code dpkg-query -W -f='${Package} ${Status}\n' PKG…}: one line per known package, e.g.
 * {@code chrony install ok installed}. Unknown packages are reported on stderr (exit 1) and simply absent here.
 */
public record PackageStatus(Set<String> installed) {
    public PackageStatus {
        installed = Set.copyOf(installed);
    }

    public static PackageStatus parseDpkg(String stdout) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && "installed".equals(f[f.length - 1]) && "ok".equals(f[f.length - 2])) {
                String name = f[0];
                int colon = name.indexOf(':'); // multiarch "libc6:amd64"
                out.add(colon > 0 ? name.substring(0, colon) : name);
            }
        }
        return new PackageStatus(out);
    }
}
