package org.hainstall.ui.pages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.hainstall.core.config.ConfigChoice;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.ProvisioningKind;
import org.hainstall.ui.form.Form;
import org.hainstall.ui.form.ListEditor;
import org.hainstall.ui.form.Reveal;
import org.hainstall.ui.model.RecordModel;
import org.hainstall.ui.validation.PageFields;

/** The pages that edit the config, one per section, each a form bound to the config model. */
public final class ConfigPages {
    private final RecordModel root;
    private final Generators generate;
    private final ObservableValue<?> edits;
    private final BooleanBinding libvirt;
    private final BooleanBinding physical;

    /** {@code edits} changes with every edit of the config: lists picked from another part follow it. */
    public ConfigPages(RecordModel root, Generators generate, ObservableValue<?> edits) {
        this.root = root;
        this.generate = generate;
        this.edits = edits;
        StringProperty kind = root.child("provisioning").text("kind");
        libvirt = Bindings.createBooleanBinding(() -> kind(kind.get()) == ProvisioningKind.LIBVIRT, kind);
        physical = Bindings.createBooleanBinding(() -> kind(kind.get()) == ProvisioningKind.PHYSICAL, kind);
    }

    public List<WizardPage> all() {
        return List.of(cluster(), nodes(), storage(), replication(), heartbeat(), db2(), backup());
    }

    WizardPage cluster() {
        return page("cluster", "Cluster & network",
                List.of("cluster", "management", "access", "provisioning", "network", "time", "packages"),
                "The cluster's name, how the installer reaches the nodes, and the networks.", f -> {
                    RecordModel c = root.child("cluster");
                    f.heading("Cluster");
                    f.text(c, "name", "Cluster na_me", "Names the VMs, the Heartbeat cluster and the secrets folder");
                    f.text(c, "description", "_Description", "Free text for people");
                    RecordModel m = root.child("management");
                    f.heading("Management workstation");
                    f.text(m, "address", "Call-back _address", "This workstation's address, as the nodes reach it");
                    TextField cb = f.number(m, "callbackPort", "Call-back port", "TCP port the nodes call back to");
                    f.action(cb, "Generate", "Pick a free port between 8700 and 8799",
                            () -> m.text("callbackPort").set(Integer.toString(generate.port(8700, 8799, Set.of()))));
                    RecordModel a = root.child("access");
                    f.heading("Access to the nodes");
                    f.text(a, "user", "SSH _user", "root, or a user with passwordless sudo");
                    f.number(a, "port", "SSH port", "The nodes' SSH port, usually 22");
                    RecordModel p = root.child("provisioning");
                    RecordModel lv = p.child("libvirt");
                    f.heading("Provisioning");
                    f.choice(p, "kind", "_Provisioning", "libvirt: clone a VM stub; physical: you power machines on",
                            ProvisioningKind.class);
                    // Each kind shows only its own fields.
                    Form vm = f.section();
                    showWhen(vm.node(), libvirt);
                    vm.text(lv, "uri", "libvirt URI", "e.g. qemu:///system");
                    vm.text(lv, "stub", "VM stub", "An existing, shut-off domain to copy");
                    vm.text(lv, "storagePool", "Storage pool", "libvirt storage pool for the clones' disks");
                    vm.text(lv, "network", "libvirt network", "libvirt network of the nodes' main interface");
                    vm.text(lv, "replicationNetwork", "Replication network",
                            "libvirt network of the dedicated DRBD/Heartbeat link");
                    Label machines = new Label("Physical machines: hainstall asks you to power each one on with its "
                            + "seed; give the MAC addresses printed on their network cards on the Nodes page.");
                    machines.setWrapText(true);
                    machines.getStyleClass().add("hint");
                    machines.setId("physical-note");
                    showWhen(machines, physical);
                    f.span(machines);
                    RecordModel n = root.child("network");
                    f.heading("Network");
                    f.text(n, "domain", "D_omain", "DNS domain of the nodes");
                    f.text(n, "subnet", "_Subnet", "The main network, e.g. 192.168.122.0/24");
                    f.text(n, "gateway", "_Gateway", "Default gateway");
                    f.text(n, "dns", "DNS servers", "Comma separated");
                    f.text(n, "serviceAddress", "Service _address",
                            "The floating address that follows the active node");
                    f.text(n, "replicationSubnet", "_Replication subnet", "Dedicated link for DRBD and Heartbeat");
                    RecordModel t = root.child("time");
                    f.heading("Time and packages");
                    f.text(t, "ntpServers", "NTP servers", "Comma separated");
                    f.text(t, "timezone", "_Time zone", "e.g. UTC or Europe/Berlin");
                    f.text(root.child("packages"), "localRepository", "Local package folder",
                            "A folder of .deb files with a Packages index, carried on each node's seed ISO (optional)");
                });
    }

    WizardPage nodes() {
        return page("nodes", "Nodes", List.of("nodes"),
                "The two nodes. Node names must equal the hosts' uname -n. Exactly one node holds the valid data.",
                f -> f.span(new ListEditor(root, "nodes", "Node", f, 2, 2, (node, r) -> {
                    r.text(node, "name", "Host na_me", "Host name; equals uname -n");
                    r.text(node, "address", "_Address", "Address on the main network");
                    r.text(node, "replicationAddress", "_Replication address", "Address on the replication link");
                    r.check(node, "holdsValidData", "Holds _valid data",
                            "DRBD's first primary: its data wins the initial sync", null).selectedProperty()
                            .addListener((o, was, now) -> {
                                if (now) {
                                    // One node holds the valid data: ticking one unticks the others.
                                    root.list("nodes").stream().filter(x -> x != node)
                                            .filter(x -> Boolean.TRUE.equals(x.flag("holdsValidData").get()))
                                            .forEach(x -> x.flag("holdsValidData").set(null));
                                }
                            });
                    mac(r, node, "mac", "_MAC", "Main interface MAC");
                    mac(r, node, "replicationMac", "Replication MA_C", "Replication interface MAC");
                }).node()));
    }

    /**
     * A MAC field. A VM's MAC may be made up ("Generate"); a physical machine's must be the one printed on its
     * network card, so there is nothing to generate then.
     */
    private void mac(Form r, RecordModel node, String name, String label, String what) {
        TextField mac = r.text(node, name, label, what + ": for a physical machine the one printed on its network "
                + "card; for a VM optional (Generate makes one up)");
        mac.promptTextProperty().bind(Bindings.when(physical).then("as printed on the machine, e.g. 00:1a:2b:3c:4d:5e")
                .otherwise("optional for a VM"));
        Button generate = r.action(mac, "Generate", "A locally administered MAC not used elsewhere in this config",
                () -> node.text(name).set(this.generate.mac(macs())));
        showWhen(generate, libvirt);
    }

    WizardPage storage() {
        RecordModel s = root.child("storage");
        return page("storage", "Storage", List.of("storage"),
                "The same layout on both nodes: partitions, LVM volume groups and logical volumes.", f -> {
                    f.heading("Disks");
                    f.span(new ListEditor(s, "disks", "Disk", f, (disk, r) -> {
                        r.text(disk, "device", "_Device", "e.g. /dev/vdb");
                        r.span(new ListEditor(disk, "partitions", "Partition", r, (part, pr) -> {
                            pr.number(part, "number", "Number", "Partition number");
                            pr.text(part, "size", "Size", "512M, 20G … or rest");
                            pr.choice(part, "type", "Type", "What the partition holds", PartitionType.class);
                        }).node());
                    }).node());
                    f.heading("Volume groups");
                    f.span(new ListEditor(s, "volumeGroups", "Volume group", f, (vg, r) -> {
                        r.text(vg, "name", "Na_me", "e.g. vg_db2");
                        r.ticks(vg, "physicalVolumes", "Physical volumes", "The partitions (type lvm) of the disks above",
                                this::lvmPartitions, edits, "Add a disk with an lvm partition above first.");
                        r.span(new ListEditor(vg, "logicalVolumes", "Logical volume", r, (lv, lr) -> {
                            lr.text(lv, "name", "Name", "e.g. lv_db2data");
                            lr.text(lv, "size", "Size", "e.g. 4G");
                            RecordModel fs = lv.child("filesystem");
                            lr.choice(fs, "type", "Filesystem", "Only for local volumes; leave it not set for a volume "
                                    + "that backs DRBD (the filesystem goes on the resource)", FilesystemType.class);
                            lr.text(fs, "mountPoint", "Mount point", "e.g. /backup");
                        }).node());
                    }).node());
                });
    }

    WizardPage replication() {
        RecordModel r = root.child("replication");
        return page("replication", "Replication", List.of("replication"),
                "DRBD resources, each backed by a logical volume.", f -> {
                    f.choice(r, "protocol", "_Protocol", "When DRBD counts a write as done", DrbdProtocol.class);
                    f.choice(r, "initialSync", "_Initial sync", "How the first primary's data reaches the peer",
                            InitialSync.class);
                    f.heading("Resources");
                    f.span(new ListEditor(r, "resources", "Resource", f, (res, rr) -> {
                        rr.text(res, "name", "Na_me", "DRBD resource name");
                        rr.number(res, "minor", "Minor", "/dev/drbdN");
                        TextField port = rr.number(res, "port", "Port", "TCP port of the resource's link");
                        rr.action(port, "Generate", "The next port from 7789 not used by another resource",
                                () -> res.text("port").set(Integer.toString(generate.nextPort(7789, drbdPorts()))));
                        rr.pick(res, "backingVolume", "Backing volume",
                                "A logical volume of the Storage page without a filesystem of its own",
                                this::drbdVolumes);
                        RecordModel fs = res.child("filesystem");
                        rr.choice(fs, "type", "Filesystem", "Made on the DRBD device", FilesystemType.class);
                        rr.text(fs, "mountPoint", "Mount point", "e.g. /db2data");
                    }).node());
                });
    }

    WizardPage heartbeat() {
        RecordModel h = root.child("heartbeat");
        return page("heartbeat", "Heartbeat", List.of("heartbeat"),
                "Heartbeat moves the service. Use a UDP port of its own: several clusters may share a subnet.", f -> {
                    TextField port = f.number(h, "udpPort", "_UDP port", "Not the default 694");
                    f.action(port, "Generate", "A random port between 6900 and 6999",
                            () -> h.text("udpPort").set(Integer.toString(generate.port(6900, 6999, Set.of()))));
                    f.text(h, "keepalive", "_Keepalive", "e.g. 2s");
                    f.text(h, "warntime", "_Warn time", "e.g. 10s");
                    f.text(h, "deadtime", "_Dead time", "e.g. 30s");
                    f.text(h, "initdead", "_Init dead", "e.g. 120s");
                    f.check(h, "autoFailback", "_Auto failback", "Move the service back when a node returns",
                            Boolean.FALSE);
                });
    }

    WizardPage db2() {
        RecordModel d = root.child("db2");
        return page("db2", "DB2", List.of("db2"),
                "DB2 instances live on replicated filesystems; the standby node gets a stub of each.", f -> {
                    f.text(d, "installPath", "Install _path", "e.g. /opt/ibm/db2/V11.5");
                    f.text(d, "installImage", "Install _image", "The server image (.tar.gz) on this workstation");
                    f.heading("Instances");
                    f.span(new ListEditor(d, "instances", "Instance", f, (in, r) -> {
                        r.text(in, "name", "Na_me", "e.g. db2inst1");
                        r.text(in, "owner", "_Owner", "Instance owner user");
                        r.text(in, "fencedUser", "_Fenced user", "Fenced user");
                        r.number(in, "port", "Port", "The instance's TCP port");
                        r.text(in, "home", "_Home", "Must lie on a replicated filesystem");
                        r.span(new ListEditor(in, "databases", "Database", r, (db, dr) -> {
                            dr.text(db, "name", "Name", "e.g. SALES");
                            dr.text(db, "path", "Path", "e.g. /db2data");
                            dr.text(db, "codeset", "Codeset", "e.g. UTF-8");
                            dr.text(db, "territory", "Territory", "e.g. US");
                        }).node());
                    }).node());
                });
    }

    WizardPage backup() {
        RecordModel b = root.child("backup");
        return page("backup", "Backup", List.of("backup"), "Every database must be covered by the backup.", f -> {
            f.text(b, "target", "_Target", "Backup folder on the nodes");
            f.text(b, "schedule", "_Schedule", "cron, e.g. 0 2 * * *");
            f.number(b, "retentionDays", "_Retention (days)", "How long backups are kept");
            f.ticks(b, "databases", "_Databases", "Every database of the DB2 page must be backed up",
                    this::databases, edits, "Add a database on the DB2 page first.");
        });
    }

    /** A page whose form is built the first time it is shown. */
    private WizardPage page(String id, String title, List<String> owns, String intro, Consumer<Form> build) {
        PageFields fields = new PageFields();
        WizardPage page = new WizardPage(id, title, owns, fields);
        page.setContentBuilder(() -> {
            Form form = new Form(fields);
            Label about = new Label(intro);
            about.setWrapText(true);
            about.getStyleClass().add("page-intro");
            build.accept(form);
            VBox box = new VBox(10, about, form.node());
            box.setPadding(new Insets(12));
            ScrollPane scroll = new ScrollPane(box);
            scroll.setFitToWidth(true);
            // Tabbing through a long page keeps the focused field in view.
            ChangeListener<Node> reveal = (fo, a, focused) -> {
                if (focused != null && isInside(focused, scroll)) {
                    Reveal.inScrollPane(focused);
                }
            };
            scroll.sceneProperty().addListener((o, was, scene) -> {
                if (was != null) {
                    was.focusOwnerProperty().removeListener(reveal);
                }
                if (scene != null) {
                    scene.focusOwnerProperty().addListener(reveal);
                }
            });
            return scroll;
        });
        return page;
    }

    private static void showWhen(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static ProvisioningKind kind(String word) {
        return ConfigChoice.parse(ProvisioningKind.class, word).orElse(null);
    }

    private static boolean isInside(Node node, ScrollPane scroll) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == scroll) {
                return true;
            }
        }
        return false;
    }

    /** The device of every lvm partition (or one whose type is not set yet) the Storage page declares. */
    private List<String> lvmPartitions() {
        List<String> out = new ArrayList<>();
        for (RecordModel disk : root.child("storage").list("disks")) {
            String device = disk.text("device").get().strip();
            if (device.isEmpty()) {
                continue;
            }
            for (RecordModel part : disk.list("partitions")) {
                String number = part.text("number").get().strip();
                String type = part.text("type").get();
                boolean lvm = type.isBlank() || ConfigChoice.parse(PartitionType.class, type)
                        .orElse(null) == PartitionType.LVM;
                if (number.matches("\\d{1,3}") && lvm) {
                    // The kernel's naming: /dev/vdb + 1 = /dev/vdb1, /dev/nvme0n1 + 1 = /dev/nvme0n1p1.
                    out.add(device + (Character.isDigit(device.charAt(device.length() - 1)) ? "p" : "") + number);
                }
            }
        }
        return out;
    }

    /** "vg/lv" of every logical volume without a filesystem of its own: the ones that can back DRBD. */
    private List<String> drbdVolumes() {
        List<String> out = new ArrayList<>();
        for (RecordModel vg : root.child("storage").list("volumeGroups")) {
            String group = vg.text("name").get().strip();
            for (RecordModel lv : vg.list("logicalVolumes")) {
                RecordModel fs = lv.child("filesystem");
                String name = lv.text("name").get().strip();
                if (!group.isEmpty() && !name.isEmpty() && fs.text("type").get().isBlank()
                        && fs.text("mountPoint").get().isBlank()) {
                    out.add(group + "/" + name);
                }
            }
        }
        return out;
    }

    /** The names of the databases the DB2 page declares. */
    private List<String> databases() {
        List<String> out = new ArrayList<>();
        for (RecordModel instance : root.child("db2").list("instances")) {
            for (RecordModel db : instance.list("databases")) {
                String name = db.text("name").get().strip();
                if (!name.isEmpty() && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private Set<String> macs() {
        Set<String> taken = new HashSet<>();
        for (RecordModel n : root.list("nodes")) {
            taken.add(n.text("mac").get());
            taken.add(n.text("replicationMac").get());
        }
        return taken;
    }

    private Set<Integer> drbdPorts() {
        Set<Integer> taken = new HashSet<>();
        for (RecordModel r : root.child("replication").list("resources")) {
            String p = r.text("port").get().strip();
            if (p.matches("\\d{1,9}")) {
                taken.add(Integer.parseInt(p));
            }
        }
        return taken;
    }
}
